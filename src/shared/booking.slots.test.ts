import {
  type BookingRules,
  bookingLanes,
  type CellUse,
  cellsPerBooking,
  checkInVerdict,
  daySlots,
  type FreeTime,
  locateStart,
  nearestFree,
  phoneBlockedUntil,
  toSlotDto,
} from './booking.slots.js';
import { makeCalendar } from './calendar.js';
import type { ResolvedDay, WeeklyHours } from './network.js';
import { type OfficeException, resolveDay } from './office-hours.js';
import { isoInZone, localToInstant } from './zoned-time.js';

const MSK = 'Europe/Moscow';
const BERLIN = 'Europe/Berlin';
const MIN = 60_000;
const DAY = 86_400_000;

const row = (
  weekday: number,
  opens: string,
  closes: string,
  breakStart: string | null = null,
  breakEnd: string | null = null,
): WeeklyHours => ({ weekday, opens, closes, breakStart, breakEnd });

/** Mon–Thu 09:00–18:00 with lunch 13:00–13:45; Fri 09:00–16:45; closed at the weekend. */
const weekly = [
  row(1, '09:00', '18:00', '13:00', '13:45'),
  row(2, '09:00', '18:00', '13:00', '13:45'),
  row(3, '09:00', '18:00', '13:00', '13:45'),
  row(4, '09:00', '18:00', '13:00', '13:45'),
  row(5, '09:00', '16:45'),
];

const calendar = makeCalendar([
  { date: '2026-12-26', kind: 'working', note: 'Рабочая суббота' },
  { date: '2026-12-31', kind: 'short', note: 'Предпраздничный день' },
  { date: '2027-01-01', kind: 'dayoff', note: 'Новогодние каникулы' },
]);

const exceptions: OfficeException[] = [
  { date: '2026-12-02', kind: 'hours', opens: '10:00', closes: '14:00', note: 'Учёба сотрудников' },
  { date: '2026-12-03', kind: 'closed', opens: null, closes: null, note: 'Санитарный день' },
  // a night office in Berlin for the transition days, to put its hours across the change
  { date: '2026-03-29', kind: 'hours', opens: '01:00', closes: '04:00', note: null },
  { date: '2026-10-25', kind: 'hours', opens: '01:00', closes: '04:00', note: null },
];

const dayOf = (date: string): ResolvedDay => resolveDay({ weekly, exceptions, calendar, date });

const rules = (over: Partial<BookingRules> = {}): BookingRules => ({
  gridMinutes: 15,
  serviceMinutes: 15,
  officeLanes: 4,
  serviceLanes: 2,
  ...over,
});

const nothingTaken = () => undefined;
const longAgo = 0;

/** Slots of a date as local 'HH:MM' starts. */
const starts = (slots: readonly FreeTime[], tz = MSK) =>
  slots.map((s) => isoInZone(s.start, tz).slice(11, 16));

const slotsOf = (
  date: string,
  over: Partial<BookingRules> = {},
  p: { taken?: (cell: number) => CellUse | undefined; notBefore?: number; tz?: string } = {},
) =>
  daySlots({
    day: dayOf(date),
    timeZone: p.tz ?? MSK,
    rules: rules(over),
    taken: p.taken ?? nothingTaken,
    notBefore: p.notBefore ?? longAgo,
  });

/** 'HH:MM' times from `from` to `to` inclusive, every `step` minutes. */
function times(from: string, to: string, step = 15): string[] {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const out: string[] = [];
  for (let m = toMin(from); m <= toMin(to); m += step)
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  return out;
}

describe('bookingLanes', () => {
  it('gives the share of the windows, rounded down', () => {
    expect(bookingLanes(20, 0.5)).toBe(10);
    expect(bookingLanes(20, 0.4)).toBe(8);
    expect(bookingLanes(7, 0.5)).toBe(3);
  });

  it('does not lose a lane to floating point (10 × 0.3 is 3, not 2)', () => {
    expect(bookingLanes(10, 0.3)).toBe(3);
    expect(bookingLanes(10, 0.7)).toBe(7);
  });

  it('keeps at least one lane when there is a window and a share', () => {
    expect(bookingLanes(1, 0.1)).toBe(1);
    expect(bookingLanes(3, 0.2)).toBe(1);
  });

  it('gives none without windows or without a share', () => {
    expect(bookingLanes(0, 0.5)).toBe(0);
    expect(bookingLanes(5, 0)).toBe(0);
  });

  it('gives every window at a share of one', () => {
    expect(bookingLanes(6, 1)).toBe(6);
  });
});

