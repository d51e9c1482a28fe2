import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  countWorkingDays,
  datesInRange,
  isoWeekday,
  makeCalendar,
} from '../../../../shared/calendar.js';
import { baseDueDate } from '../../../../shared/case-deadline.js';
import type { CaseCard } from '../../cases/case-card.js';
import { caseEventHash, caseGenesis } from '../../cases/case-trail.js';
import { caseTrail } from './case-timeline.js';
import { fastCalendar } from './fast-calendar.js';
import {
  defaultPeriod,
  localDateOf,
  makeContext,
  officeDay,
  planVisits,
  type SimDay,
  type SimOffice,
  type SimOptions,
  type SimRegion,
  type SimService,
  simulateDays,
  withStatutoryHolidays,
} from './generator.js';
import { type QueueVisitor, simulateQueue } from './queue-model.js';

/** A small region shaped like the demo one: two main centers and three remote offices, five services. */
const stages = (codes: string[]) =>
  codes.map((code) => ({ code, title: code, citizenText: code, notify: false }));
const card = (code: string, agency: string, term: CaseCard['term'], codes: string[]): CaseCard => ({
  version: 1,
  title: code,
  shortTitle: code,
  agency: { code: agency, name: agency, shortName: agency },
  fee: null,
  term,
  keepResultDays: 30,
  documents: [],
  results: [],
  stages: stages(codes),
});
const services: SimService[] = [
  {
    code: 'realty-reg',
    category: 'realty',
    agency: 'rosreestr',
    popularity: 100_000,
    card: card('realty-reg', 'rosreestr', { days: 9, kind: 'working' }, [
      'accepted',
      'sent',
      'review',
      'ready',
      'issued',
    ]),
    bookMinutes: 30,
  },
  {
    code: 'passport',
    category: 'passports',
    agency: 'mvd-migration',
    popularity: 60_000,
    card: card('passport', 'mvd-migration', { days: 10, kind: 'calendar' }, [
      'accepted',
      'sent',
      'review',
      'ready',
      'issued',
    ]),
    bookMinutes: 20,
  },
  {
    code: 'allowance',
    category: 'family',
    agency: 'sfr',
    popularity: 35_000,
    card: card('allowance', 'sfr', { days: 10, kind: 'working' }, [
      'accepted',
      'sent',
      'smev',
      'review',
      'decided',
    ]),
    bookMinutes: 30,
  },
  {
    code: 'esia',
    category: 'other',
    agency: 'mfc',
    popularity: 30_000,
    card: card('esia', 'mfc', { days: 1, kind: 'working' }, ['accepted', 'processing', 'issued']),
    bookMinutes: 15,
  },
  { code: 'hunting', category: 'licences', agency: 'ecology', popularity: 500, card: null, bookMinutes: 15 },
];
const weekdays = (opens: string, closes: string, saturday: boolean) => [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes, breakStart: null, breakEnd: null })),
  ...(saturday ? [{ weekday: 6, opens: '09:00', closes: '14:00', breakStart: null, breakEnd: null }] : []),
];
const office = (code: string, kind: 'main' | 'remote', windows: number): SimOffice => ({
  code,
  kind,
  district: kind === 'main' ? 'city' : 'rural',
  timeZone: 'Europe/Moscow',
  windows,
  weekly:
    kind === 'main'
      ? weekdays('08:00', '20:00', true)
      : weekdays('09:00', '17:00', false).map((h) => ({ ...h, breakStart: '13:00', breakEnd: '14:00' })),
  exceptions: [],
  services: services.map((s) => s.code),
});
const holidays = makeCalendar([
  ...datesInRange('2026-01-01', '2026-01-08').map((date) => ({ date, kind: 'dayoff' as const })),
  { date: '2026-05-01', kind: 'dayoff' },
  { date: '2026-05-11', kind: 'dayoff' },
  { date: '2026-06-12', kind: 'dayoff' },
]);
const region: SimRegion = {
  offices: [
    office('main-a', 'main', 20),
    office('main-b', 'main', 12),
    ...['r1', 'r2', 'r3'].map((c) => office(c, 'remote', 1)),
  ],
  services,
  calendar: holidays,
  letters: { default: 'А', 'category:realty': 'Н', 'purpose:collect': 'В' },
  priorities: [{ code: 'disabled-1-2', rank: 2 }],
  gridMinutes: 15,
  defaultKeepDays: 30,
  dayEndGraceMinutes: 30,
  closingMarginMinutes: 15,
};
const options: SimOptions = { from: '2025-12-01', to: '2026-11-29', visits: 60_000, seed: 7 };

