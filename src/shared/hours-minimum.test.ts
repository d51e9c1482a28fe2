import { hoursMinimumWarnings, openMinutes } from './hours-minimum.js';

const day = (weekday: number, opens: string, closes: string, breakStart?: string, breakEnd?: string) => ({
  weekday,
  opens,
  closes,
  breakStart: breakStart ?? null,
  breakEnd: breakEnd ?? null,
});
const week = (days: number[], opens: string, closes: string) => days.map((d) => day(d, opens, closes));

describe('openMinutes', () => {
  it('counts the day without its break', () => {
    expect(openMinutes(day(1, '08:00', '17:00', '12:00', '13:00'))).toBe(8 * 60);
  });
});

describe('hoursMinimumWarnings', () => {
  it('accepts 5 days of 6 hours in a municipality of 25,000 people', () => {
    expect(hoursMinimumWarnings(week([1, 2, 3, 4, 5], '09:00', '15:00'), 25_000)).toEqual([]);
  });

  it('warns a small municipality open fewer than 5 days', () => {
    const warnings = hoursMinimumWarnings(week([2, 4], '09:00', '15:00'), 14_000);
    expect(warnings.map((w) => w.code)).toEqual(['TOO_FEW_DAYS']);
  });

  it('warns of each day shorter than 6 hours in a small municipality, break excluded', () => {
    const hours = [...week([1, 2, 3, 4], '09:00', '15:00'), day(5, '09:00', '15:00', '12:00', '12:30')];
    const warnings = hoursMinimumWarnings(hours, 10_000);
    expect(warnings).toEqual([expect.objectContaining({ code: 'SHORT_DAY', weekday: 5 })]);
  });

  it('accepts 6 days with 10-hour working days, a short Saturday and an evening to 20:00', () => {
    const hours = [
      ...week([1, 2, 3, 4], '08:00', '18:00'),
      day(5, '08:00', '20:00'),
      day(6, '09:00', '14:00'),
    ];
    expect(hoursMinimumWarnings(hours, 120_000)).toEqual([]);
  });

  it('warns a larger municipality of too few days, short working days and no evening', () => {
    const hours = week([1, 2, 3, 4, 5], '09:00', '18:00');
    const codes = hoursMinimumWarnings(hours, 120_000).map((w) => w.code);
    expect(codes).toEqual([
      'TOO_FEW_DAYS',
      'SHORT_DAY',
      'SHORT_DAY',
      'SHORT_DAY',
      'SHORT_DAY',
      'SHORT_DAY',
      'NO_EVENING',
    ]);
  });

  it('treats an office with no hours as open no day', () => {
    expect(hoursMinimumWarnings([], 5_000)).toEqual([
      expect.objectContaining({ code: 'TOO_FEW_DAYS', message: expect.stringContaining('open 0 days') }),
    ]);
  });
});
