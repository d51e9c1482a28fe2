import { addCalendarDays, type Calendar, calendarOverride, isoWeekday } from './calendar.js';
import type { ResolvedDay, WeeklyHours } from './network.js';
import { instantToLocal } from './zoned-time.js';

/** Opening hours of an office on a given date, resolved against its exceptions and the production calendar. I/O-free. */

export type OfficeException = {
  date: string;
  kind: 'closed' | 'hours';
  opens: string | null;
  closes: string | null;
  note: string | null;
};

export type OfficeSchedule = {
  weekly: readonly WeeklyHours[];
  exceptions: readonly OfficeException[];
  calendar: Calendar;
};

/** Minutes since midnight of a time `HH:MM`. */
export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const closed = (date: string, reason: ResolvedDay['reason'], note: string | null): ResolvedDay => ({
  date,
  weekday: isoWeekday(date),
  open: false,
  opens: null,
  closes: null,
  breakStart: null,
  breakEnd: null,
  reason,
  note,
});

const openWith = (
  date: string,
  hours: Pick<WeeklyHours, 'opens' | 'closes' | 'breakStart' | 'breakEnd'>,
  reason: ResolvedDay['reason'],
  note: string | null,
): ResolvedDay => ({
  date,
  weekday: isoWeekday(date),
  open: true,
  opens: hours.opens,
  closes: hours.closes,
  breakStart: hours.breakStart,
  breakEnd: hours.breakEnd,
  reason,
  note,
});

/**
 * A shortened pre-holiday day closes one hour earlier. A break that would reach past the new closing time
 * is cut to it (or dropped if it would start at or after it); a day too short to lose an hour keeps its hours.
 */
function shorten(day: ResolvedDay): ResolvedDay {
  if (!day.open || !day.opens || !day.closes) return day;
  const closes = toMinutes(day.closes) - 60;
  if (closes <= toMinutes(day.opens)) return day;
  let { breakStart, breakEnd } = day;
  if (breakStart && breakEnd) {
    if (toMinutes(breakStart) >= closes) {
      breakStart = null;
      breakEnd = null;
    } else if (toMinutes(breakEnd) > closes) {
      breakEnd = toHhmm(closes);
    }
  }
  return { ...day, closes: toHhmm(closes), breakStart, breakEnd };
}

/**
 * Resolves one date, first rule that applies wins:
 * 1. the office's own exception for the date: 'closed' → closed ('exception-closed'); 'hours' → those hours,
 *    without a break and not shortened ('exception-hours');
 * 2. a calendar day off listed in the calendar (holiday or decree transfer) → closed ('holiday', the calendar's note);
 * 3. a working or short calendar day on a Saturday or Sunday (a working Saturday by decree) → open with the
 *    office's Friday hours, or its Monday hours if it has no Friday row ('working-weekend'; a short one is
 *    also shortened); an office with neither row keeps its own row for that weekday, if any;
 * 4. otherwise the weekly row of that ISO weekday (no row → closed, 'regular'); on a 'short' calendar day an
 *    open office closes one hour earlier ('short', the calendar's note).
 */
export function resolveDay(input: OfficeSchedule & { date: string }): ResolvedDay {
  const { weekly, exceptions, calendar, date } = input;
  const exception = exceptions.find((e) => e.date === date);
  if (exception) {
    if (exception.kind === 'closed' || !exception.opens || !exception.closes) {
      return closed(date, 'exception-closed', exception.note);
    }
    const hours = { opens: exception.opens, closes: exception.closes, breakStart: null, breakEnd: null };
    return openWith(date, hours, 'exception-hours', exception.note);
  }

  const weekday = isoWeekday(date);
  const override = calendarOverride(calendar, date);
  if (override?.kind === 'dayoff') return closed(date, 'holiday', override.note);

  const row = (d: number) => weekly.find((w) => w.weekday === d);
  if (override && weekday >= 6) {
    const hours = row(5) ?? row(1) ?? row(weekday);
    if (!hours) return closed(date, 'regular', null);
    const day = openWith(date, hours, 'working-weekend', override.note);
    return override.kind === 'short' ? shorten(day) : day;
  }

  const hours = row(weekday);
  if (!hours) return closed(date, 'regular', null);
  if (override?.kind === 'short') return shorten(openWith(date, hours, 'short', override.note));
  return openWith(date, hours, 'regular', null);
}

/** `days` consecutive resolved days starting at `from`. */
export function resolveWeek(schedule: OfficeSchedule, from: string, days = 7): ResolvedDay[] {
  return Array.from({ length: days }, (_, i) => resolveDay({ ...schedule, date: addCalendarDays(from, i) }));
}

/** Whether the office is open at a time 'HH:MM' of a resolved day: opening time included, closing time and the break excluded. */
export function isOpenAt(day: ResolvedDay, time: string): boolean {
  if (!day.open || !day.opens || !day.closes) return false;
  if (time < day.opens || time >= day.closes) return false;
  if (day.breakStart && day.breakEnd && time >= day.breakStart && time < day.breakEnd) return false;
  return true;
}

/**
 * The local date and time of an instant in an IANA time zone (throws a RangeError on an unknown zone).
 * Intl applies the zone's offset at that instant, daylight saving included.
 */
export const nowInTimeZone = (timeZone: string, instant: Date): { date: string; time: string } =>
  instantToLocal(instant.getTime(), timeZone);

export type WeeklyHoursWarning = 'too-few-days' | 'short-working-day' | 'no-evening';

/** The legal minimum of opening hours (Resolution 1376 p.18); the figures are defaults a region may change. */
export const defaultHoursRules = {
  /** Up to this population the small-municipality rule applies. */
  smallPopulation: 25_000,
  small: { days: 5, hoursPerDay: 6 },
  large: { days: 6, hoursPerWorkingDay: 10, eveningUntil: '20:00' },
};

const netMinutes = (w: WeeklyHours): number =>
  toMinutes(w.closes) -
  toMinutes(w.opens) -
  (w.breakStart && w.breakEnd ? toMinutes(w.breakEnd) - toMinutes(w.breakStart) : 0);

/**
 * Which legal minimums a weekly schedule misses, for the municipality's population:
 * - up to 25k people: open at least 5 days a week, each Monday–Friday row at least 6 hours;
 * - over 25k: open at least 6 days a week, each Monday–Friday row at least 10 hours, and one evening until 20:00.
 * Hours are counted without the break; weekend rows may be shorter. Codes come once each, in a fixed order.
 */
export function weeklyHoursWarnings(input: {
  weekly: readonly WeeklyHours[];
  population: number;
  rules?: typeof defaultHoursRules;
}): WeeklyHoursWarning[] {
  const rules = input.rules ?? defaultHoursRules;
  const small = input.population <= rules.smallPopulation;
  const days = new Set(input.weekly.map((w) => w.weekday)).size;
  const minDays = small ? rules.small.days : rules.large.days;
  const minHours = small ? rules.small.hoursPerDay : rules.large.hoursPerWorkingDay;
  const warnings: WeeklyHoursWarning[] = [];
  if (days < minDays) warnings.push('too-few-days');
  if (input.weekly.some((w) => w.weekday <= 5 && netMinutes(w) < minHours * 60)) {
    warnings.push('short-working-day');
  }
  if (!small && !input.weekly.some((w) => w.closes >= rules.large.eveningUntil)) warnings.push('no-evening');
  return warnings;
}
