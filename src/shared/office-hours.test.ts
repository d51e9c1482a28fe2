import { makeCalendar } from './calendar.js';
import type { WeeklyHours } from './network.js';
import {
  isOpenAt,
  nowInTimeZone,
  type OfficeException,
  type OfficeSchedule,
  resolveDay,
  resolveWeek,
  weeklyHoursWarnings,
} from './office-hours.js';

const row = (
  weekday: number,
  opens: string,
  closes: string,
  breakStart: string | null = null,
  breakEnd: string | null = null,
): WeeklyHours => ({ weekday, opens, closes, breakStart, breakEnd });

/** Mon–Thu 08:00–18:00, Fri 08:00–17:00 with a break, Sat 09:00–13:00, Sun closed. */
const weekly = [
  row(1, '08:00', '18:00'),
  row(2, '08:00', '20:00'),
  row(3, '08:00', '18:00'),
  row(4, '08:00', '18:00'),
  row(5, '08:00', '17:00', '12:00', '12:45'),
  row(6, '09:00', '13:00'),
];

const calendar = makeCalendar([
  { date: '2026-01-09', kind: 'dayoff', note: 'Перенос с 3 января' },
  { date: '2026-05-09', kind: 'dayoff', note: 'День Победы' },
  { date: '2026-04-30', kind: 'short', note: 'Предпраздничный день' },
  { date: '2026-05-08', kind: 'short', note: 'Предпраздничный день' },
  { date: '2025-11-01', kind: 'short', note: 'Рабочая суббота' },
  { date: '2026-06-27', kind: 'working', note: 'Рабочая суббота' },
]);

const schedule = (exceptions: OfficeException[] = [], w: WeeklyHours[] = weekly): OfficeSchedule => ({
  weekly: w,
  exceptions,
  calendar,
});

