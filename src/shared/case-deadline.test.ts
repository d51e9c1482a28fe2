import { readFileSync } from 'node:fs';
import { type CalendarOverride, makeCalendar } from './calendar.js';
import {
  baseDueDate,
  caseDeadline,
  isOverdue,
  mergedPauses,
  pauseDays,
  type Suspension,
  workingDaysLeft,
} from './case-deadline.js';

/** The demo region's real production calendar (2025–2027: New Year holidays, decree transfers, short days). */
const cal = makeCalendar(
  JSON.parse(readFileSync('regions/lipetsk/calendar.json', 'utf8')) as CalendarOverride[],
);

const working = (days: number) => ({ days, kind: 'working' as const });
const calendar = (days: number) => ({ days, kind: 'calendar' as const });
const pause = (from: string, to: string | null, reason = 'request'): Suspension => ({ from, to, reason });

describe('the base due date in working days over the 2026 calendar', () => {
  it('crosses the New Year holidays: 30 Dec 2025 + 3 working days is 14 Jan 2026 (31 Dec and 1–11 Jan off)', () => {
    expect(baseDueDate(cal, '2025-12-30', working(3))).toBe('2026-01-14');
    expect(baseDueDate(cal, '2025-12-30', working(1))).toBe('2026-01-12');
  });

  it('counts 9 Jan 2026 off (moved from Saturday 3 Jan by decree) and 31 Dec 2026 off (moved from 4 Jan)', () => {
    expect(baseDueDate(cal, '2026-01-08', working(1))).toBe('2026-01-12');
    expect(baseDueDate(cal, '2026-12-29', working(1))).toBe('2026-12-30');
    expect(baseDueDate(cal, '2026-12-29', working(2))).toBe('2027-01-11');
    expect(baseDueDate(cal, '2026-12-29', working(3))).toBe('2027-01-12');
  });

  it('skips the days off moved from a holiday on a weekend: 9 March and 11 May 2026', () => {
    expect(baseDueDate(cal, '2026-03-06', working(1))).toBe('2026-03-10');
    expect(baseDueDate(cal, '2026-05-08', working(1))).toBe('2026-05-12');
    expect(baseDueDate(cal, '2026-02-20', working(1))).toBe('2026-02-24'); // 23 Feb, a Monday holiday
  });

  it('counts a short pre-holiday day as a working day', () => {
    expect(baseDueDate(cal, '2026-04-29', working(1))).toBe('2026-04-30'); // short
    expect(baseDueDate(cal, '2026-04-30', working(1))).toBe('2026-05-04');
    expect(baseDueDate(cal, '2026-11-02', working(1))).toBe('2026-11-03'); // short
    expect(baseDueDate(cal, '2026-11-02', working(2))).toBe('2026-11-05'); // 4 Nov off
    expect(baseDueDate(cal, '2026-06-10', working(2))).toBe('2026-06-15'); // 11 short, 12 off
  });

  it('runs from the day after acceptance even when it is accepted on a day off', () => {
    expect(baseDueDate(cal, '2026-01-10', working(1))).toBe('2026-01-12');
    expect(baseDueDate(cal, '2026-01-09', working(3))).toBe('2026-01-14');
  });
});

describe('the base due date in calendar days', () => {
  it('ends on the N-th day when it is a working day, short days included', () => {
    expect(baseDueDate(cal, '2026-02-21', calendar(30))).toBe('2026-03-23');
    expect(baseDueDate(cal, '2026-04-08', calendar(30))).toBe('2026-05-08'); // short
  });

  it('moves to the next working day when the N-th day is off: over a holiday and its decree transfer', () => {
    expect(baseDueDate(cal, '2026-02-06', calendar(30))).toBe('2026-03-10'); // 8 Mar Sun, 9 Mar transfer
    expect(baseDueDate(cal, '2026-04-11', calendar(30))).toBe('2026-05-12'); // 11 May transfer
    expect(baseDueDate(cal, '2026-12-02', calendar(30))).toBe('2027-01-11'); // 1 Jan 2027
    expect(baseDueDate(cal, '2026-12-01', calendar(30))).toBe('2027-01-11'); // 31 Dec 2026 off by decree
  });
});

