import { isValidIsoDate } from '../../../../shared/calendar.js';
import { monthsEnShort, monthsRuGenitive } from '../../../../shared/date-words.js';
import type { Locale } from '../../../../shared/notifications.js';
import { nowInTimeZone } from '../../../../shared/office-hours.js';

/**
 * Dates and times of a message, shown in the office's zone. The zone's offset at the instant comes from Intl
 * (daylight saving included); the words are ours, not the ICU's, so a text does not change with the Node.js
 * build. `short` is for an SMS (every character counts), `long` for an e-mail.
 */

export type DateStyle = 'short' | 'long';

const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Whether a string is an ISO 8601 instant with its offset (`Z` or `+03:00`): a local time without one would
 * be read in the server's own zone, not the office's.
 */
export const isInstant = (at: string): boolean =>
  iso.test(at) && isValidIsoDate(at.slice(0, 10)) && !Number.isNaN(Date.parse(at));

function localParts(at: string, timeZone: string) {
  if (!isInstant(at)) throw new RangeError(`not an instant: ${at}`);
  const instant = new Date(at);
  const { date, time } = nowInTimeZone(timeZone, instant);
  return { year: date.slice(0, 4), month: Number(date.slice(5, 7)), day: date.slice(8, 10), time };
}

/**
 * The day of an instant in a zone: ru short «12.01.2027», ru long «12 января 2027 г.», en «12 Jan 2027».
 * Throws a RangeError on an unreadable instant or an unknown zone.
 */
export function formatDate(at: string, timeZone: string, locale: Locale, style: DateStyle): string {
  const { year, month, day } = localParts(at, timeZone);
  if (locale === 'en') return `${Number(day)} ${monthsEnShort[month - 1]} ${year}`;
  if (style === 'short') return `${day}.${String(month).padStart(2, '0')}.${year}`;
  return `${Number(day)} ${monthsRuGenitive[month - 1]} ${year} г.`;
}

/**
 * The day and time of an instant in a zone, 24-hour clock: ru short «12.01.2027 в 10:30», ru long
 * «12 января 2027 г. в 10:30», en «12 Jan 2027, 10:30». Throws a RangeError as `formatDate` does.
 */
export function formatDateTime(at: string, timeZone: string, locale: Locale, style: DateStyle): string {
  const date = formatDate(at, timeZone, locale, style);
  const { time } = localParts(at, timeZone);
  return locale === 'en' ? `${date}, ${time}` : `${date} в ${time}`;
}