describe('cellsPerBooking', () => {
  it('rounds a service time up to whole cells, at least one', () => {
    expect(cellsPerBooking({ gridMinutes: 15, serviceMinutes: 15 })).toBe(1);
    expect(cellsPerBooking({ gridMinutes: 15, serviceMinutes: 20 })).toBe(2);
    expect(cellsPerBooking({ gridMinutes: 15, serviceMinutes: 30 })).toBe(2);
    expect(cellsPerBooking({ gridMinutes: 15, serviceMinutes: 5 })).toBe(1);
  });
});

describe('daySlots', () => {
  it('offers every grid time of an ordinary day that ends by closing', () => {
    const slots = slotsOf('2026-12-04'); // Friday 09:00–16:45, no break
    expect(starts(slots)).toEqual(times('09:00', '16:30'));
    expect(slots[0]).toEqual({
      start: Date.parse('2026-12-04T06:00:00Z'),
      end: Date.parse('2026-12-04T06:15:00Z'),
      free: 2,
      date: '2026-12-04',
      minutes: 540,
    });
    expect(toSlotDto(slots.at(-1) as FreeTime, MSK)).toEqual({
      start: '2026-12-04T16:30:00+03:00',
      end: '2026-12-04T16:45:00+03:00',
      free: 2,
    });
  });

  it('gives a longer service whole cells and no start it cannot finish by closing', () => {
    const slots = slotsOf('2026-12-04', { serviceMinutes: 20 });
    expect(starts(slots)).toEqual(times('09:00', '16:15'));
    for (const s of slots) expect(s.end - s.start).toBe(30 * MIN);
  });

  it('never lets a slot cross the lunch break', () => {
    const slots = slotsOf('2026-12-01', { serviceMinutes: 30 }); // Tuesday, lunch 13:00–13:45
    const local = starts(slots);
    expect(local).toEqual([...times('09:00', '12:30'), ...times('13:45', '17:30')]);
    const lunchFrom = localToInstant('2026-12-01', '13:00', MSK);
    const lunchTo = localToInstant('2026-12-01', '13:45', MSK);
    for (const s of slots) expect(s.end <= lunchFrom || s.start >= lunchTo).toBe(true);
  });

  it('ends a short pre-holiday day an hour early', () => {
    expect(dayOf('2026-12-31').closes).toBe('17:00');
    const slots = slotsOf('2026-12-31');
    expect(starts(slots).at(-1)).toBe('16:45');
    expect(starts(slots)).not.toContain('17:00');
    expect(starts(slots)).toContain('12:45');
    expect(starts(slots)).not.toContain('13:00');
  });

  it('offers nothing on a holiday or at the weekend', () => {
    expect(slotsOf('2027-01-01')).toEqual([]);
    expect(slotsOf('2026-12-27')).toEqual([]); // Sunday
    expect(slotsOf('2026-12-19')).toEqual([]); // an ordinary Saturday
  });

  it('opens a working Saturday with the Friday hours', () => {
    expect(starts(slotsOf('2026-12-26'))).toEqual(times('09:00', '16:30'));
  });

  it("follows an office exception's own hours, without the weekly break", () => {
    expect(starts(slotsOf('2026-12-02'))).toEqual(times('10:00', '13:45'));
  });

  it('offers nothing on a day the office closed by exception', () => {
    expect(slotsOf('2026-12-03')).toEqual([]);
  });

  it('offers nothing without a lane for the office or the service', () => {
    expect(slotsOf('2026-12-04', { officeLanes: 0 })).toEqual([]);
    expect(slotsOf('2026-12-04', { serviceLanes: 0 })).toEqual([]);
  });

  it('offers no time before now plus the notice', () => {
    const notBefore = Date.parse('2026-12-04T12:05:00+03:00');
    const slots = slotsOf('2026-12-04', {}, { notBefore });
    expect(starts(slots)[0]).toBe('12:15');
    expect(slots.every((s) => s.start >= notBefore)).toBe(true);
    // a start exactly at notBefore is offered
    expect(starts(slotsOf('2026-12-04', {}, { notBefore: Date.parse('2026-12-04T12:00:00+03:00') }))[0]).toBe(
      '12:00',
    );
  });

  describe('seats taken', () => {
    const at = (time: string) => localToInstant('2026-12-04', time, MSK);
    const use = new Map<number, CellUse>([
      [at('10:00'), { office: 4, service: 0 }], // the office's lanes are full (other services)
      [at('10:30'), { office: 2, service: 2 }], // this service's lanes are full
      [at('11:00'), { office: 3, service: 1 }], // one seat left in both
      [at('11:30'), { office: 1, service: 0 }],
    ]);
    const taken = (cell: number) => use.get(cell);
    const freeAt = (slots: FreeTime[], time: string) => slots.find((s) => starts([s])[0] === time)?.free;

    it('counts seats left in both capacities, the fewer winning', () => {
      const slots = slotsOf('2026-12-04', {}, { taken });
      expect(freeAt(slots, '09:45')).toBe(2);
      expect(freeAt(slots, '10:00')).toBe(0);
      expect(freeAt(slots, '10:30')).toBe(0);
      expect(freeAt(slots, '11:00')).toBe(1);
      expect(freeAt(slots, '11:30')).toBe(2); // office 3 left, service 2 left
    });

    it('needs every cell of a 30-minute service free: the fewest seats over its cells', () => {
      const slots = slotsOf('2026-12-04', { serviceMinutes: 30 }, { taken });
      expect(freeAt(slots, '09:30')).toBe(2);
      expect(freeAt(slots, '09:45')).toBe(0); // its second cell, 10:00, has no office seat
      expect(freeAt(slots, '10:00')).toBe(0);
      expect(freeAt(slots, '10:15')).toBe(0); // its second cell, 10:30, has no service seat
      expect(freeAt(slots, '10:45')).toBe(1); // 11:00 has one
      expect(freeAt(slots, '11:15')).toBe(2);
    });

    it('never counts more service seats than office seats', () => {
      const slots = slotsOf('2026-12-04', { officeLanes: 2, serviceLanes: 5 }, { taken });
      expect(freeAt(slots, '09:00')).toBe(2);
      expect(freeAt(slots, '11:00')).toBe(0); // 3 taken of the office's 2
    });

    it('never counts a negative number of seats', () => {
      const over = (cell: number) => (cell === at('09:00') ? { office: 9, service: 9 } : undefined);
      expect(freeAt(slotsOf('2026-12-04', {}, { taken: over }), '09:00')).toBe(0);
    });
  });

  describe('daylight saving (Europe/Berlin)', () => {
    it('keeps the grid on the wall clock on both sides of the spring change', () => {
      const before = daySlots({
        day: dayOf('2026-03-27'),
        timeZone: BERLIN,
        rules: rules(),
        taken: nothingTaken,
        notBefore: longAgo,
      });
      const after = daySlots({
        day: dayOf('2026-03-30'),
        timeZone: BERLIN,
        rules: rules(),
        taken: nothingTaken,
        notBefore: longAgo,
      });
      expect(isoInZone(before[0].start, BERLIN)).toBe('2026-03-27T09:00:00+01:00');
      expect(isoInZone(after[0].start, BERLIN)).toBe('2026-03-30T09:00:00+02:00');
      expect(starts(after, BERLIN)).toEqual([...times('09:00', '12:45'), ...times('13:45', '17:45')]);
    });

    it('offers no time in the spring gap, and every offered time once', () => {
      const slots = daySlots({
        day: dayOf('2026-03-29'),
        timeZone: BERLIN,
        rules: rules(),
        taken: nothingTaken,
        notBefore: longAgo,
      });
      expect(starts(slots, BERLIN)).toEqual([...times('01:00', '01:45'), ...times('03:00', '03:45')]);
      expect(new Set(slots.map((s) => s.start)).size).toBe(slots.length);
      for (const s of slots) expect(s.end - s.start).toBe(15 * MIN);
      // 01:45 ends at the gap: 03:00 summer time, fifteen real minutes later
      expect(toSlotDto(slots[3], BERLIN)).toEqual({
        start: '2026-03-29T01:45:00+01:00',
        end: '2026-03-29T03:00:00+02:00',
        free: 2,
      });
    });

    it('offers no booking that would cover a time the gap skips', () => {
      const slots = daySlots({
        day: dayOf('2026-03-29'),
        timeZone: BERLIN,
        rules: rules({ serviceMinutes: 30 }),
        taken: nothingTaken,
        notBefore: longAgo,
      });
      expect(starts(slots, BERLIN)).toEqual([...times('01:00', '01:30'), ...times('03:00', '03:30')]);
    });

    it('offers each repeated autumn time once, at its first occurrence', () => {
      const slots = daySlots({
        day: dayOf('2026-10-25'),
        timeZone: BERLIN,
        rules: rules(),
        taken: nothingTaken,
        notBefore: longAgo,
      });
      expect(starts(slots, BERLIN)).toEqual(times('01:00', '03:45'));
      const at = (t: string) => slots.find((s) => starts([s], BERLIN)[0] === t) as FreeTime;
      expect(isoInZone(at('02:30').start, BERLIN)).toBe('2026-10-25T02:30:00+02:00');
      expect(isoInZone(at('03:00').start, BERLIN)).toBe('2026-10-25T03:00:00+01:00');
      for (let i = 1; i < slots.length; i++) expect(slots[i].start).toBeGreaterThan(slots[i - 1].start);
    });
  });
});

