import { addCalendarDays, addWorkingDays, type Calendar, countWorkingDays, daysBetween } from './calendar.js';

/**
 * The statutory deadline of a case (pure), over the production calendar. The term runs from the day after
 * acceptance: N working days, or N calendar days moved to the next working day when they end on a day off.
 * It stands still while the case is suspended — an interagency request pending, or the applicant asked to
 * bring something — and each suspension, once it ends, pushes the date by the days it took: the working
 * days of the pause for a working-day term, its calendar days for a calendar one. Overlapping suspensions
 * count once. A calendar term's pause moves its N-th day, which is then moved off a day off once.
 */

export type Term = { days: number; kind: 'working' | 'calendar' };

/** A pause from `from` (its first day) until `to` (the day work resumed, not counted); `to` null: still on. */
export type Suspension = { from: string; to: string | null; reason: string };

export type DeadlineChange = {
  /** The due date before and after this pause. */
  before: string;
  after: string;
  /** Days added (in the term's kind), the pause's dates and its reasons. */
  days: number;
  kind: Term['kind'];
  from: string;
  to: string;
  reasons: string[];
};

export type Deadline = {
  /** The due date without any pause. */
  base: string;
  /** The due date with every ended pause; while one is on, as if it ended `today`. */
  due: string;
  /** The first day of the pause that is on now, else null. */
  pausedSince: string | null;
  changes: DeadlineChange[];
};

export function baseDueDate(cal: Calendar, acceptedOn: string, term: Term): string {
  if (term.kind === 'working') return addWorkingDays(cal, acceptedOn, term.days);
  return addWorkingDays(cal, addCalendarDays(acceptedOn, term.days), 0);
}

/** Days a pause [from, to) takes out of the term. */
export function pauseDays(cal: Calendar, kind: Term['kind'], from: string, to: string): number {
  if (to <= from) return 0;
  return kind === 'working' ? countWorkingDays(cal, from, addCalendarDays(to, -1)) : daysBetween(from, to);
}

/** Pauses merged where they overlap or touch, in order; an open one runs to `today`. */
export function mergedPauses(
  suspensions: readonly Suspension[],
  today: string,
): { from: string; to: string; open: boolean; reasons: string[] }[] {
  const spans = suspensions
    .map((s) => ({ from: s.from, to: s.to ?? today, open: s.to === null, reasons: [s.reason] }))
    .filter((s) => s.to > s.from || s.open)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) {
      if (span.to > last.to) last.to = span.to;
      last.open ||= span.open;
      for (const r of span.reasons) if (!last.reasons.includes(r)) last.reasons.push(r);
    } else merged.push({ ...span, reasons: [...span.reasons] });
  }
  return merged;
}

export function caseDeadline(
  cal: Calendar,
  acceptedOn: string,
  term: Term,
  suspensions: readonly Suspension[],
  today: string,
): Deadline {
  const base = baseDueDate(cal, acceptedOn, term);
  let due = base;
  // A calendar term's N-th day before it is moved off a day off: a pause moves this day, and only the
  // result is moved to a working day (else each pause would add the move again).
  let calendarEnd = addCalendarDays(acceptedOn, term.days);
  let pausedSince: string | null = null;
  const changes: DeadlineChange[] = [];
  for (const pause of mergedPauses(suspensions, today)) {
    if (pause.open) pausedSince = pause.from;
    const days = pauseDays(cal, term.kind, pause.from, pause.to);
    if (days === 0) continue;
    if (term.kind === 'calendar') calendarEnd = addCalendarDays(calendarEnd, days);
    const after =
      term.kind === 'working' ? addWorkingDays(cal, due, days) : addWorkingDays(cal, calendarEnd, 0);
    changes.push({
      before: due,
      after,
      days,
      kind: term.kind,
      from: pause.from,
      to: pause.to,
      reasons: pause.reasons,
    });
    due = after;
  }
  return { base, due, pausedSince, changes };
}

/** Whether a case not yet at its result is late on `today`: past its due date and not paused. */
export const isOverdue = (deadline: Pick<Deadline, 'due' | 'pausedSince'>, today: string) =>
  deadline.pausedSince === null && today > deadline.due;

/** Working days left until the due date (0 on the day itself, negative when late). */
export function workingDaysLeft(cal: Calendar, due: string, today: string): number {
  if (due === today) return 0;
  if (due > today) return countWorkingDays(cal, addCalendarDays(today, 1), due);
  return -countWorkingDays(cal, addCalendarDays(due, 1), today);
}
