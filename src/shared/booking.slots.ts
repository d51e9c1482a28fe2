import { addCalendarDays, daysBetween } from './calendar.js';
import type { ResolvedDay } from './network.js';
import { toMinutes } from './office-hours.js';
import { instantToLocal, isoInZone, localToInstant, offsetMinutes } from './zoned-time.js';

/**
 * Free times for booking, derived from an office's resolved day and the seats already taken — never stored
 * one by one. I/O-free; the server reads the day and the taken seats, the database enforces the capacity.
 *
 * The model: an office's day is cut into cells of `gridMinutes` on its wall clock (08:00, 08:15, …). A
 * booking of a service takes ⌈minutes / grid⌉ consecutive cells. Each cell has two capacities: the office's
 * (its windows × the share open to booking) and the service's (the windows that handle it × the share; never
 * more than the office's). A time is free while every cell it covers has a seat left in both.
 */

export type BookingRules = {
  gridMinutes: number;
  /** The service's time at the window (rounded up to whole cells). */
  serviceMinutes: number;
  officeLanes: number;
  serviceLanes: number;
};

/** Seats taken in a cell: by every service (`office`) and by this service (`service`). */
export type CellUse = { office: number; service: number };
export type TakenSeats = (cellStart: number) => CellUse | undefined;

/** A time on a day: epoch ms of its start and end, and seats left. */
export type FreeTime = { start: number; end: number; free: number; date: string; minutes: number };

/**
 * How many windows' worth of time is open to booking: the share of `windows`, rounded down, but at least one
 * window when there is any window and any share.
 */
export function bookingLanes(windows: number, share: number): number {
  if (windows <= 0 || share <= 0) return 0;
  return Math.max(1, Math.floor(windows * share + 1e-9));
}

export const cellsPerBooking = (rules: Pick<BookingRules, 'gridMinutes' | 'serviceMinutes'>) =>
  Math.max(1, Math.ceil(rules.serviceMinutes / rules.gridMinutes));

