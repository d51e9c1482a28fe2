import { addDays, daysBetween, monthStart, splitPeriod, yearBefore } from './analytics-period.js';

/** Every day a split covers: each whole month's days, then the day ranges, in the order given. */
function coveredDays(from: string, to: string): string[] {
  const parts = splitPeriod(from, to);
  const days: string[] = [];
  if (parts.months) {
    for (let m = parts.months.from; m <= parts.months.to; ) {
      for (let d = m; d.slice(0, 7) === m.slice(0, 7); d = addDays(d, 1)) days.push(d);
      m = monthStart(addDays(m, 31));
    }
  }
  for (const r of parts.days) for (let d = r.from; d <= r.to; d = addDays(d, 1)) days.push(d);
  return days.sort();
}

describe('splitPeriod', () => {
  it('reads a period inside one month from the daily rows only', () => {
    expect(splitPeriod('2026-03-10', '2026-03-20')).toEqual({
      months: null,
      days: [{ from: '2026-03-10', to: '2026-03-20' }],
    });
    // one day, the first of a month: not a whole month
    expect(splitPeriod('2026-03-01', '2026-03-01')).toEqual({
      months: null,
      days: [{ from: '2026-03-01', to: '2026-03-01' }],
    });
    // the last day of a month alone
    expect(splitPeriod('2026-01-31', '2026-01-31')).toEqual({
      months: null,
      days: [{ from: '2026-01-31', to: '2026-01-31' }],
    });
  });

  it('reads a whole month from its monthly row, with no days', () => {
    expect(splitPeriod('2026-04-01', '2026-04-30')).toEqual({
      months: { from: '2026-04-01', to: '2026-04-01' },
      days: [],
    });
    expect(splitPeriod('2026-01-01', '2026-03-31')).toEqual({
      months: { from: '2026-01-01', to: '2026-03-01' },
      days: [],
    });
    // a whole year: twelve monthly rows
    expect(splitPeriod('2025-01-01', '2025-12-31')).toEqual({
      months: { from: '2025-01-01', to: '2025-12-01' },
      days: [],
    });
  });

  it('splits a period across months into the days before, the whole months and the days after', () => {
    expect(splitPeriod('2026-01-15', '2026-03-10')).toEqual({
      months: { from: '2026-02-01', to: '2026-02-01' },
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
    });
    // only days on each side of one month boundary: no whole month in between
    expect(splitPeriod('2026-01-20', '2026-02-10')).toEqual({
      months: null,
      days: [{ from: '2026-01-20', to: '2026-02-10' }],
    });
    // a whole month at the start, days after it
    expect(splitPeriod('2026-05-01', '2026-06-03')).toEqual({
      months: { from: '2026-05-01', to: '2026-05-01' },
      days: [{ from: '2026-06-01', to: '2026-06-03' }],
    });
    // days before, then a whole month to the end
    expect(splitPeriod('2026-05-30', '2026-06-30')).toEqual({
      months: { from: '2026-06-01', to: '2026-06-01' },
      days: [{ from: '2026-05-30', to: '2026-05-31' }],
    });
  });

  it('crosses a year boundary', () => {
    expect(splitPeriod('2025-12-15', '2026-01-10')).toEqual({
      months: null,
      days: [{ from: '2025-12-15', to: '2026-01-10' }],
    });
    expect(splitPeriod('2025-12-15', '2026-02-10')).toEqual({
      months: { from: '2026-01-01', to: '2026-01-01' },
      days: [
        { from: '2025-12-15', to: '2025-12-31' },
        { from: '2026-02-01', to: '2026-02-10' },
      ],
    });
    expect(splitPeriod('2025-11-01', '2026-01-31')).toEqual({
      months: { from: '2025-11-01', to: '2026-01-01' },
      days: [],
    });
  });

  it('knows February’s length in leap and common years', () => {
    // 2024 is a leap year: 28 February is not the month's end
    expect(splitPeriod('2024-02-01', '2024-02-28')).toEqual({
      months: null,
      days: [{ from: '2024-02-01', to: '2024-02-28' }],
    });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [],
    });
    expect(splitPeriod('2023-02-01', '2023-02-28')).toEqual({
      months: { from: '2023-02-01', to: '2023-02-01' },
      days: [],
    });
    expect(splitPeriod('2024-01-15', '2024-02-29')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [{ from: '2024-01-15', to: '2024-01-31' }],
    });
    // 2100 is not a leap year
    expect(splitPeriod('2100-02-01', '2100-02-28')).toEqual({
      months: { from: '2100-02-01', to: '2100-02-01' },
      days: [],
    });
  });

  it('gives nothing for an empty period (from after to)', () => {
    expect(splitPeriod('2026-03-02', '2026-03-01')).toEqual({ months: null, days: [] });
  });

  it('covers every day of the period exactly once, for many periods', () => {
    const starts = ['2023-12-31', '2024-01-01', '2024-02-28', '2024-02-29', '2025-06-15', '2025-12-01'];
    const lengths = [1, 2, 28, 29, 30, 31, 32, 59, 60, 61, 90, 365, 366, 400];
    for (const from of starts)
      for (const n of lengths) {
        const to = addDays(from, n - 1);
        const expected = Array.from({ length: n }, (_, i) => addDays(from, i));
        expect(coveredDays(from, to), `${from}…${to}`).toEqual(expected);
      }
  });
});

describe('dates', () => {
  it('takes the same day a year before, 29 February to 28 February', () => {
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    expect(yearBefore('2025-02-28')).toBe('2024-02-28');
    expect(yearBefore('2025-03-01')).toBe('2024-03-01');
    expect(yearBefore('2026-01-01')).toBe('2025-01-01');
    expect(yearBefore('2026-12-31')).toBe('2025-12-31');
  });

  it('adds days across months, years and 29 February', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  it('counts the days of a period inclusively: 366 in 2024, 365 in 2025, 1 for one day', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(365);
    expect(daysBetween('2026-03-29', '2026-03-29')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(3);
  });

  it('gives a month’s first day', () => {
    expect(monthStart('2024-02-29')).toBe('2024-02-01');
    expect(monthStart('2026-12-01')).toBe('2026-12-01');
  });
});
