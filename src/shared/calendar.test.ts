import {
  addCalendarDays,
  addWorkingDays,
  type CalendarOverride,
  countWorkingDays,
  datesInRange,
  dayKind,
  dayNote,
  daysBetween,
  isoWeekday,
  isValidIsoDate,
  isWorkingDay,
  makeCalendar,
} from './calendar.js';

/** Russia's production calendar for 2025 and 2026: only the deviations from Mon–Fri working. */
function russianOverrides(): CalendarOverride[] {
  const days: CalendarOverride[] = [];
  const off = (date: string, note: string) => days.push({ date, kind: 'dayoff', note });
  for (const year of ['2025', '2026']) {
    for (let d = 1; d <= 8; d++) off(`${year}-01-0${d}`, 'Новогодние каникулы');
  }
  // 2025: transfers 4 Jan → 2 May, 5 Jan → 31 Dec, 23 Feb → 8 May, 8 Mar → 13 Jun, working Sat 1 Nov → 3 Nov.
  off('2025-02-23', 'День защитника Отечества');
  days.push({ date: '2025-03-07', kind: 'short', note: 'Предпраздничный день' });
  off('2025-03-08', 'Международный женский день');
  days.push({ date: '2025-04-30', kind: 'short', note: 'Предпраздничный день' });
  off('2025-05-01', 'Праздник Весны и Труда');
  off('2025-05-02', 'Перенос с 4 января');
  off('2025-05-08', 'Перенос с 23 февраля');
  off('2025-05-09', 'День Победы');
  days.push({ date: '2025-06-11', kind: 'short', note: 'Предпраздничный день' });
  off('2025-06-12', 'День России');
  off('2025-06-13', 'Перенос с 8 марта');
  days.push({ date: '2025-11-01', kind: 'short', note: 'Рабочая суббота (перенос на 3 ноября)' });
  off('2025-11-03', 'Перенос с 1 ноября');
  off('2025-11-04', 'День народного единства');
  off('2025-12-31', 'Перенос с 5 января');
  // 2026: transfers 3 Jan → 9 Jan, 4 Jan → 31 Dec; 8 Mar (Sun) → 9 Mar, 9 May (Sat) → 11 May by law.
  off('2026-01-09', 'Перенос с 3 января');
  off('2026-02-23', 'День защитника Отечества');
  off('2026-03-08', 'Международный женский день');
  off('2026-03-09', 'Перенос с 8 марта');
  days.push({ date: '2026-04-30', kind: 'short', note: 'Предпраздничный день' });
  off('2026-05-01', 'Праздник Весны и Труда');
  days.push({ date: '2026-05-08', kind: 'short', note: 'Предпраздничный день' });
  off('2026-05-09', 'День Победы');
  off('2026-05-11', 'Перенос с 9 мая');
  days.push({ date: '2026-06-11', kind: 'short', note: 'Предпраздничный день' });
  off('2026-06-12', 'День России');
  days.push({ date: '2026-11-03', kind: 'short', note: 'Предпраздничный день' });
  off('2026-11-04', 'День народного единства');
  off('2026-12-31', 'Перенос с 4 января');
  return days;
}

const ru = makeCalendar(russianOverrides());

