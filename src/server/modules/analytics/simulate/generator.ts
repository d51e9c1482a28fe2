import {
  addCalendarDays,
  type Calendar,
  datesInRange,
  isoWeekday,
  makeCalendar,
  toDayNumber,
} from '../../../../shared/calendar.js';
import type { WeeklyHours } from '../../../../shared/network.js';
import { type OfficeException, resolveDay, toMinutes } from '../../../../shared/office-hours.js';
import type { VisitPurpose } from '../../../../shared/queue.js';
import { needsFollowUp, ratingCriteria } from '../../../../shared/ratings.js';
import { offsetMinutes } from '../../../../shared/zoned-time.js';
import type { CaseCard } from '../../cases/case-card.js';
import { type CaseLife, caseLife } from './case-timeline.js';
import { type FastCalendar, fastCalendar } from './fast-calendar.js';
import { cumulate, key128, pickCumulative, type Rng, rngFor, uuidFrom } from './prng.js';
import * as p from './profiles.js';
import { type QueueVisitor, simulateQueue } from './queue-model.js';

/**
 * The simulated history of a region (pure): given what the database holds — offices with their windows and
 * hours, the services they offer, the production calendar — and a seed, the visits of every office-day, with
 * their bookings, cases and ratings. The total is exactly the number asked; how it falls over offices and days
 * follows profiles.ts. Each office-day draws from its own seeded stream, so the same seed gives the same rows.
 */

export type SimOffice = {
  code: string;
  kind: 'main' | 'remote' | 'kiosk';
  district: string;
  timeZone: string;
  windows: number;
  weekly: readonly WeeklyHours[];
  exceptions: readonly OfficeException[];
  /** Codes of the published services it offers. */
  services: readonly string[];
};

export type SimService = {
  code: string;
  category: string | null;
  agency: string | null;
  popularity: number;
  /** The published card a case freezes; null when the service runs no case (no term or no stages). */
  card: CaseCard | null;
  /** Minutes a booking of it takes. */
  bookMinutes: number;
};

export type SimRegion = {
  offices: readonly SimOffice[];
  services: readonly SimService[];
  calendar: Calendar;
  letters: Record<string, string>;
  priorities: readonly { code: string; rank: number }[];
  gridMinutes: number;
  defaultKeepDays: number;
  dayEndGraceMinutes: number;
  closingMarginMinutes: number;
};

export type SimOptions = { from: string; to: string; visits: number; seed: string | number };

export type SimTicket = {
  id: string;
  office: string;
  day: string;
  letter: string;
  seq: number;
  track: string;
  service: string | null;
  category: string | null;
  purpose: VisitPurpose;
  priorityCode: string | null;
  priorityRank: number;
  channel: 'kiosk' | 'staff' | 'booking';
  status: 'done' | 'no_show' | 'closed';
  issuedAt: number;
  bookedFor: number | null;
  bookingId: string | null;
  window: number | null;
  calls: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  outcome: 'application_accepted' | 'consultation_given' | 'refused' | null;
  caseId: string | null;
  estimatedWait: number;
};

export type SimBooking = {
  id: string;
  code: string;
  office: string;
  service: string;
  startsAt: number;
  endsAt: number;
  localDate: string;
  cells: number[];
  status: 'checked_in' | 'no_show' | 'cancelled';
  channel: keyof typeof p.bookingChannelShares;
  createdAt: number;
  updatedAt: number;
  checkedInAt: number | null;
  ticketId: string | null;
  noShowAt: number | null;
  cancelledAt: number | null;
};

export type SimCase = {
  id: string;
  ticketId: string;
  office: string;
  district: string;
  service: string;
  card: CaseCard;
  acceptedAt: number;
  acceptedOn: string;
  life: CaseLife;
};

export type SimRating = {
  id: string;
  subject: 'visit' | 'case';
  ticketId: string | null;
  caseId: string | null;
  office: string;
  district: string;
  service: string | null;
  window: number | null;
  visitOn: string;
  ratedOn: string;
  ratedAt: number;
  scores: number[];
  comment: string | null;
  source: keyof typeof p.ratingSources;
};

export type SimFollowUp = {
  ratingId: string;
  office: string;
  district: string;
  openedOn: string;
  dueOn: string;
  closedAt: number | null;
  outcome: string | null;
};