describe('locateStart', () => {
  const now = Date.parse('2026-12-01T10:00:00+03:00');
  const locate = (
    start: string | number,
    over: Partial<BookingRules> = {},
    p: { tz?: string; at?: number } = {},
  ) =>
    locateStart({
      start: typeof start === 'number' ? start : Date.parse(start),
      now: p.at ?? now,
      noticeMinutes: 120,
      horizonDays: 30,
      timeZone: p.tz ?? MSK,
      rules: rules(over),
      dayOf,
    });
  const refusal = (...args: Parameters<typeof locate>) => {
    const r = locate(...args);
    return r.ok ? 'ok' : r.refusal;
  };

  it('locates a free grid time on its local date', () => {
    expect(locate('2026-12-04T11:15:00+03:00')).toEqual({ ok: true, date: '2026-12-04', minutes: 675 });
    expect(locate('2026-12-04T08:15:00Z')).toEqual({ ok: true, date: '2026-12-04', minutes: 675 });
  });

  it('refuses a time in the past', () => {
    expect(refusal('2026-12-01T09:45:00+03:00')).toBe('in_past');
    expect(refusal('2026-11-30T11:00:00+03:00')).toBe('in_past');
  });

  it('refuses a time sooner than the notice', () => {
    expect(refusal('2026-12-01T10:00:00+03:00')).toBe('too_soon');
    expect(refusal('2026-12-01T11:45:00+03:00')).toBe('too_soon');
    expect(refusal('2026-12-01T12:00:00+03:00')).toBe('ok');
  });

  it('refuses a date past the horizon, counted in the office time zone', () => {
    expect(refusal('2026-12-31T09:00:00+03:00')).toBe('ok');
    expect(refusal('2027-01-04T09:00:00+03:00')).toBe('beyond_horizon');
    // 01:00 on 1 December in Yekaterinburg is still 30 November in UTC: the horizon runs from the local date
    const yekb = { tz: 'Asia/Yekaterinburg', at: Date.parse('2026-11-30T20:00:00Z') };
    expect(refusal('2026-12-31T09:00:00+05:00', {}, yekb)).toBe('ok');
    expect(refusal('2027-01-04T09:00:00+05:00', {}, yekb)).toBe('beyond_horizon');
  });

  it('refuses a day the office is closed', () => {
    expect(refusal('2027-01-01T10:00:00+03:00', {}, { at: Date.parse('2026-12-20T10:00:00+03:00') })).toBe(
      'day_off',
    );
    expect(refusal('2026-12-03T10:00:00+03:00')).toBe('day_off'); // closed by exception
    expect(refusal('2026-12-06T10:00:00+03:00')).toBe('day_off'); // Sunday
  });

  it('refuses a time off the grid, to the minute, second and millisecond', () => {
    expect(refusal('2026-12-04T11:10:00+03:00')).toBe('not_on_grid');
    expect(refusal('2026-12-04T11:15:30+03:00')).toBe('not_on_grid');
    expect(refusal(Date.parse('2026-12-04T11:15:00+03:00') + 1)).toBe('not_on_grid');
  });

  it('refuses a time outside the hours, in the break or that would run past closing or into the break', () => {
    expect(refusal('2026-12-04T08:45:00+03:00')).toBe('outside_hours');
    expect(refusal('2026-12-04T16:45:00+03:00')).toBe('outside_hours');
    expect(refusal('2026-12-07T13:15:00+03:00')).toBe('outside_hours'); // Monday's lunch
    expect(refusal('2026-12-07T12:45:00+03:00')).toBe('ok');
    expect(refusal('2026-12-07T12:45:00+03:00', { serviceMinutes: 30 })).toBe('outside_hours');
    expect(refusal('2026-12-04T16:15:00+03:00', { serviceMinutes: 30 })).toBe('ok');
    expect(refusal('2026-12-04T16:30:00+03:00', { serviceMinutes: 30 })).toBe('outside_hours');
    expect(refusal('2026-12-31T17:00:00+03:00')).toBe('outside_hours'); // the short day closed at 17:00
  });

  it('checks in the documented order: the past before the notice, the horizon, the day, the grid, the hours', () => {
    expect(refusal('2026-11-29T10:07:00+03:00')).toBe('in_past'); // also a Sunday, off the grid
    expect(refusal('2026-12-01T11:07:00+03:00')).toBe('too_soon'); // also off the grid
    expect(refusal('2027-01-03T10:07:00+03:00')).toBe('beyond_horizon'); // also a Sunday
    expect(refusal('2026-12-06T10:07:00+03:00')).toBe('day_off'); // also off the grid
    expect(refusal('2026-12-04T07:07:00+03:00')).toBe('not_on_grid'); // also before opening
  });

  it('agrees with daySlots: every offered time locates, to its date and minutes', () => {
    const notBefore = now + 120 * MIN;
    for (const date of ['2026-12-01', '2026-12-02', '2026-12-04', '2026-12-26', '2026-12-31']) {
      for (const serviceMinutes of [15, 30]) {
        for (const s of slotsOf(date, { serviceMinutes }, { notBefore })) {
          expect(locate(s.start, { serviceMinutes })).toEqual({ ok: true, date: s.date, minutes: s.minutes });
        }
      }
    }
  });

  describe('daylight saving (Europe/Berlin)', () => {
    const at = Date.parse('2026-03-20T10:00:00+01:00');
    const berlin = (start: string | number, over: Partial<BookingRules> = {}) =>
      refusal(start, over, { tz: BERLIN, at });

    it('locates a time beside the gap', () => {
      expect(berlin('2026-03-29T01:45:00+01:00')).toBe('ok');
      expect(berlin('2026-03-29T03:00:00+02:00')).toBe('ok');
    });

    it('refuses a booking that would cover a time the gap skips', () => {
      expect(berlin('2026-03-29T01:45:00+01:00', { serviceMinutes: 30 })).toBe('not_on_grid');
      expect(berlin('2026-03-29T01:30:00+01:00', { serviceMinutes: 30 })).toBe('ok');
    });

    it('locates the first reading of a repeated autumn time and refuses the second', () => {
      const autumn = (start: string) =>
        refusal(start, {}, { tz: BERLIN, at: Date.parse('2026-10-20T10:00:00+02:00') });
      expect(autumn('2026-10-25T02:30:00+02:00')).toBe('ok');
      expect(autumn('2026-10-25T02:30:00+01:00')).toBe('not_on_grid');
      expect(autumn('2026-10-25T03:00:00+01:00')).toBe('ok');
    });

    it('agrees with daySlots on the transition days', () => {
      for (const [date, when] of [
        ['2026-03-29', at],
        ['2026-10-25', Date.parse('2026-10-20T10:00:00+02:00')],
      ] as const) {
        for (const serviceMinutes of [15, 30]) {
          const slots = daySlots({
            day: dayOf(date),
            timeZone: BERLIN,
            rules: rules({ serviceMinutes }),
            taken: nothingTaken,
            notBefore: longAgo,
          });
          const offered = new Set(slots.map((s) => s.start));
          // every quarter hour of the day: located exactly when offered
          const from = localToInstant(date, '00:00', BERLIN);
          for (let t = from; t < from + 26 * 3_600_000; t += 15 * MIN) {
            const r = refusal(t, { serviceMinutes }, { tz: BERLIN, at: when });
            const local = isoInZone(t, BERLIN).slice(0, 10);
            if (local === date) expect(r === 'ok').toBe(offered.has(t));
          }
        }
      }
    });
  });
});