/** Opening segments of a day in minutes past midnight: before and after the break. */
function segments(day: ResolvedDay): [number, number][] {
  if (!day.open || !day.opens || !day.closes) return [];
  const opens = toMinutes(day.opens);
  const closes = toMinutes(day.closes);
  if (day.breakStart && day.breakEnd) {
    const bs = toMinutes(day.breakStart);
    const be = toMinutes(day.breakEnd);
    return [
      [opens, Math.min(bs, closes)],
      [Math.max(be, opens), closes],
    ].filter(([a, b]) => b > a) as [number, number][];
  }
  return closes > opens ? [[opens, closes]] : [];
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The cells (epoch ms of their starts) a booking starting at local `startMinutes` of `date` covers. */
export function cellsOf(date: string, startMinutes: number, rules: BookingRules, timeZone: string): number[] {
  return Array.from({ length: cellsPerBooking(rules) }, (_, i) =>
    localToInstant(date, hhmm(startMinutes + i * rules.gridMinutes), timeZone),
  );
}

/** The cells a booking starting at local `startMinutes` of `date` covers, and the instant it ends (wall clock). */
export function bookingSpan(date: string, startMinutes: number, rules: BookingRules, timeZone: string) {
  const length = cellsPerBooking(rules) * rules.gridMinutes;
  return {
    cells: cellsOf(date, startMinutes, rules, timeZone),
    end: localToInstant(date, hhmm(startMinutes + length), timeZone),
  };
}

/**
 * Whether every cell of a booking starting at local `startMinutes` exists on the wall clock: a spring-forward
 * gap skips some (02:00–02:59 in Berlin on its last Sunday of March), and a time in it is no time to book.
 */
function cellsExist(cells: readonly number[], startMinutes: number, rules: BookingRules, timeZone: string) {
  return cells.every(
    (cell, i) => instantToLocal(cell, timeZone).time === hhmm(startMinutes + i * rules.gridMinutes),
  );
}

/**
 * The instant of each wall-clock minute of a date. On a day the zone keeps one offset (nearly every day) it
 * is midnight plus the minutes — no calendar arithmetic per cell; on a transition day, the zone's rules.
 * `steady` says which: on a steady day every wall-clock time exists once.
 */
function wallClockOf(date: string, timeZone: string) {
  const midnight = localToInstant(date, '00:00', timeZone);
  const next = localToInstant(addCalendarDays(date, 1), '00:00', timeZone);
  const steady = offsetMinutes(timeZone, midnight) === offsetMinutes(timeZone, next);
  const instantOf = steady
    ? (minutes: number) => midnight + minutes * 60_000
    : (minutes: number) => localToInstant(date, hhmm(minutes), timeZone);
  return { steady, instantOf };
}

/**
 * Every time of a day a booking of the service can start, on the grid, fitting wholly inside an opening
 * segment (never across the break or past closing), and not before `notBefore` (now + notice). `free` is
 * the fewest seats left over the cells it covers, in both capacities.
 */
export function daySlots(p: {
  day: ResolvedDay;
  timeZone: string;
  rules: BookingRules;
  taken: TakenSeats;
  notBefore: number;
}): FreeTime[] {
  const { day, timeZone, rules, taken } = p;
  if (rules.officeLanes <= 0 || rules.serviceLanes <= 0) return [];
  const grid = rules.gridMinutes;
  const length = cellsPerBooking(rules) * grid;
  const seatsLeft = (cell: number) => {
    const use = taken(cell);
    const office = rules.officeLanes - (use?.office ?? 0);
    const service = Math.min(rules.serviceLanes, rules.officeLanes) - (use?.service ?? 0);
    return Math.max(0, Math.min(office, service));
  };
  const { steady, instantOf } = wallClockOf(day.date, timeZone);
  const count = cellsPerBooking(rules);
  const out: FreeTime[] = [];
  for (const [from, to] of segments(day)) {
    for (let m = Math.ceil(from / grid) * grid; m + length <= to; m += grid) {
      const start = instantOf(m);
      if (start < p.notBefore) continue;
      const cells = Array.from({ length: count }, (_, i) => (i === 0 ? start : instantOf(m + i * grid)));
      if (!steady && !cellsExist(cells, m, rules, timeZone)) continue;
      let free = Number.POSITIVE_INFINITY;
      for (const cell of cells) free = Math.min(free, seatsLeft(cell));
      out.push({ start, end: instantOf(m + length), free, date: day.date, minutes: m });
    }
  }
  return out;
}

/** The dates a booking may be made for: from today to today + horizon, both in the office's time zone. */
export function bookingWindow(now: number, timeZone: string, horizonDays: number) {
  const today = instantToLocal(now, timeZone).date;
  return { first: today, last: addCalendarDays(today, horizonDays) };
}

/** Whether a booking starting at local `minutes` lies wholly inside an opening segment of the day. */
export function fitsDay(
  day: ResolvedDay,
  minutes: number,
  rules: Pick<BookingRules, 'gridMinutes' | 'serviceMinutes'>,
) {
  const length = cellsPerBooking(rules) * rules.gridMinutes;
  return segments(day).some(([from, to]) => minutes >= from && minutes + length <= to);
}

/** Why a requested start is not a time one can book (400, naming `start`), in the order they are checked. */
export type StartRefusal =
  | 'in_past'
  | 'too_soon'
  | 'beyond_horizon'
  | 'day_off'
  | 'not_on_grid'
  | 'outside_hours';

/**
 * Locates a requested start on a day's grid: the local date it falls on, or why it is refused. The day is
 * resolved by the caller for `date` (it needs the office's schedule): `dayOf`.
 */
export function locateStart(p: {
  start: number;
  now: number;
  noticeMinutes: number;
  horizonDays: number;
  timeZone: string;
  rules: BookingRules;
  dayOf: (date: string) => ResolvedDay;
}): { ok: true; date: string; minutes: number } | { ok: false; refusal: StartRefusal } {
  const { start, now, timeZone, rules } = p;
  if (start < now) return { ok: false, refusal: 'in_past' };
  if (start < now + p.noticeMinutes * 60_000) return { ok: false, refusal: 'too_soon' };
  const local = instantToLocal(start, timeZone);
  const window = bookingWindow(now, timeZone, p.horizonDays);
  if (daysBetween(window.last, local.date) > 0) return { ok: false, refusal: 'beyond_horizon' };
  const day = p.dayOf(local.date);
  if (!day.open) return { ok: false, refusal: 'day_off' };
  const minutes = toMinutes(local.time);
  if (minutes % rules.gridMinutes !== 0 || new Date(start).getUTCSeconds() !== 0 || start % 1000 !== 0) {
    return { ok: false, refusal: 'not_on_grid' };
  }
  if (!fitsDay(day, minutes, rules)) return { ok: false, refusal: 'outside_hours' };
  // the second reading of a wall-clock time repeated in the autumn is not on the grid (the grid takes the
  // first), nor is a booking that would cover a time a spring-forward gap skips
  if (localToInstant(local.date, local.time, timeZone) !== start)
    return { ok: false, refusal: 'not_on_grid' };
  if (!cellsExist(cellsOf(local.date, minutes, rules, timeZone), minutes, rules, timeZone))
    return { ok: false, refusal: 'not_on_grid' };
  return { ok: true, date: local.date, minutes };
}

/** The `nearest` free times around a wanted start (SLOT_TAKEN's details): closest in time first, then earlier. */
export function nearestFree(times: readonly FreeTime[], wanted: number, count = 3): FreeTime[] {
  return times
    .filter((t) => t.free > 0)
    .sort((a, b) => Math.abs(a.start - wanted) - Math.abs(b.start - wanted) || a.start - b.start)
    .slice(0, count)
    .sort((a, b) => a.start - b.start);
}

/** A free time as the API gives it (ISO with the office's offset). */
export const toSlotDto = (t: FreeTime, timeZone: string) => ({
  start: isoInZone(t.start, timeZone),
  end: isoInZone(t.end, timeZone),
  free: t.free,
});

// ── check-in and the per-person rules ──────────────────────────────────────────────────────────────────

export type CheckInVerdict =
  | { kind: 'on_time' }
  | { kind: 'early'; comeAt: number }
  | { kind: 'late'; action: 'walk_in' | 'refuse' };

/** Whether a booked visitor may check in now: from `early` minutes before the booked time to `late` after. */
export function checkInVerdict(p: {
  start: number;
  now: number;
  earlyMinutes: number;
  lateMinutes: number;
  lateAction: 'walk_in' | 'refuse';
}): CheckInVerdict {
  const from = p.start - p.earlyMinutes * 60_000;
  if (p.now < from) return { kind: 'early', comeAt: from };
  if (p.now > p.start + p.lateMinutes * 60_000) return { kind: 'late', action: p.lateAction };
  return { kind: 'on_time' };
}

/**
 * Until when a phone may not book after no-shows: `limit` no-shows within `withinDays` block it for
 * `blockDays` from the last of them; null when it may book.
 */
export function phoneBlockedUntil(p: {
  noShows: readonly number[];
  now: number;
  limit: number;
  withinDays: number;
  blockDays: number;
}): number | null {
  const day = 86_400_000;
  const recent = p.noShows.filter((t) => t > p.now - p.withinDays * day && t <= p.now).sort((a, b) => a - b);
  if (recent.length < p.limit) return null;
  const until = recent[recent.length - 1] + p.blockDays * day;
  return until > p.now ? until : null;
}