function history(o: SimOptions = options, r: SimRegion = region) {
  const ctx = makeContext(r, o);
  const plan = planVisits(r, o);
  return { ctx, plan, days: [...simulateDays(ctx, plan)] };
}
const all = history();
const tickets = all.days.flatMap((d) => d.tickets);
const share = (part: number, whole: number) => part / whole;

describe('the generated history', () => {
  it('holds exactly the number of visits asked', () => {
    expect(tickets).toHaveLength(60_000);
    expect(history({ ...options, visits: 1234 }).days.flatMap((d) => d.tickets)).toHaveLength(1234);
  });

  it('is the same for the same seed and differs for another', () => {
    const small = { ...options, visits: 3000 };
    const a = history(small).days;
    const b = history(small).days;
    expect(b).toEqual(a);
    const c = history({ ...small, seed: 8 }).days;
    expect(c.flatMap((d) => d.tickets.map((t) => t.id))).not.toEqual(
      a.flatMap((d) => d.tickets.map((t) => t.id)),
    );
  });

  it('has nobody on holidays, Sundays, or outside office hours; numbers tickets per letter from 1', () => {
    for (const t of tickets) {
      expect(isoWeekday(t.day)).not.toBe(7);
      expect(['2026-01-01', '2026-01-07', '2026-05-01', '2026-06-12']).not.toContain(t.day);
    }
    const remote = tickets.filter((t) => t.office.startsWith('r'));
    expect(remote.some((t) => isoWeekday(t.day) === 6)).toBe(false);
    for (const t of remote) {
      const minute = (t.issuedAt - Date.parse(`${t.day}T00:00:00+03:00`)) / 60_000;
      expect(minute).toBeGreaterThanOrEqual(9 * 60);
      expect(minute).toBeLessThan(17 * 60);
      expect(minute < 13 * 60 || minute >= 14 * 60).toBe(true);
    }
    const ofDay = new Map<string, number[]>();
    for (const t of tickets) {
      const key = `${t.office}|${t.day}|${t.letter}`;
      ofDay.set(key, [...(ofDay.get(key) ?? []), t.seq]);
    }
    for (const seqs of ofDay.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('follows the weekday profile: Monday busiest, Saturday lighter', () => {
    const perDay = new Map<number, { visits: number; days: Set<string> }>();
    for (const t of tickets.filter((x) => x.office.startsWith('main'))) {
      const w = isoWeekday(t.day);
      const e = perDay.get(w) ?? { visits: 0, days: new Set() };
      e.visits++;
      e.days.add(t.day);
      perDay.set(w, e);
    }
    const mean = (w: number) => {
      const e = perDay.get(w);
      return e ? e.visits / e.days.size : 0;
    };
    expect(mean(1)).toBeGreaterThan(mean(3));
    expect(mean(3)).toBeGreaterThan(mean(6) * 1.4);
    expect(mean(6)).toBeGreaterThan(0);
  });

  it('follows the hour profile: late morning and after lunch are the peaks', () => {
    const byHour = new Array(24).fill(0);
    for (const t of tickets.filter((x) => x.office === 'main-a' && isoWeekday(x.day) <= 5))
      byHour[new Date(t.issuedAt + 3 * 3_600_000).getUTCHours()]++;
    expect(byHour[11]).toBeGreaterThan(byHour[8] * 1.5);
    expect(byHour[15]).toBeGreaterThan(byHour[13]);
    expect(byHour[11]).toBeGreaterThan(byHour[19] * 2);
    expect(byHour[7] + byHour[20] + byHour[21]).toBe(0);
  });

  it('follows the seasons and grows by about a fifth a year', () => {
    const perWorkingDay = (month: string) => {
      const days = new Set(tickets.filter((t) => t.day.startsWith(month)).map((t) => t.day));
      return tickets.filter((t) => t.day.startsWith(month)).length / days.size;
    };
    expect(perWorkingDay('2026-04')).toBeGreaterThan(perWorkingDay('2026-07') * 1.2);
    expect(perWorkingDay('2026-10')).toBeGreaterThan(perWorkingDay('2026-08') * 1.2);
    expect(perWorkingDay('2026-01')).toBeLessThan(perWorkingDay('2026-03'));
    const two = history({ ...options, from: '2024-12-01', visits: 40_000 }).days.flatMap((d) => d.tickets);
    const first = two.filter((t) => t.day < '2025-12-01').length;
    const second = two.length - first;
    expect(share(second, first)).toBeGreaterThan(1.12);
    expect(share(second, first)).toBeLessThan(1.3);
  });

  it('sends far more people to the main centers than to the remote offices', () => {
    const count = (code: string) => tickets.filter((t) => t.office === code).length;
    expect(count('main-a')).toBeGreaterThan(count('main-b'));
    expect(count('main-b')).toBeGreaterThan(count('r1') * 5);
    expect(count('r1')).toBeGreaterThan(0);
  });

  it('puts real estate and passports on top of the service mix', () => {
    const by = new Map<string | null, number>();
    for (const t of tickets) by.set(t.service, (by.get(t.service) ?? 0) + 1);
    const top = [...by].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    expect(top.slice(0, 2)).toEqual(['realty-reg', 'passport']);
    expect(by.get('hunting') ?? 0).toBeLessThan((by.get('realty-reg') ?? 0) / 50);
  });

  it('has bookings for a quarter of the visits with a tenth not kept, and cases for most submissions', () => {
    const bookings = all.days.flatMap((d) => d.bookings);
    const cases = all.days.flatMap((d) => d.cases);
    const ratings = all.days.flatMap((d) => d.ratings);
    const booked = tickets.filter((t) => t.channel === 'booking');
    expect(share(booked.length, tickets.length)).toBeGreaterThan(0.18);
    expect(share(booked.length, tickets.length)).toBeLessThan(0.3);
    const noShow = bookings.filter((b) => b.status === 'no_show').length;
    expect(share(noShow, bookings.length)).toBeGreaterThan(0.07);
    expect(share(noShow, bookings.length)).toBeLessThan(0.13);
    for (const t of booked) {
      const b = bookings.find((x) => x.id === t.bookingId);
      expect(b?.ticketId).toBe(t.id);
      expect(b?.startsAt).toBe(t.bookedFor);
    }
    expect(share(cases.length, tickets.length)).toBeGreaterThan(0.5);
    expect(share(cases.length, tickets.length)).toBeLessThan(0.65);
    expect(share(ratings.length, tickets.length)).toBeGreaterThan(0.1);
    expect(share(ratings.length, tickets.length)).toBeLessThan(0.16);
    const satisfied = ratings.filter((r) => r.scores[2] >= 4).length;
    expect(share(satisfied, ratings.length)).toBeGreaterThan(0.8);
    expect(ratings.some((r) => r.scores.some((s) => s < 3) && r.comment)).toBe(true);
    expect(all.days.flatMap((d) => d.followUps).length).toBeGreaterThan(0);
  });

  it('runs each case through its card with a deadline in working days, most on time', () => {
    const cases = all.days.flatMap((d) => d.cases);
    const cal = fastCalendar(holidays, options.from, options.to);
    let onTime = 0;
    let late = 0;
    for (const c of cases.slice(0, 3000)) {
      expect(c.life.dueDate).toBe(baseDueDate(holidays, c.acceptedOn, c.card.term));
      const codes = c.card.stages.map((s) => s.code);
      const log = c.life.stageLog.map((s) => s.code);
      expect(log[0]).toBe('accepted');
      for (let i = 1; i < log.length; i++) {
        if (['refused', 'returned'].includes(log[i])) continue;
        expect(codes.indexOf(log[i])).toBe(codes.indexOf(log[i - 1]) + 1);
        expect(c.life.stageLog[i].at).toBeGreaterThanOrEqual(c.life.stageLog[i - 1].at);
      }
      if (c.life.resultOnTime === true) onTime++;
      if (c.life.resultOnTime === false) late++;
    }
    expect(share(onTime, onTime + late)).toBeGreaterThan(0.88);
    expect(late).toBeGreaterThan(0);
    expect(cal.addWorkingDays('2025-12-30', 1)).toBe(addWorkingDays(holidays, '2025-12-30', 1));
  });

  it('chains each case trail as okno audit verify checks it', () => {
    const c = all.days.flatMap((d) => d.cases).find((x) => x.life.stageLog.length >= 4);
    if (!c) throw new Error('no case with four stages');
    const trail = caseTrail({
      caseId: c.id,
      number: '48-2026-0000001',
      office: c.office,
      service: c.service,
      version: 1,
      ticketId: c.ticketId,
      life: c.life,
      toLocalDate: (ms) => localDateOf(ms, 'Europe/Moscow'),
    });
    expect(trail).toHaveLength(c.life.stageLog.length);
    let prev = caseGenesis;
    trail.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prevHash).toBe(prev);
      const hash = caseEventHash(prev, {
        caseId: c.id,
        seq: e.seq,
        at: new Date(e.at).toISOString(),
        kind: e.kind,
        actorId: null,
        actorName: null,
        office: c.office,
        details: JSON.parse(JSON.stringify(e.details)),
      });
      expect(e.hash).toBe(hash);
      prev = hash;
    });
  });
});

