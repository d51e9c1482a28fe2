import type { DayKind } from './network.js';

/**
 * The production calendar and working-day arithmetic, I/O-free. Dates are 'YYYY-MM-DD' strings and
 * every computation is done on UTC day numbers, so the host's time zone and its DST never matter.
 *
 * The calendar holds only the deviations from the rule "Monday to Friday working, Saturday and Sunday
 * off" (holidays, decree transfers, working Saturdays, shortened pre-holiday days), as the table
 * calendar_days does. A 'short' day is a working day that ends one hour earlier.
 */

export type CalendarOverride = { date: string; kind: DayKind; note?: string | null };

export type Calendar = {
  readonly overrides: ReadonlyMap<string, { kind: DayKind; note: string | null }>;
};

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether s is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 (UTC) of a 'YYYY-MM-DD' date; throws on a string that is not a real date. */
export function toDayNumber(date: string): number {
  if (!isValidIsoDate(date)) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The 'YYYY-MM-DD' date of a UTC day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Days from `from` to `to` (positive when `to` is later; 0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesInRange(from: string, to: string): string[] {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const out: string[] = [];
  for (let d = start; d <= end; d++) out.push(fromDayNumber(d));
  return out;
}

/** A calendar from its override list; a date listed twice keeps its last entry. */
export function makeCalendar(days: readonly CalendarOverride[]): Calendar {
  const overrides = new Map<string, { kind: DayKind; note: string | null }>();
  for (const d of days) {
    if (!isValidIsoDate(d.date)) throw new RangeError(`calendar: not a date YYYY-MM-DD: ${d.date}`);
    overrides.set(d.date, { kind: d.kind, note: d.note ?? null });
  }
  return { overrides };
}

/** The override of a date, if the calendar lists it. */
export function calendarOverride(
  cal: Calendar,
  date: string,
): { kind: DayKind; note: string | null } | undefined {
  return cal.overrides.get(date);
}

export function dayKind(cal: Calendar, date: string): DayKind {
  return cal.overrides.get(date)?.kind ?? (isWeekend(date) ? 'dayoff' : 'working');
}

export function dayNote(cal: Calendar, date: string): string | null {
  return cal.overrides.get(date)?.note ?? null;
}

/** Short pre-holiday days are working days. */
export function isWorkingDay(cal: Calendar, date: string): boolean {
  return dayKind(cal, date) !== 'dayoff';
}

/**
 * The date `n` working days after `from` (n > 0) or before it (n < 0); `from` itself is never counted.
 * So +1 is "the next working day" and -1 "the previous working day", whether or not `from` is a working day:
 * Friday + 1 = Monday, Saturday + 1 = Monday, 2025-12-30 + 1 = 2026-01-12 (the New Year holidays).
 *
 * Day 0 means "`from` itself if it is a working day, else the first working day after it" (a deadline
 * that falls on a day off moves to the next working day).
 *
 * The loop ends: overrides are finite, and past them every Monday–Friday is a working day.
 */
export function addWorkingDays(cal: Calendar, from: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  let day = toDayNumber(from);
  if (n === 0) {
    while (!isWorkingDay(cal, fromDayNumber(day))) day++;
    return fromDayNumber(day);
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (isWorkingDay(cal, fromDayNumber(day))) left--;
  }
  return fromDayNumber(day);
}

/** Working days from `from` to `to`, BOTH included (a whole month: its first and last date); 0 when to < from. */
export function countWorkingDays(cal: Calendar, from: string, to: string): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let count = 0;
  for (let d = start; d <= end; d++) if (isWorkingDay(cal, fromDayNumber(d))) count++;
  return count;
}