export type SimDay = {
  date: string;
  tickets: SimTicket[];
  bookings: SimBooking[];
  cases: SimCase[];
  ratings: SimRating[];
  followUps: SimFollowUp[];
};

// ── the period and the calendar ────────────────────────────────────────────────────────────────────────

/** The N years ending on `lastDay` (both ends included). */
export function defaultPeriod(lastDay: string, years: number): { from: string; to: string } {
  const [y, m, d] = lastDay.split('-').map(Number);
  const start = new Date(Date.UTC(y - years, m - 1, d));
  return { from: addCalendarDays(start.toISOString().slice(0, 10), 1), to: lastDay };
}

/** The calendar with the statutory holidays added for the years it does not cover at all. */
export function withStatutoryHolidays(calendar: Calendar, from: string, to: string): Calendar {
  const covered = new Set([...calendar.overrides.keys()].map((d) => d.slice(0, 4)));
  const extra: { date: string; kind: 'dayoff'; note: string }[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (covered.has(String(y))) continue;
    for (const date of p.statutoryHolidays(y))
      extra.push({ date, kind: 'dayoff', note: 'праздник (ТК РФ, ст. 112)' });
  }
  if (extra.length === 0) return calendar;
  return makeCalendar([
    ...extra,
    ...[...calendar.overrides].map(([date, o]) => ({ date, kind: o.kind, note: o.note })),
  ]);
}

// ── how many visits each office-day gets ───────────────────────────────────────────────────────────────

type OpenDay = { opens: number; closes: number; breakStart: number | null; breakEnd: number | null };

function openDay(office: SimOffice, calendar: Calendar, date: string): OpenDay | null {
  const day = resolveDay({ weekly: office.weekly, exceptions: office.exceptions, calendar, date });
  if (!day.open || !day.opens || !day.closes) return null;
  return {
    opens: toMinutes(day.opens),
    closes: toMinutes(day.closes),
    breakStart: day.breakStart ? toMinutes(day.breakStart) : null,
    breakEnd: day.breakEnd ? toMinutes(day.breakEnd) : null,
  };
}

const openMinutes = (d: OpenDay) =>
  d.closes - d.opens - (d.breakStart !== null && d.breakEnd !== null ? d.breakEnd - d.breakStart : 0);

/** The expected share of an office-day in the whole history, before the exact allocation. */
export function dayWeight(office: SimOffice, date: string, day: OpenDay, from: string): number {
  const years = (toDayNumber(date) - toDayNumber(from)) / 365.25;
  return (
    (p.officeKindWeight[office.kind] ?? 0) *
    office.windows *
    p.weekdayWeight[isoWeekday(date)] *
    p.monthWeight[Number(date.slice(5, 7))] *
    p.holidayDip(date) *
    (1 + p.yearlyGrowth) ** years *
    Math.min(1.2, openMinutes(day) / (9 * 60))
  );
}

export type VisitPlan = { days: string[]; counts: Map<string, Map<number, number>>; total: number };

/**
 * Exactly `visits` visits over the open office-days of the period, each office-day's share its weight with
 * a little noise (largest remainders decide the last units).
 */
export function planVisits(region: SimRegion, options: SimOptions): VisitPlan {
  const days = datesInRange(options.from, options.to);
  const cells: { date: string; office: number; w: number }[] = [];
  let sum = 0;
  for (const date of days) {
    for (let o = 0; o < region.offices.length; o++) {
      const office = region.offices[o];
      if (office.windows === 0 || office.services.length === 0) continue;
      const day = openDay(office, region.calendar, date);
      if (!day) continue;
      const noise = Math.exp(0.12 * rngFor(options.seed, `w:${office.code}:${date}`).normal());
      const w = dayWeight(office, date, day, options.from) * noise;
      if (w <= 0) continue;
      cells.push({ date, office: o, w });
      sum += w;
    }
  }
  const counts = new Map<string, Map<number, number>>();
  if (cells.length === 0 || options.visits === 0) return { days, counts, total: 0 };
  const exact = cells.map((c) => (c.w / sum) * options.visits);
  const floors = exact.map(Math.floor);
  let left = options.visits - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((_x, i) => i)
    .sort((a, b) => exact[b] - floors[b] - (exact[a] - floors[a]) || a - b);
  for (let i = 0; left > 0; i++, left--) floors[order[i % order.length]]++;
  cells.forEach((c, i) => {
    if (floors[i] === 0) return;
    const ofDay = counts.get(c.date) ?? new Map<number, number>();
    ofDay.set(c.office, floors[i]);
    counts.set(c.date, ofDay);
  });
  return { days, counts, total: options.visits };
}

