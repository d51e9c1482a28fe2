import { SMS_MAX_PARTS, smsParts } from '../../../../shared/sms-length.js';

/**
 * Fitting an SMS into its parts. A template gives its text as pieces joined as they are: fixed facts (a booking
 * code, a time, a ticket or case number) that are never cut, values that may be shortened with an ellipsis
 * (a service's title, an office's name and address, a stage's text), and optional pieces (a greeting by
 * name, a link, a phone) kept only when they fit. I/O-free.
 */

/** A piece of an SMS: a string is fixed; `shorten` may be cut; `optional` is kept only if it fits, else `otherwise`. */
export type SmsPiece =
  | string
  | { shorten: string }
  | { optional: string; otherwise?: string; priority?: number };

/** A value that may be cut with an ellipsis to make the text fit. */
export const shorten = (text: string): SmsPiece => ({ shorten: text });

/**
 * A piece kept only if it fits with every value whole; else `otherwise` (by default nothing) stands in its
 * place. The optional pieces of a higher `priority` are kept first (a link before a greeting).
 */
export const optional = (text: string, otherwise = '', priority = 0): SmsPiece => ({
  optional: text,
  otherwise,
  priority,
});

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** Spaces and punctuation that would hang before an ellipsis: «ул. Советская, …» reads «ул. Советская…». */
const hanging = /[\s,;:.\-–—(«"/]+$/u;

/**
 * A value cut to at most `keep` of its characters (graphemes: an emoji or a letter with its accent is never
 * split) followed by the ellipsis. A value no longer than `keep` plus the ellipsis stays whole: cutting it
 * would save nothing.
 */
export function shortenTo(text: string, keep: number, ellipsis = '…'): string {
  const chars = graphemes(text);
  if (chars.length <= keep + graphemes(ellipsis).length) return text;
  return chars.slice(0, keep).join('').replace(hanging, '') + ellipsis;
}

type Optional = { optional: string; otherwise?: string; priority?: number };
const isOptional = (p: SmsPiece): p is Optional => typeof p === 'object' && 'optional' in p;

/** The longest a value may be kept: a value longer than two parts of GSM-7 cannot fit whole anyway. */
const MAX_KEEP = 2 * 153;
/** «…» is not in GSM-7: a text that is otherwise GSM-7 keeps its 153 septets per part with "..." instead. */
const ellipses = ['…', '...'];

/**
 * The pieces joined into a text of at most `maxParts` SMS parts:
 * 1. the fixed pieces and the values whole, each optional piece in its `otherwise` form; if that fits,
 *    the optional pieces, by priority (then order), each in its full form if it still fits;
 * 2. else every optional piece in its `otherwise` form, and the values cut to one common length, the
 *    longest that fits (short values stay whole, the long ones are cut alike), with «…» or, when the text
 *    would otherwise be GSM-7, "..." if that keeps more.
 * The fixed pieces are never cut: if they alone (with one ellipsis per value) do not fit, the shortest text
 * is returned as it is, over the limit — a template keeps its fixed pieces short enough for this never to be so.
 */
export function fitSms(pieces: readonly SmsPiece[], maxParts: number = SMS_MAX_PARTS): string {
  const fits = (text: string) => smsParts(text).parts <= maxParts;
  const join = (kept: ReadonlySet<SmsPiece>, cut: (value: string) => string) => {
    let text = '';
    let wasCut = false;
    for (const p of pieces) {
      if (typeof p === 'string') {
        // «ул. Совет…» ends the sentence already: no «….»
        text += wasCut && p.startsWith('.') && !p.startsWith('..') ? p.slice(1) : p;
        wasCut = false;
      } else if ('shorten' in p) {
        const value = cut(p.shorten);
        text += value;
        wasCut = value !== p.shorten;
      } else {
        text += kept.has(p) ? p.optional : (p.otherwise ?? '');
        wasCut = false;
      }
    }
    return text;
  };

  const whole = (value: string) => value;
  const kept = new Set<SmsPiece>();
  if (fits(join(kept, whole))) {
    const byPriority = pieces
      .filter(isOptional)
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (b.p.priority ?? 0) - (a.p.priority ?? 0) || a.i - b.i);
    for (const { p } of byPriority) {
      kept.add(p);
      if (!fits(join(kept, whole))) kept.delete(p);
    }
    return join(kept, whole);
  }

  const longest = Math.max(
    0,
    ...pieces.map((p) => (typeof p === 'object' && 'shorten' in p ? graphemes(p.shorten).length : 0)),
  );
  let best: { keep: number; text: string } | null = null;
  for (const ellipsis of ellipses) {
    for (let keep = Math.min(longest, MAX_KEEP); keep >= 0; keep -= 1) {
      if (best && keep <= best.keep) break;
      const text = join(kept, (value) => shortenTo(value, keep, ellipsis));
      if (fits(text)) {
        best = { keep, text };
        break;
      }
    }
  }
  return best?.text ?? join(kept, (value) => shortenTo(value, 0));
}
