import { monthsEn, monthsRuGenitive, weekdaysEn, weekdaysRu } from '../../shared/date-words.js';
import { instantToLocal } from '../../shared/zoned-time.js';

/**
 * Dates and times on printed documents, on the office's wall clock: an instant with any offset is read in
 * the office's zone. Month and weekday names are written here rather than taken from Intl's locale data,
 * so a document reads the same on every Node build (ICU versions differ in spaces and abbreviations).
 */

export type PdfLocale = 'ru' | 'en';

const months: Record<PdfLocale, string[]> = { ru: monthsRuGenitive, en: monthsEn };
const weekdays: Record<PdfLocale, string[]> = { ru: weekdaysRu, en: weekdaysEn };

/** The local date 'YYYY-MM-DD' and time 'HH:MM' in the zone of an ISO instant (or a Date). */
export function localDateTime(at: string | Date, timeZone: string): { date: string; time: string } {
  const instant = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`not an instant: ${String(at)}`);
  return instantToLocal(instant, timeZone);
}

/** 'YYYY-MM-DD' → «1 декабря 2026 г., вторник» / «Tuesday, 1 December 2026». */
export function longDate(date: string, locale: PdfLocale): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = weekdays[locale][new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return locale === 'ru'
    ? `${day} ${months.ru[month - 1]} ${year} г., ${weekday}`
    : `${weekday}, ${day} ${months.en[month - 1]} ${year}`;
}

/** 'YYYY-MM-DD' → 01.12.2026 (both languages: the form a Russian office prints). */
export function shortDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