describe('waits', () => {
  const arrivals: QueueVisitor[] = Array.from({ length: 120 }, (_, i) => ({
    arrival: 9 * 60 + i * 4,
    ready: 9 * 60 + i * 4,
    booked: false,
    service: 14,
    noShow: false,
  }));
  const meanWait = (windows: number) => {
    const out = simulateQueue(arrivals, () => windows, windows, 9 * 60, 20 * 60);
    const waits = out.map((o, i) => (o.called ?? 20 * 60) - arrivals[i].ready);
    return waits.reduce((a, b) => a + b, 0) / waits.length;
  };

  it('grow when fewer windows are open for the same arrivals', () => {
    expect(meanWait(2)).toBeGreaterThan(meanWait(3));
    expect(meanWait(3)).toBeGreaterThan(meanWait(4));
    expect(meanWait(5)).toBeLessThan(1);
  });

  it('call a booked visitor at the booked time ahead of walk-ins waiting', () => {
    const walkIns = arrivals.slice(0, 30);
    const booked: QueueVisitor = {
      arrival: 10 * 60 - 5,
      ready: 10 * 60,
      booked: true,
      service: 10,
      noShow: false,
    };
    const out = simulateQueue([...walkIns, booked], () => 1, 1, 9 * 60, 20 * 60);
    const called = out[30].called ?? Number.POSITIVE_INFINITY;
    expect(called - 10 * 60).toBeLessThan(15);
    expect(out.slice(0, 30).some((o, i) => (o.called ?? 0) > called && walkIns[i].ready < 10 * 60)).toBe(
      true,
    );
  });

  it('are longer in an office whose windows are few for its arrivals', () => {
    const ctx = makeContext(region, options);
    const day = '2026-10-13';
    const waits = (windows: number) => {
      const out: SimDay = officeDay(ctx, { ...region.offices[0], windows }, day, 400);
      const w = out.tickets
        .filter((t) => t.calledAt !== null)
        .map((t) => ((t.calledAt as number) - (t.bookedFor ?? t.issuedAt)) / 60_000);
      return w.reduce((a, b) => a + b, 0) / w.length;
    };
    expect(waits(4)).toBeGreaterThan(waits(20) + 10);
  });
});

