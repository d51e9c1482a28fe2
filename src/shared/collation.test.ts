import { compareNames, sortedBy } from './collation.js';

describe('one Russian order of names', () => {
  it('ignores case, keeps ё beside е and sorts numbers by value', () => {
    const names = ['ясная поляна', 'Абрамово', 'елец', 'Ёлкино', 'Ельцовка', 'Окно 10', 'Окно 2', 'ЮГ'];
    expect([...names].sort(compareNames)).toEqual([
      'Абрамово',
      'елец',
      'Ёлкино',
      'Ельцовка',
      'Окно 2',
      'Окно 10',
      'ЮГ',
      'ясная поляна',
    ]);
  });

  it('sorts by several keys without changing the list it was given', () => {
    const items = [
      { district: 'б', rank: 1, name: 'в' },
      { district: 'А', rank: 2, name: 'а' },
      { district: 'а', rank: 1, name: 'Б' },
    ];
    const sorted = sortedBy(
      items,
      (i) => i.district,
      (i) => i.rank,
      (i) => i.name,
    );
    expect(sorted.map((i) => i.name)).toEqual(['Б', 'а', 'в']);
    expect(items[0].name).toBe('в');
  });
});