// ── one office-day ─────────────────────────────────────────────────────────────────────────────────────

export type Context = {
  region: SimRegion;
  options: SimOptions;
  horizon: number;
  services: Map<string, SimService>;
  /** Per office: its services and their cumulative weights. */
  mixes: Map<string, { codes: string[]; cumulative: number[] }>;
  bookingIndex: { n: number };
  calendar: FastCalendar;
  /** Epoch ms of a date's local midnight in a zone (kept). */
  midnightOf: (date: string, timeZone: string) => number;
  seqStart: (office: string, day: string, letter: string) => number;
};

export function makeContext(
  region: SimRegion,
  options: SimOptions,
  seqStart: Context['seqStart'] = () => 0,
): Context {
  const services = new Map(region.services.map((s) => [s.code, s]));
  const mixes = new Map<string, { codes: string[]; cumulative: number[] }>();
  for (const office of region.offices) {
    const codes = office.services.filter((c) => services.has(c));
    mixes.set(office.code, {
      codes,
      cumulative: cumulate(codes.map((c) => p.serviceWeight(services.get(c) as SimService))),
    });
  }
  const lastTz = region.offices[0]?.timeZone ?? 'Europe/Moscow';
  const horizon = localInstant(addCalendarDays(options.to, 1), 0, lastTz) - 1;
  const calendar = fastCalendar(region.calendar, options.from, options.to);
  const midnights = new Map<string, number>();
  const midnightOf = (date: string, timeZone: string) => {
    const key = `${timeZone}|${date}`;
    let ms = midnights.get(key);
    if (ms === undefined) {
      ms = localInstant(date, 0, timeZone);
      if (midnights.size > 100_000) midnights.clear();
      midnights.set(key, ms);
    }
    return ms;
  };
  return {
    region,
    options,
    horizon,
    services,
    mixes,
    bookingIndex: { n: 0 },
    calendar,
    midnightOf,
    seqStart,
  };
}

/** Epoch ms of a local wall-clock minute of a date in a zone (the zone's offset of that day). */
export function localInstant(date: string, minuteOfDay: number, timeZone: string): number {
  const utc = toDayNumber(date) * 86_400_000 + Math.round(minuteOfDay * 60_000);
  return utc - offsetMinutes(timeZone, utc) * 60_000;
}

export function localDateOf(instant: number, timeZone: string): string {
  return new Date(instant + offsetMinutes(timeZone, instant) * 60_000).toISOString().slice(0, 10);
}

const codeSpace = 21 ** 8;
/** A booking code unique within the run: the run's index through a permutation of the code space. */
function bookingCode(index: number, seed: string | number): string {
  const offset = rngFor(seed, 'booking-codes').int(codeSpace);
  let n = (index * 1_000_003 + offset) % codeSpace;
  const alphabet = 'ACEFHJKMNPRTUVWXY3479';
  let out = '';
  for (let i = 0; i < 8; i++) {
    out += alphabet[n % 21];
    n = Math.floor(n / 21);
  }
  return out;
}

function pickShare<K extends string>(shares: Record<K, number>, rng: Rng): K {
  let x = rng.next();
  const keys = Object.keys(shares) as K[];
  for (const k of keys) {
    x -= shares[k];
    if (x < 0) return k;
  }
  return keys[keys.length - 1];
}

/** Minutes of an arrival: drawn over the open minutes by the hour profile, never in the break or the last margin. */
function arrivalSampler(day: OpenDay, margin: number): (rng: Rng) => number {
  const minutes: number[] = [];
  const last = Math.max(day.opens + 5, day.closes - margin);
  for (let m = day.opens; m < last; m += 5) {
    if (day.breakStart !== null && day.breakEnd !== null && m >= day.breakStart && m < day.breakEnd) continue;
    minutes.push(m);
  }
  const cumulative = cumulate(minutes.map(p.hourWeight));
  return (rng) => minutes[pickCumulative(cumulative, rng)] + rng.next() * 5;
}

const lognormal = (mean: number, sigma: number, rng: Rng) =>
  Math.max(1.5, mean * Math.exp(sigma * rng.normal() - (sigma * sigma) / 2));

