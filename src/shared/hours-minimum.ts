import type { HoursWarning } from './admin.js';

/**
 * The legal minimum of an office's weekly opening hours (Resolution 1376 p.18, DOMAIN.md): in a
 * municipality of at most 25,000 people at least 5 days a week, 6 hours a day; above that at least 6 days
 * a week, 10 hours on each working day (Monday–Friday; the weekend may be shorter) and one evening a week
 * until 20:00. Hours are counted without the break, when the office is closed to visitors. I/O-free.
 */

export type WeeklyHoursDay = {
  weekday: number;
  opens: string;
  closes: string;
  breakStart?: string | null;
  breakEnd?: string | null;
};

export const SMALL_MUNICIPALITY = 25_000;
const EVENING = 20 * 60;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Open minutes of a day: from opening to closing, less the break. */
export function openMinutes(day: WeeklyHoursDay): number {
  const span = minutes(day.closes) - minutes(day.opens);
  const pause = day.breakStart && day.breakEnd ? minutes(day.breakEnd) - minutes(day.breakStart) : 0;
  return Math.max(0, span - pause);
}

const weekdayNames = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hoursText = (m: number) => `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;

export function hoursMinimumWarnings(hours: readonly WeeklyHoursDay[], population: number): HoursWarning[] {
  const open = hours.filter((h) => openMinutes(h) > 0);
  const warnings: HoursWarning[] = [];
  const small = population <= SMALL_MUNICIPALITY;
  const minDays = small ? 5 : 6;
  const minDay = small ? 6 * 60 : 10 * 60;
  if (open.length < minDays) {
    warnings.push({
      code: 'TOO_FEW_DAYS',
      message: `open ${open.length} days a week; at least ${minDays} required for a population of ${population}`,
    });
  }
  for (const h of [...open].sort((a, b) => a.weekday - b.weekday)) {
    // Above 25k the 10-hour minimum binds working days only; a small municipality needs 6 h every open day.
    if (!small && h.weekday > 5) continue;
    const m = openMinutes(h);
    if (m < minDay) {
      warnings.push({
        code: 'SHORT_DAY',
        weekday: h.weekday,
        message: `${weekdayNames[h.weekday]}: open ${hoursText(m)}; at least ${hoursText(minDay)} required`,
      });
    }
  }
  if (!small && !open.some((h) => minutes(h.closes) >= EVENING)) {
    warnings.push({ code: 'NO_EVENING', message: 'no evening a week open until 20:00' });
  }
  return warnings;
}