describe('nearestFree', () => {
  const t = (minutes: number, free = 1): FreeTime => ({
    start: minutes * MIN,
    end: (minutes + 15) * MIN,
    free,
    date: '2026-12-04',
    minutes,
  });

  it('gives the free times closest to the wanted one, in time order', () => {
    const times = [t(540), t(555, 0), t(570), t(585), t(600, 0), t(615), t(630), t(700)];
    expect(nearestFree(times, 600 * MIN).map((x) => x.minutes)).toEqual([570, 585, 615]);
  });

  it('prefers the earlier of two equally close times', () => {
    const times = [t(540), t(570), t(630), t(660)];
    expect(nearestFree(times, 600 * MIN, 1).map((x) => x.minutes)).toEqual([570]);
    expect(nearestFree(times, 600 * MIN, 3).map((x) => x.minutes)).toEqual([540, 570, 630]);
  });

  it('skips full times and gives fewer when fewer are free', () => {
    expect(nearestFree([t(540, 0), t(555, 2)], 540 * MIN, 3).map((x) => x.minutes)).toEqual([555]);
    expect(nearestFree([t(540, 0)], 540 * MIN)).toEqual([]);
  });

  it('leaves its input untouched', () => {
    const times = [t(630), t(540), t(600)];
    nearestFree(times, 600 * MIN, 2);
    expect(times.map((x) => x.minutes)).toEqual([630, 540, 600]);
  });
});