type Draft = {
  arrival: number;
  ready: number;
  booked: boolean;
  service: SimService | null;
  purpose: VisitPurpose;
  minutes: number;
  noShow: boolean;
  priority: { code: string; rank: number } | null;
};

/** The visits, bookings, cases and ratings of one office on one day. */
export function officeDay(ctx: Context, office: SimOffice, date: string, count: number): SimDay {
  const { region, options } = ctx;
  const out: SimDay = { date, tickets: [], bookings: [], cases: [], ratings: [], followUps: [] };
  const day = openDay(office, region.calendar, date);
  if (!day || count === 0) return out;
  const rng = rngFor(options.seed, `d:${office.code}:${date}`);
  const mix = ctx.mixes.get(office.code);
  if (!mix || mix.codes.length === 0) return out;
  const arrive = arrivalSampler(day, region.closingMarginMinutes);
  const grid = region.gridMinutes;
  const tz = office.timeZone;
  // the zone's offset of the day, once (okno's regions keep one offset all day)
  const midnight = localInstant(date, 0, tz);
  const at = (minute: number) => midnight + Math.round(minute * 60_000);

  // who comes, when, for what
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const service = ctx.services.get(mix.codes[pickCumulative(mix.cumulative, rng)]) as SimService;
    let purpose = pickShare(p.purposeShares, rng);
    if (purpose === 'submit' && !service.card) purpose = 'consult';
    const booked = purpose === 'submit' && rng.chance(p.bookedShare / p.purposeShares.submit);
    let arrival = arrive(rng);
    let ready = arrival;
    if (booked) {
      ready = Math.max(day.opens, Math.floor(arrival / grid) * grid);
      // a little early, but the doors open at the opening (or the end of the break)
      const doors = day.breakEnd !== null && ready >= day.breakEnd ? day.breakEnd : day.opens;
      arrival = Math.max(doors, ready - rng.next() * 15);
    }
    const mean =
      purpose === 'submit'
        ? (p.submitMinutes[service.category ?? ''] ?? p.defaultSubmitMinutes)
        : p.purposeMinutes[purpose];
    drafts.push({
      arrival,
      ready,
      booked,
      service,
      purpose,
      minutes: lognormal(mean, 0.45, rng),
      noShow: !booked && rng.chance(p.ticketNoShowShare),
      priority:
        region.priorities.length && rng.chance(p.priorityShare)
          ? region.priorities[rng.int(region.priorities.length)]
          : null,
    });
  }
  drafts.sort((a, b) => a.arrival - b.arrival);

  // the windows staffed each hour, for the work the office expected that hour
  const workByHour = new Map<number, number>();
  for (const d of drafts) {
    const h = Math.floor(d.ready / 60);
    workByHour.set(h, (workByHour.get(h) ?? 0) + d.minutes);
  }
  const factor = p.staffingSpread[0] + rng.next() * (p.staffingSpread[1] - p.staffingSpread[0]);
  const expected = (h: number) => ((workByHour.get(h - 1) ?? 0) + 2 * (workByHour.get(h) ?? 0)) / 3;
  const staffedByHour = new Map<number, number>();
  const staffed = (minute: number) => {
    const h = Math.floor(minute / 60);
    let n = staffedByHour.get(h);
    if (n === undefined) {
      n = Math.min(
        office.windows,
        Math.max(1, Math.ceil((expected(h) / (60 * p.targetUtilisation)) * factor)),
      );
      staffedByHour.set(h, n);
    }
    return n;
  };
  const visitors: QueueVisitor[] = drafts.map((d) => ({
    arrival: d.arrival,
    ready: d.ready,
    booked: d.booked,
    service: d.minutes,
    noShow: d.noShow,
  }));
  const served = simulateQueue(
    visitors,
    staffed,
    office.windows,
    day.opens,
    day.closes + region.dayEndGraceMinutes,
    () => 0.3 + rng.next(),
  );

  // tickets in the order they were taken, numbered per letter
  const seqs = new Map<string, number>();
  drafts.forEach((d, i) => {
    const q = served[i];
    const ticketId = uuidFrom(rng);
    const category = d.service?.category ?? null;
    const letter =
      (category ? region.letters[`category:${category}`] : undefined) ??
      region.letters[`purpose:${d.purpose}`] ??
      region.letters.default ??
      'А';
    const seq = (seqs.get(letter) ?? ctx.seqStart(office.code, date, letter)) + 1;
    seqs.set(letter, seq);
    const status: SimTicket['status'] = q.called === null ? 'closed' : d.noShow ? 'no_show' : 'done';
    const refused = status === 'done' && d.purpose === 'submit' && rng.chance(p.refusedAtWindowShare);
    const outcome: SimTicket['outcome'] =
      status !== 'done'
        ? null
        : d.purpose === 'submit'
          ? refused
            ? 'refused'
            : 'application_accepted'
          : 'consultation_given';
    const wait = q.called === null ? null : q.called - d.ready;
    const ticket: SimTicket = {
      id: ticketId,
      office: office.code,
      day: date,
      letter,
      seq,
      track: key128(rng),
      service: d.service?.code ?? null,
      category,
      purpose: d.purpose,
      priorityCode: d.priority?.code ?? null,
      priorityRank: d.priority?.rank ?? 0,
      channel: d.booked ? 'booking' : rng.chance(p.walkInKioskShare) ? 'kiosk' : 'staff',
      status,
      issuedAt: at(d.arrival),
      bookedFor: d.booked ? at(d.ready) : null,
      bookingId: null,
      window: q.window,
      calls: q.called === null ? 0 : d.noShow ? 2 : 1,
      calledAt: q.called === null ? null : at(q.called),
      startedAt: q.started === null ? null : at(q.started),
      finishedAt: q.finished === null ? null : at(q.finished),
      outcome,
      caseId: null,
      estimatedWait: Math.max(0, Math.round((wait ?? 20) * (0.7 + rng.next() * 0.6))),
    };
    out.tickets.push(ticket);

    if (d.booked && d.service) {
      const booking = makeBooking(ctx, rng, office, date, d.service, d.ready, ticket);
      ticket.bookingId = booking.id;
      out.bookings.push(booking);
      // bookings nobody kept, or cancelled, for the same service at another time of the day
      const kept = 1 - p.bookingNoShowShare - p.bookingCancelShare;
      if (rng.chance(p.bookingNoShowShare / kept))
        out.bookings.push(
          makeBooking(ctx, rng, office, date, d.service, gridTime(arrive(rng), grid, day), null, 'no_show'),
        );
      if (rng.chance(p.bookingCancelShare / kept))
        out.bookings.push(
          makeBooking(ctx, rng, office, date, d.service, gridTime(arrive(rng), grid, day), null, 'cancelled'),
        );
    }

    if (outcome === 'application_accepted' && d.service?.card && ticket.finishedAt !== null) {
      const caseId = uuidFrom(rng);
      ticket.caseId = caseId;
      const life = caseLife({
        card: d.service.card,
        calendar: ctx.calendar,
        acceptedAt: ticket.finishedAt,
        acceptedOn: date,
        horizon: ctx.horizon,
        defaultKeepDays: region.defaultKeepDays,
        rng,
        toInstant: (dd, m) => ctx.midnightOf(dd, tz) + m * 60_000,
      });
      out.cases.push({
        id: caseId,
        ticketId,
        office: office.code,
        district: office.district,
        service: d.service.code,
        card: d.service.card,
        acceptedAt: ticket.finishedAt,
        acceptedOn: date,
        life,
      });
      if (life.issuedAt !== null && rng.chance(p.caseRatingShare))
        rate(ctx, rng, out, office, {
          subject: 'case',
          ticketId: null,
          caseId,
          service: d.service.code,
          window: null,
          visitOn: date,
          after: life.issuedAt,
          wait: 0,
        });
    }
    if (status === 'done' && ticket.finishedAt !== null && rng.chance(p.visitRatingShare))
      rate(ctx, rng, out, office, {
        subject: 'visit',
        ticketId,
        caseId: null,
        service: ticket.service,
        window: ticket.window,
        visitOn: date,
        after: ticket.finishedAt,
        wait: wait ?? 0,
      });
  });
  return out;
}