describe('date helpers on YYYY-MM-DD strings', () => {
  it('tells real dates from impossible ones', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-1-01')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('gives ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-01-05')).toBe(1);
    expect(isoWeekday('2025-11-01')).toBe(6);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    // The last Sunday of March: a DST change in most of Europe, which UTC arithmetic must not notice.
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2025-12-30', '2026-01-12')).toBe(13);
  });

  it('lists a range with both ends included, and nothing for a reversed range', () => {
    expect(datesInRange('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(datesInRange('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('refuses a string that is not a date', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => makeCalendar([{ date: '2026-13-01', kind: 'dayoff' }])).toThrow(RangeError);
  });
});

describe('dayKind and isWorkingDay on the Russian calendar', () => {
  it.each([
    '2025-05-02',
    '2025-05-08',
    '2025-11-03',
    '2025-12-31',
    '2026-01-09',
    '2026-12-31',
    '2026-03-09',
    '2026-05-11',
  ])('treats the decree day off %s as a day off', (date) => {
    expect(dayKind(ru, date)).toBe('dayoff');
    expect(isWorkingDay(ru, date)).toBe(false);
  });

  it('treats the working Saturday 2025-11-01 as a (short) working day', () => {
    expect(isoWeekday('2025-11-01')).toBe(6);
    expect(dayKind(ru, '2025-11-01')).toBe('short');
    expect(isWorkingDay(ru, '2025-11-01')).toBe(true);
  });

  it('follows Mon–Fri working and Sat/Sun off where the calendar says nothing', () => {
    expect(dayKind(ru, '2026-02-18')).toBe('working');
    expect(dayKind(ru, '2026-02-21')).toBe('dayoff');
    expect(dayKind(ru, '2026-02-22')).toBe('dayoff');
    expect(dayNote(ru, '2026-02-18')).toBeNull();
  });

  it('counts a short pre-holiday day as a working day and keeps its note', () => {
    expect(dayKind(ru, '2026-04-30')).toBe('short');
    expect(isWorkingDay(ru, '2026-04-30')).toBe(true);
    expect(dayNote(ru, '2026-04-30')).toBe('Предпраздничный день');
  });

  it('keeps the last entry when a date is listed twice', () => {
    const cal = makeCalendar([
      { date: '2026-07-01', kind: 'dayoff' },
      { date: '2026-07-01', kind: 'short', note: 'fixed' },
    ]);
    expect(dayKind(cal, '2026-07-01')).toBe('short');
  });
});

describe('addWorkingDays', () => {
  it('jumps the New Year holidays 2026: 2025-12-30 + 1 working day is 2026-01-12', () => {
    expect(addWorkingDays(ru, '2025-12-30', 1)).toBe('2026-01-12');
    expect(addWorkingDays(ru, '2025-12-29', 2)).toBe('2026-01-12');
    expect(addWorkingDays(ru, '2025-12-30', 5)).toBe('2026-01-16');
  });

  it('jumps the May holidays of 2025 and 2026', () => {
    expect(addWorkingDays(ru, '2025-04-30', 1)).toBe('2025-05-05');
    expect(addWorkingDays(ru, '2025-05-07', 1)).toBe('2025-05-12');
    expect(addWorkingDays(ru, '2025-04-29', 5)).toBe('2025-05-12');
    expect(addWorkingDays(ru, '2026-05-08', 1)).toBe('2026-05-12');
  });

  it('counts the working Saturday 2025-11-01 and skips 3–4 November', () => {
    expect(addWorkingDays(ru, '2025-10-31', 1)).toBe('2025-11-01');
    expect(addWorkingDays(ru, '2025-11-01', 1)).toBe('2025-11-05');
  });

  it('counts from the day after a day off: Saturday + 1 is Monday, like Friday + 1', () => {
    expect(addWorkingDays(ru, '2026-02-13', 1)).toBe('2026-02-16');
    expect(addWorkingDays(ru, '2026-02-14', 1)).toBe('2026-02-16');
    expect(addWorkingDays(ru, '2026-01-03', 1)).toBe('2026-01-12');
  });

  it('returns a working day itself for 0 days, and rolls a day off forward to the next working day', () => {
    expect(addWorkingDays(ru, '2026-02-18', 0)).toBe('2026-02-18');
    expect(addWorkingDays(ru, '2026-01-03', 0)).toBe('2026-01-12');
    expect(addWorkingDays(ru, '2026-02-21', 0)).toBe('2026-02-24');
  });

  it('goes backwards for a negative count', () => {
    expect(addWorkingDays(ru, '2026-01-12', -1)).toBe('2025-12-30');
    expect(addWorkingDays(ru, '2026-01-03', -1)).toBe('2025-12-30');
    expect(addWorkingDays(ru, '2025-05-12', -1)).toBe('2025-05-07');
    expect(addWorkingDays(ru, '2025-11-05', -1)).toBe('2025-11-01');
  });

  it('is undone by the opposite count when both ends are working days', () => {
    for (const from of ['2025-12-30', '2025-04-29', '2026-05-12', '2025-11-01']) {
      for (const n of [1, 3, 10, 30]) {
        expect(addWorkingDays(ru, addWorkingDays(ru, from, n), -n)).toBe(from);
      }
    }
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays(ru, '2026-01-12', 1.5)).toThrow(RangeError);
  });
});

describe('countWorkingDays (both ends included)', () => {
  it('finds 15 working days in January 2026 and 18 in May 2025', () => {
    expect(countWorkingDays(ru, '2026-01-01', '2026-01-31')).toBe(15);
    expect(countWorkingDays(ru, '2025-05-01', '2025-05-31')).toBe(18);
  });

  it('matches the official monthly figures of 2025 and 2026', () => {
    expect(countWorkingDays(ru, '2025-02-01', '2025-02-28')).toBe(20);
    expect(countWorkingDays(ru, '2025-06-01', '2025-06-30')).toBe(19);
    expect(countWorkingDays(ru, '2025-11-01', '2025-11-30')).toBe(19);
    expect(countWorkingDays(ru, '2025-12-01', '2025-12-31')).toBe(22);
    expect(countWorkingDays(ru, '2026-03-01', '2026-03-31')).toBe(21);
    expect(countWorkingDays(ru, '2026-05-01', '2026-05-31')).toBe(19);
  });

  it('finds 247 working days in each of 2025 and 2026', () => {
    expect(countWorkingDays(ru, '2025-01-01', '2025-12-31')).toBe(247);
    expect(countWorkingDays(ru, '2026-01-01', '2026-12-31')).toBe(247);
  });

  it('counts a single working day as 1, a single day off as 0, and a reversed range as 0', () => {
    expect(countWorkingDays(ru, '2026-01-12', '2026-01-12')).toBe(1);
    expect(countWorkingDays(ru, '2026-01-09', '2026-01-09')).toBe(0);
    expect(countWorkingDays(ru, '2026-01-31', '2026-01-01')).toBe(0);
  });

  it('agrees with addWorkingDays', () => {
    const to = addWorkingDays(ru, '2025-12-30', 20);
    expect(countWorkingDays(ru, addCalendarDays('2025-12-30', 1), to)).toBe(20);
  });
});