describe('resolveDay', () => {
  it('gives the weekly row on an ordinary weekday', () => {
    expect(resolveDay({ ...schedule(), date: '2026-02-18' })).toEqual({
      date: '2026-02-18',
      weekday: 3,
      open: true,
      opens: '08:00',
      closes: '18:00',
      breakStart: null,
      breakEnd: null,
      reason: 'regular',
      note: null,
    });
  });

  it('keeps the break of the weekly row', () => {
    const day = resolveDay({ ...schedule(), date: '2026-02-20' });
    expect([day.opens, day.closes, day.breakStart, day.breakEnd]).toEqual([
      '08:00',
      '17:00',
      '12:00',
      '12:45',
    ]);
  });

  it('is closed, for a regular reason, on a weekday without a row', () => {
    const day = resolveDay({ ...schedule(), date: '2026-02-22' });
    expect(day).toMatchObject({
      weekday: 7,
      open: false,
      opens: null,
      closes: null,
      reason: 'regular',
      note: null,
    });
  });

  it('is closed on a calendar day off, with the holiday note', () => {
    expect(resolveDay({ ...schedule(), date: '2026-01-09' })).toMatchObject({
      open: false,
      reason: 'holiday',
      note: 'Перенос с 3 января',
    });
  });

  it('is closed on a holiday that falls on a Saturday the office usually works', () => {
    expect(resolveDay({ ...schedule(), date: '2026-05-09' })).toMatchObject({
      open: false,
      reason: 'holiday',
    });
  });

  it('closes one hour earlier on a short pre-holiday day', () => {
    expect(resolveDay({ ...schedule(), date: '2026-04-30' })).toMatchObject({
      open: true,
      opens: '08:00',
      closes: '17:00',
      reason: 'short',
      note: 'Предпраздничный день',
    });
  });

  it('cuts the break to the shortened closing time, or drops it if it starts after', () => {
    const cut = resolveDay({
      ...schedule([], [row(5, '08:00', '13:00', '11:30', '12:30')]),
      date: '2026-05-08',
    });
    expect([cut.closes, cut.breakStart, cut.breakEnd]).toEqual(['12:00', '11:30', '12:00']);
    const dropped = resolveDay({
      ...schedule([], [row(5, '08:00', '13:00', '12:00', '12:30')]),
      date: '2026-05-08',
    });
    expect([dropped.closes, dropped.breakStart, dropped.breakEnd]).toEqual(['12:00', null, null]);
  });

  it('stays closed on a short day when the office does not work that weekday', () => {
    expect(resolveDay({ ...schedule([], [row(1, '08:00', '18:00')]), date: '2026-04-30' })).toMatchObject({
      open: false,
      reason: 'regular',
    });
  });

  it("opens a working Saturday with the office's Friday hours", () => {
    expect(resolveDay({ ...schedule(), date: '2026-06-27' })).toMatchObject({
      weekday: 6,
      open: true,
      opens: '08:00',
      closes: '17:00',
      breakStart: '12:00',
      breakEnd: '12:45',
      reason: 'working-weekend',
      note: 'Рабочая суббота',
    });
  });

  it('uses the Monday hours on a working Saturday when the office has no Friday row', () => {
    const w = [row(1, '09:00', '15:00'), row(3, '10:00', '14:00')];
    expect(resolveDay({ ...schedule([], w), date: '2026-06-27' })).toMatchObject({
      open: true,
      opens: '09:00',
      closes: '15:00',
      reason: 'working-weekend',
    });
  });

  it('shortens a working Saturday that is also a short day', () => {
    expect(resolveDay({ ...schedule(), date: '2025-11-01' })).toMatchObject({
      open: true,
      opens: '08:00',
      closes: '16:00',
      reason: 'working-weekend',
    });
  });

  it('stays closed on a working Saturday for an office with no weekday hours at all', () => {
    expect(resolveDay({ ...schedule([], [row(7, '10:00', '14:00')]), date: '2026-06-27' })).toMatchObject({
      open: false,
      reason: 'regular',
    });
  });

  it('lets an office exception win over the calendar: closed on a working day, open on a holiday', () => {
    const exceptions: OfficeException[] = [
      { date: '2026-02-18', kind: 'closed', opens: null, closes: null, note: 'Санитарный день' },
      { date: '2026-01-09', kind: 'hours', opens: '10:00', closes: '14:00', note: 'Дежурный офис' },
      { date: '2026-04-30', kind: 'hours', opens: '09:00', closes: '19:00', note: null },
    ];
    expect(resolveDay({ ...schedule(exceptions), date: '2026-02-18' })).toMatchObject({
      open: false,
      reason: 'exception-closed',
      note: 'Санитарный день',
    });
    expect(resolveDay({ ...schedule(exceptions), date: '2026-01-09' })).toMatchObject({
      open: true,
      opens: '10:00',
      closes: '14:00',
      breakStart: null,
      reason: 'exception-hours',
      note: 'Дежурный офис',
    });
    // The exception's hours are taken as they are, even on a short day.
    expect(resolveDay({ ...schedule(exceptions), date: '2026-04-30' })).toMatchObject({ closes: '19:00' });
  });
});

describe('resolveWeek', () => {
  it('resolves seven consecutive days from the first date', () => {
    const week = resolveWeek(schedule(), '2026-01-08');
    expect(week.map((d) => d.date)).toEqual([
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
    ]);
    expect(week.map((d) => d.open)).toEqual([true, false, true, false, true, true, true]);
    expect(week[1].reason).toBe('holiday');
  });

  it('resolves as many days as asked', () => {
    expect(resolveWeek(schedule(), '2026-01-01', 3)).toHaveLength(3);
  });
});

describe('isOpenAt', () => {
  const day = resolveDay({ ...schedule(), date: '2026-02-20' }); // 08:00–17:00, break 12:00–12:45

  it('includes the opening minute and excludes the closing minute', () => {
    expect(isOpenAt(day, '07:59')).toBe(false);
    expect(isOpenAt(day, '08:00')).toBe(true);
    expect(isOpenAt(day, '16:59')).toBe(true);
    expect(isOpenAt(day, '17:00')).toBe(false);
  });

  it('is closed during the break', () => {
    expect(isOpenAt(day, '11:59')).toBe(true);
    expect(isOpenAt(day, '12:00')).toBe(false);
    expect(isOpenAt(day, '12:44')).toBe(false);
    expect(isOpenAt(day, '12:45')).toBe(true);
  });

  it('is never open on a closed day', () => {
    expect(isOpenAt(resolveDay({ ...schedule(), date: '2026-01-09' }), '12:00')).toBe(false);
  });
});