function gridTime(minute: number, grid: number, day: OpenDay): number {
  return Math.max(day.opens, Math.floor(minute / grid) * grid);
}

function makeBooking(
  ctx: Context,
  rng: Rng,
  office: SimOffice,
  date: string,
  service: SimService,
  startMinute: number,
  ticket: SimTicket | null,
  status: SimBooking['status'] = 'checked_in',
): SimBooking {
  const grid = ctx.region.gridMinutes;
  const cellsCount = Math.max(1, Math.ceil(service.bookMinutes / grid));
  const startsAt = ctx.midnightOf(date, office.timeZone) + startMinute * 60_000;
  const endsAt = startsAt + cellsCount * grid * 60_000;
  const createdAt = startsAt - (rng.between(1, 20) * 24 * 60 + rng.between(-600, 600)) * 60_000;
  const index = ctx.bookingIndex.n++;
  const cancelledAt = status === 'cancelled' ? createdAt + (startsAt - createdAt) * rng.next() : null;
  const noShowAt = status === 'no_show' ? endsAt + 60_000 * rng.between(1, 15) : null;
  return {
    id: uuidFrom(rng),
    code: bookingCode(index, ctx.options.seed),
    office: office.code,
    service: service.code,
    startsAt,
    endsAt,
    localDate: date,
    cells: Array.from({ length: cellsCount }, (_, i) => startsAt + i * grid * 60_000),
    status,
    channel: pickShare(p.bookingChannelShares, rng),
    createdAt,
    updatedAt: ticket?.issuedAt ?? cancelledAt ?? noShowAt ?? createdAt,
    checkedInAt: ticket?.issuedAt ?? null,
    ticketId: ticket?.id ?? null,
    noShowAt,
    cancelledAt,
  };
}