describe('checkInVerdict', () => {
  const start = Date.parse('2026-12-04T11:00:00+03:00');
  const verdict = (now: number, lateAction: 'walk_in' | 'refuse' = 'walk_in') =>
    checkInVerdict({ start, now, earlyMinutes: 30, lateMinutes: 15, lateAction });

  it('lets one in from the early margin to the late margin, both included', () => {
    expect(verdict(start - 30 * MIN)).toEqual({ kind: 'on_time' });
    expect(verdict(start)).toEqual({ kind: 'on_time' });
    expect(verdict(start + 15 * MIN)).toEqual({ kind: 'on_time' });
  });

  it('tells one who comes too early when to come back', () => {
    expect(verdict(start - 30 * MIN - 1)).toEqual({ kind: 'early', comeAt: start - 30 * MIN });
    expect(verdict(start - 3 * 3_600_000)).toEqual({ kind: 'early', comeAt: start - 30 * MIN });
  });

  it('turns one who comes too late into a walk-in or away, as configured', () => {
    expect(verdict(start + 15 * MIN + 1)).toEqual({ kind: 'late', action: 'walk_in' });
    expect(verdict(start + 15 * MIN + 1, 'refuse')).toEqual({ kind: 'late', action: 'refuse' });
  });
});

describe('phoneBlockedUntil', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  const blocked = (noShows: number[]) =>
    phoneBlockedUntil({ noShows, now, limit: 3, withinDays: 90, blockDays: 30 });

  it('lets a phone with fewer no-shows than the limit book', () => {
    expect(blocked([])).toBeNull();
    expect(blocked([now - 10 * DAY, now - 5 * DAY])).toBeNull();
  });

  it('blocks a phone with the limit of no-shows for the block days after the last', () => {
    expect(blocked([now - 5 * DAY, now - 40 * DAY, now - 80 * DAY])).toBe(now - 5 * DAY + 30 * DAY);
  });

  it('counts only the no-shows within the window', () => {
    expect(blocked([now - 5 * DAY, now - 40 * DAY, now - 91 * DAY])).toBeNull();
    expect(blocked([now - 5 * DAY, now - 40 * DAY, now - 90 * DAY])).toBeNull();
  });

  it('lifts the block once its days have passed', () => {
    expect(blocked([now - 30 * DAY, now - 40 * DAY, now - 50 * DAY])).toBeNull();
    expect(blocked([now - 30 * DAY + 1, now - 40 * DAY, now - 50 * DAY])).toBe(now + 1);
  });

  it('ignores no-shows recorded after now and reads them in any order', () => {
    expect(blocked([now + DAY, now - 5 * DAY, now - 40 * DAY])).toBeNull();
    expect(blocked([now - 80 * DAY, now - 2 * DAY, now - 40 * DAY, now - 60 * DAY])).toBe(now + 28 * DAY);
  });
});
