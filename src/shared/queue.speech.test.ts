import { clipWords, numberWords, splitTicketNumber, spokenCall, spokenLetters } from './queue.speech.js';

describe('numberWords', () => {
  it.each([
    [0, ['ноль']],
    [1, ['один']],
    [5, ['пять']],
    [10, ['десять']],
    [11, ['одиннадцать']],
    [17, ['семнадцать']],
    [19, ['девятнадцать']],
    [20, ['двадцать']],
    [21, ['двадцать', 'один']],
    [40, ['сорок']],
    [99, ['девяносто', 'девять']],
    [100, ['сто']],
    [101, ['сто', 'один']],
    [110, ['сто', 'десять']],
    [115, ['сто', 'пятнадцать']],
    [120, ['сто', 'двадцать']],
    [200, ['двести']],
    [342, ['триста', 'сорок', 'два']],
    [505, ['пятьсот', 'пять']],
    [999, ['девятьсот', 'девяносто', 'девять']],
  ] as const)('reads %i', (n, words) => {
    expect(numberWords(n)).toEqual(words);
  });

  it('reads 1000 and more digit by digit', () => {
    expect(numberWords(1000)).toEqual(['один', 'ноль', 'ноль', 'ноль']);
    expect(numberWords(1207)).toEqual(['один', 'два', 'ноль', 'семь']);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (n) => {
    expect(() => numberWords(n)).toThrow(/not a ticket or window number/);
  });
});

describe('splitTicketNumber', () => {
  it('parses the number with or without its dash', () => {
    expect(splitTicketNumber('А-017')).toEqual({ letter: 'А', digits: 17 });
    expect(splitTicketNumber('А017')).toEqual({ letter: 'А', digits: 17 });
    expect(splitTicketNumber(' Б - 101 ')).toEqual({ letter: 'Б', digits: 101 });
  });

  it('upper-cases the letter and keeps letters of more than one', () => {
    expect(splitTicketNumber('б-005')).toEqual({ letter: 'Б', digits: 5 });
    expect(splitTicketNumber('ПД-1000')).toEqual({ letter: 'ПД', digits: 1000 });
  });

  it.each(['', '   ', 'А-', 'А', '017А', 'А-1.5', 'А--017', 'А-01 7', 'А-+17', '№17'])(
    'refuses %j',
    (input) => {
      expect(() => splitTicketNumber(input)).toThrow(/not a ticket number/);
    },
  );
});

describe('spokenCall', () => {
  it('says «Талон А семнадцать, окно пять»', () => {
    expect(spokenCall('А-017', 5)).toBe('Талон А семнадцать, окно пять');
    expect(spokenCall('А017', 5)).toBe('Талон А семнадцать, окно пять');
  });

  it('says hundreds and two-digit windows in words', () => {
    expect(spokenCall('В-110', 12)).toBe('Талон В сто десять, окно двенадцать');
    expect(spokenCall('Б-100', 20)).toBe('Талон Б сто, окно двадцать');
  });

  it('reads a number past 999 digit by digit', () => {
    expect(spokenCall('А-1000', 1)).toBe('Талон А один ноль ноль ноль, окно один');
  });

  it('refuses a bad number', () => {
    expect(() => spokenCall('окно', 5)).toThrow(/not a ticket number/);
    expect(() => spokenCall('А-017', -1)).toThrow(/not a ticket or window number/);
  });
});

describe('clipWords', () => {
  it('gives one clip per word: «талон», the letter by its name, the number, «окно», the window', () => {
    expect(clipWords('А-017', 5)).toEqual(['талон', 'а', 'семнадцать', 'окно', 'пять']);
    expect(clipWords('Б-101', 12)).toEqual(['талон', 'бэ', 'сто', 'один', 'окно', 'двенадцать']);
  });

  it('names each letter as it is read', () => {
    expect(clipWords('Л-0', 3)).toEqual(['талон', 'эль', 'ноль', 'окно', 'три']);
    expect(clipWords('ПД-999', 1)).toEqual([
      'талон',
      'пэ',
      'дэ',
      'девятьсот',
      'девяносто',
      'девять',
      'окно',
      'один',
    ]);
    expect(clipWords('с-40', 10)).toEqual(['талон', 'эс', 'сорок', 'окно', 'десять']);
  });

  it('has a lower-case Russian name for every letter it speaks', () => {
    expect(spokenLetters).toContain('А');
    expect(spokenLetters).toContain('Б');
    for (const letter of spokenLetters) {
      const [, name] = clipWords(`${letter}-1`, 1);
      expect(name).toMatch(/^[а-я]+$/);
    }
  });
});