function rate(
  ctx: Context,
  rng: Rng,
  out: SimDay,
  office: SimOffice,
  r: Pick<SimRating, 'subject' | 'ticketId' | 'caseId' | 'service' | 'window' | 'visitOn'> & {
    after: number;
    wait: number;
  },
): void {
  const source = pickShare(p.ratingSources, rng);
  const delay = source === 'kiosk' || source === 'qr' ? rng.between(1, 20) : rng.between(30, 3 * 24 * 60);
  const ratedAt = Math.min(ctx.horizon, r.after + delay * 60_000);
  const mood = pickCumulative(cumulate([...p.moodShares]), rng) + 1;
  const scores = ratingCriteria.map((criterion) => {
    let s = mood + (rng.chance(0.25) ? (rng.chance(0.5) ? 1 : -1) : 0);
    if (criterion === 'waiting' && r.wait > 15) s -= r.wait > 30 ? 2 : 1;
    return Math.min(5, Math.max(1, s));
  });
  const low = scores.some((s) => s < 3);
  const comment = low
    ? rng.chance(0.6)
      ? p.complaintComments[rng.int(p.complaintComments.length)]
      : null
    : rng.chance(0.08)
      ? p.praiseComments[rng.int(p.praiseComments.length)]
      : null;
  const ratedOn = localDateOf(ratedAt, office.timeZone);
  const rating: SimRating = {
    id: uuidFrom(rng),
    ...r,
    office: office.code,
    district: office.district,
    ratedOn,
    ratedAt,
    scores,
    comment,
    source,
  };
  out.ratings.push(rating);
  const byCriterion = Object.fromEntries(ratingCriteria.map((c, i) => [c, scores[i]])) as Record<
    (typeof ratingCriteria)[number],
    number
  >;
  if (needsFollowUp(byCriterion, comment)) {
    const closedAt = ratedAt + rng.between(1, 25) * 86_400_000;
    const closed = closedAt <= ctx.horizon;
    out.followUps.push({
      ratingId: rating.id,
      office: office.code,
      district: office.district,
      openedOn: ratedOn,
      dueOn: addCalendarDays(ratedOn, 30),
      closedAt: closed ? closedAt : null,
      outcome: closed ? p.followUpOutcomes[rng.int(p.followUpOutcomes.length)] : null,
    });
  }
}

/** The whole history, one day at a time (every office of the day together). */
export function* simulateDays(ctx: Context, plan: VisitPlan): Generator<SimDay> {
  for (const date of plan.days) {
    const ofDay = plan.counts.get(date);
    if (!ofDay) continue;
    const day: SimDay = { date, tickets: [], bookings: [], cases: [], ratings: [], followUps: [] };
    for (const [o, count] of [...ofDay].sort((a, b) => a[0] - b[0])) {
      const one = officeDay(ctx, ctx.region.offices[o], date, count);
      day.tickets.push(...one.tickets);
      day.bookings.push(...one.bookings);
      day.cases.push(...one.cases);
      day.ratings.push(...one.ratings);
      day.followUps.push(...one.followUps);
    }
    yield day;
  }
}