describe('nowInTimeZone', () => {
  it('gives Moscow time (UTC+3 all year)', () => {
    expect(nowInTimeZone('Europe/Moscow', new Date('2026-01-15T09:00:00Z'))).toEqual({
      date: '2026-01-15',
      time: '12:00',
    });
    expect(nowInTimeZone('Europe/Moscow', new Date('2026-07-15T09:00:00Z'))).toEqual({
      date: '2026-07-15',
      time: '12:00',
    });
  });

  it('crosses midnight: 2026-03-09T21:30Z is already 00:30 on 2026-03-10 in Moscow', () => {
    expect(nowInTimeZone('Europe/Moscow', new Date('2026-03-09T21:30:00Z'))).toEqual({
      date: '2026-03-10',
      time: '00:30',
    });
  });

  it('follows daylight saving time in Berlin', () => {
    expect(nowInTimeZone('Europe/Berlin', new Date('2026-01-15T12:00:00Z')).time).toBe('13:00');
    expect(nowInTimeZone('Europe/Berlin', new Date('2026-07-15T12:00:00Z')).time).toBe('14:00');
    // Clocks jump from 02:00 to 03:00 on 2026-03-29 (01:00 UTC).
    expect(nowInTimeZone('Europe/Berlin', new Date('2026-03-29T00:59:00Z')).time).toBe('01:59');
    expect(nowInTimeZone('Europe/Berlin', new Date('2026-03-29T01:00:00Z')).time).toBe('03:00');
  });

  it('writes midnight as 00:00, not 24:00', () => {
    expect(nowInTimeZone('Europe/Moscow', new Date('2026-03-09T21:00:00Z'))).toEqual({
      date: '2026-03-10',
      time: '00:00',
    });
  });

  it('throws on an unknown time zone', () => {
    expect(() => nowInTimeZone('Mars/Olympus', new Date())).toThrow(RangeError);
  });
});

describe('weeklyHoursWarnings', () => {
  const fiveDays = [1, 2, 3, 4, 5].map((d) => row(d, '09:00', '15:00'));
  const large = [...[1, 2, 3, 4, 5].map((d) => row(d, '08:00', '18:00')), row(6, '09:00', '13:00')];

  it('accepts 5 days of 6 hours in a municipality of up to 25k people', () => {
    expect(weeklyHoursWarnings({ weekly: fiveDays, population: 25_000 })).toEqual([]);
  });

  it('warns a small municipality about 4 days, and about a day under 6 hours', () => {
    expect(weeklyHoursWarnings({ weekly: fiveDays.slice(0, 4), population: 9_000 })).toEqual([
      'too-few-days',
    ]);
    const short = [...fiveDays.slice(0, 4), row(5, '09:00', '14:59')];
    expect(weeklyHoursWarnings({ weekly: short, population: 9_000 })).toEqual(['short-working-day']);
  });

  it('counts hours without the break', () => {
    const withBreak = [...fiveDays.slice(0, 4), row(5, '09:00', '15:00', '12:00', '13:00')];
    expect(weeklyHoursWarnings({ weekly: withBreak, population: 9_000 })).toEqual(['short-working-day']);
  });

  it('accepts 6 days, 10-hour working days and an evening until 20:00 above 25k people', () => {
    const ok = large.map((w) => (w.weekday === 2 ? row(2, '10:00', '20:00') : w));
    expect(weeklyHoursWarnings({ weekly: ok, population: 25_001 })).toEqual([]);
  });

  it('warns a large municipality about no evening until 20:00', () => {
    expect(weeklyHoursWarnings({ weekly: large, population: 500_000 })).toEqual(['no-evening']);
  });

  it('warns a large municipality about 5 days of 6 hours on every count', () => {
    expect(weeklyHoursWarnings({ weekly: fiveDays, population: 100_000 })).toEqual([
      'too-few-days',
      'short-working-day',
      'no-evening',
    ]);
  });

  it('lets weekend rows be shorter', () => {
    const ok = [
      ...large.slice(0, 5).map((w) => (w.weekday === 4 ? row(4, '10:00', '20:00') : w)),
      row(7, '10:00', '12:00'),
    ];
    expect(weeklyHoursWarnings({ weekly: ok, population: 100_000 })).toEqual([]);
  });

  it('warns about no hours at all', () => {
    expect(weeklyHoursWarnings({ weekly: [], population: 1_000 })).toEqual(['too-few-days']);
  });
});
