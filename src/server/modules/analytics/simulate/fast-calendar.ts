import {
  addCalendarDays,
  addWorkingDays,
  type Calendar,
  countWorkingDays,
  fromDayNumber,
  isWorkingDay,
  toDayNumber,
} from '../../../../shared/calendar.js';
import type { Term } from '../../../../shared/case-deadline.js';

/**
 * The production calendar's arithmetic over a fixed span of days, precomputed (pure): the simulation asks it
 * millions of times what shared/calendar.ts answers day by day. Outside the span it falls back to that file,
 * so the answers are the same everywhere (fast-calendar.test.ts compares them).
 */
export type FastCalendar = {
  calendar: Calendar;
  addWorkingDays(from: string, n: number): string;
  countWorkingDays(from: string, to: string): number;
  addCalendarDays(from: string, n: number): string;
  /** The statutory deadline without pauses (shared/case-deadline.ts baseDueDate). */
  dueDate(acceptedOn: string, term: Term): string;
};

export function fastCalendar(calendar: Calendar, from: string, to: string): FastCalendar {
  const base = toDayNumber(from) - 40;
  const size = toDayNumber(to) - base + 800;
  const names: string[] = new Array(size);
  const numbers = new Map<string, number>();
  /** cum[i]: working days in [base, base + i]. */
  const cum = new Int32Array(size);
  const working: number[] = [];
  let count = 0;
  for (let i = 0; i < size; i++) {
    const name = fromDayNumber(base + i);
    names[i] = name;
    numbers.set(name, i);
    if (isWorkingDay(calendar, name)) {
      count++;
      working.push(i);
    }
    cum[i] = count;
  }
  const index = (date: string) => numbers.get(date);
  const fast: FastCalendar = {
    calendar,
    addWorkingDays(date, n) {
      const i = index(date);
      if (i === undefined || n < 0) return addWorkingDays(calendar, date, n);
      // n > 0: the n-th working day after i; n = 0: i itself if working, else the next working day
      const rank = n === 0 ? (i > 0 ? cum[i - 1] : 0) : cum[i] + n - 1;
      const j = working[rank];
      return j === undefined ? addWorkingDays(calendar, date, n) : names[j];
    },
    countWorkingDays(a, b) {
      const i = index(a);
      const j = index(b);
      if (i === undefined || j === undefined || i === 0) return countWorkingDays(calendar, a, b);
      return j < i ? 0 : cum[j] - cum[i - 1];
    },
    addCalendarDays(date, n) {
      const i = index(date);
      const j = i === undefined ? undefined : i + n;
      return j !== undefined && j >= 0 && j < size ? names[j] : addCalendarDays(date, n);
    },
    dueDate(acceptedOn, term) {
      if (term.kind === 'working') return fast.addWorkingDays(acceptedOn, term.days);
      return fast.addWorkingDays(fast.addCalendarDays(acceptedOn, term.days), 0);
    },
  };
  return fast;
}
