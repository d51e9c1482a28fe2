/**
 * Parsing of a citizen's search text into words, and the text of the PostgreSQL tsqueries built from
 * them. Pure: no I/O. The words only ever hold letters and digits, so the tsquery text built from them
 * cannot carry tsquery operators typed by the user.
 */

/** At most this many words of a query are searched: more only slows the search down. */
export const maxQueryWords = 8;
/** Longer "words" are not words a citizen types (pasted garbage): they are cut to this length. */
export const maxWordLength = 40;
/** The last word is matched as a prefix (the citizen is still typing it) once it has this many letters. */
export const minPrefixLength = 3;

/**
 * Splits a query into lowercase words: ё becomes е, punctuation and symbols separate words, one-letter
 * words are dropped, repeated words count once, and at most `maxQueryWords` words are kept.
 */
export function parseSearchWords(q: string | undefined): string[] {
  if (!q) return [];
  const words: string[] = [];
  const normalized = q.normalize('NFC').toLowerCase().replaceAll('ё', 'е');
  for (const raw of normalized.split(/[^a-zа-я0-9]+/)) {
    const word = raw.slice(0, maxWordLength);
    if (word.length < 2 || words.includes(word)) continue;
    words.push(word);
    if (words.length === maxQueryWords) break;
  }
  return words;
}

/** The tsquery term of a word as typed: the last word also matches as a prefix. */
export function wordTerm(word: string, isLast: boolean): string {
  return isLast && word.length >= minPrefixLength ? `${word}:*` : word;
}

const lexeme = /^[a-zа-яё0-9]+$/;

export type SearchPlan = {
  /** The words as typed, normalized: compared by trigram similarity against the whole card text. */
  text: string;
  /** to_tsquery text where every word (or one of its corrections) must match. */
  all: string;
  /** to_tsquery text where any word (or one of its corrections) may match. */
  any: string;
};

/**
 * Builds the tsquery texts of a search: each word becomes a group "(word | correction1 | …)" where
 * the corrections are the lexicon words that replace a word matching nothing (a typo).
 */
export function buildSearchPlan(words: string[], corrections: ReadonlyMap<string, string[]>): SearchPlan {
  const groups = words.map((word, i) => {
    const fixes = (corrections.get(word) ?? []).filter((c) => lexeme.test(c) && c !== word);
    const terms = [wordTerm(word, i === words.length - 1), ...fixes];
    return terms.length === 1 ? terms[0] : `(${terms.join(' | ')})`;
  });
  return { text: words.join(' '), all: groups.join(' & '), any: groups.join(' | ') };
}
