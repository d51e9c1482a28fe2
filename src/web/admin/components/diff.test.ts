import { changedFields, showValue } from './diff.js';

describe('changedFields', () => {
  it('lists only the fields whose values differ, added and removed ones included', () => {
    expect(
      changedFields(
        { name: 'A', hours: [1], same: 1, gone: true },
        { name: 'B', hours: [1], same: 1, added: 'x' },
      ),
    ).toEqual([
      { name: 'name', before: 'A', after: 'B' },
      { name: 'gone', before: true, after: undefined },
      { name: 'added', before: undefined, after: 'x' },
    ]);
  });

  it('treats a creation (nothing before) as every field changed', () => {
    expect(changedFields(null, { code: 'x' })).toEqual([{ name: 'code', before: undefined, after: 'x' }]);
  });

  it('compares plain values as one change', () => {
    expect(changedFields('working', 'dayoff')).toEqual([{ name: '—', before: 'working', after: 'dayoff' }]);
    expect(changedFields(3, 3)).toEqual([]);
  });
});

describe('showValue', () => {
  it('shows a list of rows as key: value pairs, one row after another', () => {
    expect(
      showValue([
        { weekday: 1, opens: '09:00', closes: '18:00', breakStart: null },
        { weekday: 2, opens: '10:00', closes: '17:00', breakStart: null },
      ]),
    ).toBe('weekday: 1, opens: 09:00, closes: 18:00 · weekday: 2, opens: 10:00, closes: 17:00');
    expect(showValue(['паспорт', 'загранпаспорт'])).toBe('паспорт · загранпаспорт');
  });

  it('shows a dash for nothing, text as is and cuts long values', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue('текст')).toBe('текст');
    expect(showValue({ a: 1, b: null })).toBe('a: 1');
    expect(showValue([])).toBe('—');
    expect(showValue('x'.repeat(400))).toHaveLength(300);
  });
});
