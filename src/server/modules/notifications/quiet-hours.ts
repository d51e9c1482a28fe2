import { addCalendarDays } from '../../../shared/calendar.js';
import type { Channel, NotificationEvent } from '../../../shared/notifications.js';
import { nowInTimeZone } from '../../../shared/office-hours.js';

/**
 * Quiet hours: no SMS wakes a person at night. An SMS due between 21:00 and 09:00 local time (the office's
 * zone) waits for 09:00; an e-mail is never held, it waits in the mailbox anyway. I/O-free, "now" passed in.
 */

/** The local hour the quiet hours begin at (included): 21:00. */
export const QUIET_HOURS_START = 21;
/** The local hour the quiet hours end at (excluded): an SMS held overnight leaves at 09:00. */
export const QUIET_HOURS_END = 9;

/** Events an SMS is sent for even at night: the person is in the office's queue now, or staff test a channel. */
export const sentDuringQuietHours: ReadonlySet<NotificationEvent> = new Set<NotificationEvent>([
  'ticket.turn_near',
  'booking.confirm_code',
  'channel.test',
]);

const MINUTE = 60_000;

/** The zone's offset from UTC at an instant, in milliseconds (whole minutes: every zone in use has them). */
function offsetAt(instant: number, timeZone: string): number {
  const minute = Math.floor(instant / MINUTE) * MINUTE;
  const local = nowInTimeZone(timeZone, new Date(minute));
  return Date.parse(`${local.date}T${local.time}:00Z`) - minute;
}

/**
 * The instant a local date and time (`YYYY-MM-DD`, `HH:MM`) happen in a zone. The offset is taken at the
 * instant itself (a second pass corrects a first guess made across a change of offset), so a daylight-saving
 * change that day is respected; a local time skipped by a spring change comes out shifted forward by the gap.
 */
export function instantOfLocalTime(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

/** Whether an instant falls in the quiet hours of a zone: local time in [21:00, 09:00). */
export function isQuietTime(now: Date, timeZone: string): boolean {
  const hour = Number(nowInTimeZone(timeZone, now).time.slice(0, 2));
  return hour >= QUIET_HOURS_START || hour < QUIET_HOURS_END;
}

/**
 * The earliest instant a message may leave: `now`, or — for an SMS of an event that can wait, due in the
 * quiet hours of `timeZone` — the next 09:00 local (the same day before 09:00, the next day from 21:00).
 * Throws a RangeError on an unknown zone.
 */
export function sendNotBefore(now: Date, channel: Channel, event: NotificationEvent, timeZone: string): Date {
  if (channel !== 'sms' || sentDuringQuietHours.has(event) || !isQuietTime(now, timeZone)) return now;
  const local = nowInTimeZone(timeZone, now);
  const hour = Number(local.time.slice(0, 2));
  const day = hour >= QUIET_HOURS_START ? addCalendarDays(local.date, 1) : local.date;
  return instantOfLocalTime(day, `${String(QUIET_HOURS_END).padStart(2, '0')}:00`, timeZone);
}
