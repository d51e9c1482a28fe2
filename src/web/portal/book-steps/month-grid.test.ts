import { addDays, addMonths, keyTarget, sameDayIn, weekdayIndex, weeksOf } from './month-grid.js';

describe('the month grid', () => {
  it('lays a month out in weeks from Monday, empty cells before the 1st and after the last day', () => {
    const december = weeksOf('2026-12');
    expect(december).toHaveLength(5);
    expect(december[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(december[4]).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
    for (const week of december) expect(week).toHaveLength(7);
    // February 2027 starts on a Monday and fills four weeks exactly
    expect(weeksOf('2027-02').map((w) => w.filter(Boolean).length)).toEqual([7, 7, 7, 7]);
  });

  it('counts weekdays from Monday and moves across months and years', () => {
    expect(weekdayIndex('2026-12-07')).toBe(0);
    expect(weekdayIndex('2026-12-13')).toBe(6);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(sameDayIn('2027-02', '2027-01-31')).toBe('2027-02-28');
  });

  it('moves the focus by a day, a week, to the week’s ends and by a month; other keys do nothing', () => {
    const wednesday = '2026-12-09';
    expect(keyTarget('ArrowLeft', wednesday)).toBe('2026-12-08');
    expect(keyTarget('ArrowRight', wednesday)).toBe('2026-12-10');
    expect(keyTarget('ArrowUp', wednesday)).toBe('2026-12-02');
    expect(keyTarget('ArrowDown', wednesday)).toBe('2026-12-16');
    expect(keyTarget('Home', wednesday)).toBe('2026-12-07');
    expect(keyTarget('End', wednesday)).toBe('2026-12-13');
    expect(keyTarget('PageDown', wednesday)).toBe('2027-01-09');
    expect(keyTarget('PageUp', '2026-12-31')).toBe('2026-11-30');
    expect(keyTarget('Enter', wednesday)).toBeNull();
  });
});