describe('the period and the calendar', () => {
  it('ends yesterday and reaches back N years', () => {
    expect(defaultPeriod('2026-11-29', 1)).toEqual({ from: '2025-11-30', to: '2026-11-29' });
    expect(defaultPeriod('2026-11-29', 5)).toEqual({ from: '2021-11-30', to: '2026-11-29' });
  });

  it('closes on the statutory holidays of years the production calendar does not cover', () => {
    const cal = withStatutoryHolidays(holidays, '2023-01-01', '2026-12-31');
    expect(cal.overrides.get('2023-01-03')?.kind).toBe('dayoff');
    expect(cal.overrides.get('2024-11-04')?.kind).toBe('dayoff');
    // a year the calendar covers keeps its own days only
    expect(cal.overrides.get('2026-02-23')).toBeUndefined();
  });

  it('answers as the shared calendar does', () => {
    const cal = makeCalendar([
      ...datesInRange('2026-01-01', '2026-01-11').map((date) => ({ date, kind: 'dayoff' as const })),
      { date: '2026-02-28', kind: 'working' },
    ]);
    const fast = fastCalendar(cal, '2025-12-01', '2026-03-01');
    for (const date of datesInRange('2025-12-20', '2026-02-28')) {
      for (const n of [0, 1, 3, 10]) expect(fast.addWorkingDays(date, n)).toBe(addWorkingDays(cal, date, n));
      expect(fast.countWorkingDays(date, '2026-03-10')).toBe(countWorkingDays(cal, date, '2026-03-10'));
      expect(fast.dueDate(date, { days: 10, kind: 'calendar' })).toBe(
        baseDueDate(cal, date, { days: 10, kind: 'calendar' }),
      );
    }
  });
});