describe('suspensions', () => {
  it('"+3 working days: request 12–15 Jan": a pause from 12 Jan until work resumes on 15 Jan adds 3', () => {
    const d = caseDeadline(cal, '2026-01-12', working(5), [pause('2026-01-12', '2026-01-15')], '2026-01-20');
    expect(d.base).toBe('2026-01-19');
    expect(d.due).toBe('2026-01-22');
    expect(d.pausedSince).toBeNull();
    expect(d.changes).toEqual([
      {
        before: '2026-01-19',
        after: '2026-01-22',
        days: 3,
        kind: 'working',
        from: '2026-01-12',
        to: '2026-01-15',
        reasons: ['request'],
      },
    ]);
  });

  it('across the New Year holidays: a working term adds only the working days of the pause', () => {
    // 10 working days from 21 Dec 2026: 22–25, 28–30 Dec, 11–13 Jan 2027.
    const pauses = [pause('2026-12-28', '2027-01-12', 'applicant')];
    const d = caseDeadline(cal, '2026-12-21', working(10), pauses, '2027-02-01');
    expect(d.base).toBe('2027-01-13');
    expect(pauseDays(cal, 'working', '2026-12-28', '2027-01-12')).toBe(4); // 28, 29, 30 Dec and 11 Jan
    expect(d.due).toBe('2027-01-19');
    expect(d.changes.map((c) => [c.days, c.reasons])).toEqual([[4, ['applicant']]]);
  });

  it('a pause that covers only days off changes nothing in a working term and is not explained as a change', () => {
    const d = caseDeadline(cal, '2025-12-25', working(5), [pause('2025-12-31', '2026-01-12')], '2026-02-01');
    expect(d.due).toBe(d.base);
    expect(d.changes).toEqual([]);
  });

  it('across the holidays in a calendar term: every calendar day of the pause counts', () => {
    const d = caseDeadline(
      cal,
      '2026-12-21',
      calendar(30),
      [pause('2026-12-28', '2027-01-12')],
      '2027-03-01',
    );
    expect(d.base).toBe('2027-01-20');
    expect(d.changes[0]?.days).toBe(15);
    expect(d.due).toBe('2027-02-04');
  });

  it('in a calendar term the pause moves the N-th day, and only then is a day off skipped (no double move)', () => {
    // 30 calendar days from 1 Dec 2026 end on 31 Dec (off by decree) → 11 Jan. A 5-day pause moves the
    // end to 5 Jan — still in the holidays — so the due date stays 11 Jan, not 11 Jan + 5 = 18 Jan.
    const five = caseDeadline(
      cal,
      '2026-12-01',
      calendar(30),
      [pause('2026-12-10', '2026-12-15')],
      '2027-02-01',
    );
    expect(five.base).toBe('2027-01-11');
    expect(five.due).toBe('2027-01-11');
    // 6 Feb + 30 = 8 Mar (Sunday, holiday) → 10 Mar. A one-day pause makes it 9 Mar (off) → still 10 Mar.
    const one = caseDeadline(
      cal,
      '2026-02-06',
      calendar(30),
      [pause('2026-02-10', '2026-02-11')],
      '2026-04-01',
    );
    expect(one.due).toBe('2026-03-10');
    // Two days: 10 Mar, a working day.
    const two = caseDeadline(
      cal,
      '2026-02-06',
      calendar(30),
      [pause('2026-02-10', '2026-02-12')],
      '2026-04-01',
    );
    expect(two.due).toBe('2026-03-10');
    // Three: 11 Mar.
    const three = caseDeadline(
      cal,
      '2026-02-06',
      calendar(30),
      [pause('2026-02-10', '2026-02-13')],
      '2026-04-01',
    );
    expect(three.due).toBe('2026-03-11');
    // Each change still reads before → after on working days, chained.
    const both = caseDeadline(
      cal,
      '2026-02-06',
      calendar(30),
      [pause('2026-02-10', '2026-02-11'), pause('2026-02-16', '2026-02-18')],
      '2026-04-01',
    );
    expect(both.changes.map((c) => [c.before, c.after, c.days])).toEqual([
      ['2026-03-10', '2026-03-10', 1],
      ['2026-03-10', '2026-03-11', 2],
    ]);
    expect(both.due).toBe('2026-03-11');
  });

  it('overlapping suspensions count once, with both reasons', () => {
    // 10 working days from 2 Mar: 3–6, 10–13, 16–17 (9 Mar off) → 17 Mar.
    const pauses = [
      pause('2026-03-04', '2026-03-11', 'request'),
      pause('2026-03-06', '2026-03-13', 'applicant'),
    ];
    const d = caseDeadline(cal, '2026-03-02', working(10), pauses, '2026-04-01');
    expect(d.base).toBe('2026-03-17');
    // merged 4–12 Mar: 4, 5, 6, 10, 11, 12 — six working days, not 5 + 4
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ days: 6, from: '2026-03-04', to: '2026-03-13' });
    expect(d.changes[0].reasons).toEqual(['request', 'applicant']);
    expect(d.due).toBe('2026-03-25');
    // the same pauses given in the other order, or one inside another, give the same date
    expect(caseDeadline(cal, '2026-03-02', working(10), [...pauses].reverse(), '2026-04-01').due).toBe(
      '2026-03-25',
    );
    const inside = [pause('2026-03-04', '2026-03-13'), pause('2026-03-05', '2026-03-06', 'applicant')];
    expect(caseDeadline(cal, '2026-03-02', working(10), inside, '2026-04-01').due).toBe('2026-03-25');
  });

  it('touching pauses merge; separate ones give one explained change each', () => {
    expect(
      mergedPauses([pause('2026-03-04', '2026-03-06'), pause('2026-03-06', '2026-03-10')], '2026-04-01'),
    ).toEqual([{ from: '2026-03-04', to: '2026-03-10', open: false, reasons: ['request'] }]);
    const d = caseDeadline(
      cal,
      '2026-03-02',
      working(10),
      [pause('2026-03-03', '2026-03-04'), pause('2026-03-16', '2026-03-18', 'applicant')],
      '2026-04-01',
    );
    expect(d.changes.map((c) => [c.before, c.after, c.days])).toEqual([
      ['2026-03-17', '2026-03-18', 1],
      ['2026-03-18', '2026-03-20', 2],
    ]);
    expect(d.due).toBe('2026-03-20');
  });

  it('an empty pause (resumed the day it began) changes nothing', () => {
    const d = caseDeadline(cal, '2026-03-02', working(10), [pause('2026-03-05', '2026-03-05')], '2026-04-01');
    expect(d.changes).toEqual([]);
    expect(d.due).toBe('2026-03-17');
  });

  it('an open suspension: paused since its first day, due as if it ended today, never overdue while on', () => {
    const d = caseDeadline(
      cal,
      '2026-03-02',
      working(3),
      [pause('2026-03-04', null, 'applicant')],
      '2026-03-12',
    );
    expect(d.base).toBe('2026-03-05');
    expect(d.pausedSince).toBe('2026-03-04');
    // 4, 5, 6, 10, 11 Mar: five working days so far
    expect(d.changes).toEqual([
      expect.objectContaining({ days: 5, from: '2026-03-04', to: '2026-03-12', reasons: ['applicant'] }),
    ]);
    expect(d.due).toBe('2026-03-13');
    expect(isOverdue(d, '2026-04-30')).toBe(false);
    // opened today: paused, nothing added yet
    const today = caseDeadline(cal, '2026-03-02', working(3), [pause('2026-03-12', null)], '2026-03-12');
    expect(today.pausedSince).toBe('2026-03-12');
    expect(today.due).toBe('2026-03-05');
    expect(today.changes).toEqual([]);
  });

  it('an ended pause and an open one overlapping: the open one wins the merged span', () => {
    const d = caseDeadline(
      cal,
      '2026-03-02',
      working(3),
      [pause('2026-03-03', '2026-03-06'), pause('2026-03-05', null, 'applicant')],
      '2026-03-11',
    );
    expect(d.pausedSince).toBe('2026-03-03');
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ from: '2026-03-03', to: '2026-03-11', days: 5 });
  });
});

describe('overdue and working days left', () => {
  it('is overdue only after the due date and only when not paused', () => {
    expect(isOverdue({ due: '2026-01-14', pausedSince: null }, '2026-01-14')).toBe(false);
    expect(isOverdue({ due: '2026-01-14', pausedSince: null }, '2026-01-15')).toBe(true);
    expect(isOverdue({ due: '2026-01-14', pausedSince: '2026-01-13' }, '2026-01-20')).toBe(false);
  });

  it('counts working days to the due date over holidays: 0 on the day, negative when late', () => {
    expect(workingDaysLeft(cal, '2026-01-14', '2026-01-14')).toBe(0);
    expect(workingDaysLeft(cal, '2026-01-14', '2025-12-30')).toBe(3);
    expect(workingDaysLeft(cal, '2026-01-12', '2026-01-03')).toBe(1);
    expect(workingDaysLeft(cal, '2026-03-06', '2026-03-10')).toBe(-1);
    expect(workingDaysLeft(cal, '2026-12-30', '2027-01-12')).toBe(-2);
  });
});
