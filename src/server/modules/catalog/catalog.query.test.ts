import { buildSearchPlan, maxQueryWords, parseSearchWords, wordTerm } from './catalog.query.js';

describe('parseSearchWords', () => {
  it('lowercases words and spells ё as е', () => {
    expect(parseSearchWords('Учёт ЗЕМЛИ')).toEqual(['учет', 'земли']);
  });

  it('splits on punctuation, hyphens and tsquery operators', () => {
    expect(parseSearchWords("паспорт,рф & (Лев-Толстовский) !:* 'снилс'")).toEqual([
      'паспорт',
      'рф',
      'лев',
      'толстовский',
      'снилс',
    ]);
  });

  it('drops one-letter words and repeated words', () => {
    expect(parseSearchWords('справка о я справка в')).toEqual(['справка']);
  });

  it('keeps latin letters and digits', () => {
    expect(parseSearchWords('ИНН 2024 inn')).toEqual(['инн', '2024', 'inn']);
  });

  it(`keeps at most ${maxQueryWords} words`, () => {
    const words = parseSearchWords('один два три четыре пять шесть семь восемь девять десять');
    expect(words).toHaveLength(maxQueryWords);
    expect(words.at(-1)).toBe('восемь');
  });

  it('gives no words for an empty query or punctuation only', () => {
    expect(parseSearchWords(undefined)).toEqual([]);
    expect(parseSearchWords('  !!! ?? -- ')).toEqual([]);
  });

  it('cuts a pasted run of letters to a word length', () => {
    expect(parseSearchWords('а'.repeat(200))[0]).toHaveLength(40);
  });
});

describe('wordTerm', () => {
  it('matches the last word as a prefix once it has three letters', () => {
    expect(wordTerm('загранп', true)).toBe('загранп:*');
    expect(wordTerm('по', true)).toBe('по');
    expect(wordTerm('паспорт', false)).toBe('паспорт');
  });
});

describe('buildSearchPlan', () => {
  it('requires every word in one query and any word in the other', () => {
    expect(buildSearchPlan(['выдача', 'паспорта'], new Map())).toEqual({
      text: 'выдача паспорта',
      all: 'выдача & паспорта:*',
      any: 'выдача | паспорта:*',
    });
  });

  it('lets a corrected word match its lexicon neighbours instead', () => {
    const plan = buildSearchPlan(['пасспорт', 'рф'], new Map([['пасспорт', ['паспорт', 'паспорта']]]));
    expect(plan.all).toBe('(пасспорт | паспорт | паспорта) & рф');
  });

  it('ignores a correction that is not a plain word', () => {
    const plan = buildSearchPlan(['снилс'], new Map([['снилс', ['a & b', 'снилс', 'снилса']]]));
    expect(plan.any).toBe('(снилс:* | снилса)');
  });
});
