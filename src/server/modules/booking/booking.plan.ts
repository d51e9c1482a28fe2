import {
  type BookingRules,
  bookingLanes,
  type CellUse,
  daySlots,
  type FreeTime,
} from '../../../shared/booking.slots.js';
import { addCalendarDays, type Calendar } from '../../../shared/calendar.js';
import type { ResolvedDay } from '../../../shared/network.js';
import { resolveDay } from '../../../shared/office-hours.js';
import type { Db } from '../../db/client.js';
import { forgetKind, kept } from '../../db/kept.js';
import { AppError, notFound } from '../../errors.js';
import { serviceForTicket } from '../catalog/services.lookup.js';
import { type BookableOffice, bookableOffices, officeOffers } from '../network/network.service.js';
import type { BookingSettingsRow } from './booking.schema.js';
import { bookingSettingsOf, bookingTermsOf } from './booking.settings.js';
import { type TakenRow, takenBetween } from './seats.repository.js';

/**
 * What booking a service at an office is planned on: the office's schedule and windows, the service, the
 * region's settings and the capacities (lanes) they give. Reads may take a plan kept for a few seconds
 * (forgotten at once when this instance changes a schedule); every write plans afresh.
 */

export type BookingService = NonNullable<Awaited<ReturnType<typeof serviceForTicket>>>;
export type OfficePlan = {
  office: BookableOffice;
  calendar: Calendar;
  service: BookingService;
  settings: BookingSettingsRow;
  rules: BookingRules;
  dayOf: (date: string) => ResolvedDay;
};

const planTtlMs = 5_000;
export const planKind = 'booking-plan';

/** A window takes the service: it lists it or its category, or lists nothing (it takes all). */
const windowTakes = (w: BookableOffice['windows'][number], service: BookingService) =>
  (w.serviceCodes.length === 0 && w.categoryCodes.length === 0) ||
  w.serviceCodes.includes(service.code) ||
  (service.category !== null && w.categoryCodes.includes(service.category));

/** The plan of one office for a service, given what was loaded. */
export async function planOf(
  db: Db,
  loaded: { office: BookableOffice; calendar: Calendar; service: BookingService },
  cacheKey: object = db,
): Promise<OfficePlan> {
  const { office, calendar, service } = loaded;
  const terms = await bookingTermsOf(db, office.code, service.code, cacheKey);
  const open = office.status === 'open';
  const officeLanes = open ? bookingLanes(office.windows.length, terms.share) : 0;
  const serviceLanes = open
    ? Math.min(
        officeLanes,
        bookingLanes(office.windows.filter((w) => windowTakes(w, service)).length, terms.share),
      )
    : 0;
  const schedule = { weekly: office.weekly, exceptions: office.exceptions, calendar };
  return {
    office,
    calendar,
    service,
    settings: terms.settings,
    rules: {
      gridMinutes: terms.settings.gridMinutes,
      serviceMinutes: terms.serviceMinutes,
      officeLanes,
      serviceLanes,
    },
    dayOf: (date) => resolveDay({ ...schedule, date }),
  };
}

/** The published service, or SERVICE_NOT_OFFERED (a code no one offers is not offered here either). */
export async function bookableService(
  db: Db,
  serviceCode: string,
  cacheKey: object = db,
): Promise<BookingService> {
  const service = await kept(cacheKey, 'booking-service', serviceCode, planTtlMs, () =>
    serviceForTicket(db, serviceCode),
  );
  if (!service) throw notOffered(serviceCode);
  return service;
}

const notOffered = (service: string) =>
  new AppError('SERVICE_NOT_OFFERED', `the office does not offer service ${service}`, { service });

/**
 * The plan for booking `serviceCode` at `officeCode`: 404 for an unknown office, SERVICE_NOT_OFFERED for a
 * service it does not offer. `fresh` plans from the database now (writes); otherwise a plan a few seconds
 * old may serve (reads).
 */
export async function officePlan(
  db: Db,
  p: { officeCode: string; serviceCode: string; now: Date; fresh?: boolean; cacheKey?: object },
): Promise<OfficePlan> {
  const cacheKey = p.cacheKey ?? db;
  const load = async () => {
    const service = await bookableService(db, p.serviceCode, cacheKey);
    const settings = await bookingSettingsOf(db, cacheKey);
    const { offices, calendar } = await bookableOffices(db, {
      codes: [p.officeCode],
      now: p.now,
      days: settings.horizonDays + 1,
    });
    const office = offices[0];
    if (!office) throw notFound(`office ${p.officeCode}`);
    if (!(await officeOffers(db, office, service.code))) throw notOffered(service.code);
    return planOf(db, { office, calendar, service }, cacheKey);
  };
  if (p.fresh) return load();
  // the plan reads exceptions from the office's today on: one plan per hour at most
  const hour = p.now.toISOString().slice(0, 13);
  return kept(cacheKey, planKind, `${p.officeCode}|${p.serviceCode}|${hour}`, planTtlMs, load);
}

/** Seats taken, by cell: the office's and the service's. */
export function takenMap(rows: readonly TakenRow[], service: string): Map<number, CellUse> {
  const map = new Map<number, CellUse>();
  for (const r of rows) {
    const use = map.get(r.cell) ?? { office: 0, service: 0 };
    if (r.scope === '*') use.office += r.used;
    if (r.scope === service) use.service += r.used;
    map.set(r.cell, use);
  }
  return map;
}

/** The free times of the dates (both included) as the seats stand; `notBefore` is now + notice. */
export async function freeTimesOf(
  db: Db,
  plan: OfficePlan,
  p: { from: string; to: string; now: Date },
): Promise<Map<string, FreeTime[]>> {
  const { office, service } = plan;
  const from = new Date(`${addCalendarDays(p.from, -1)}T00:00:00Z`).getTime();
  const to = new Date(`${addCalendarDays(p.to, 2)}T00:00:00Z`).getTime();
  const taken = takenMap(
    await takenBetween(db, { officeCodes: [office.code], service: service.code, from, to }),
    service.code,
  );
  return timesFromTaken(plan, taken, p);
}

/** The same from seats already read (many offices at once). */
export function timesFromTaken(
  plan: OfficePlan,
  taken: ReadonlyMap<number, CellUse>,
  p: { from: string; to: string; now: Date },
): Map<string, FreeTime[]> {
  const notBefore = p.now.getTime() + plan.settings.noticeMinutes * 60_000;
  const out = new Map<string, FreeTime[]>();
  for (let date = p.from; date <= p.to; date = addCalendarDays(date, 1)) {
    out.set(
      date,
      daySlots({
        day: plan.dayOf(date),
        timeZone: plan.office.timeZone,
        rules: plan.rules,
        taken: (cell) => taken.get(cell),
        notBefore,
      }),
    );
  }
  return out;
}

export const freeTimesKind = 'booking-free';
const freeTtlMs = 2_000;

/**
 * Free times as this instance read them within the last 2 s (a month view is read by many people at once).
 * The database still decides every seat: a time shown free a moment ago may be taken by then — the booking
 * gets SLOT_TAKEN with the nearest free times. This instance's own writes drop them at once (`seatsChanged`).
 */
export function keptFreeTimes(
  db: Db,
  plan: OfficePlan,
  p: { from: string; to: string; now: Date },
): Promise<Map<string, FreeTime[]>> {
  const minute = Math.floor(p.now.getTime() / 60_000);
  const key = `${plan.office.code}|${plan.service.code}|${p.from}|${p.to}|${minute}`;
  return kept(db, freeTimesKind, key, freeTtlMs, () => freeTimesOf(db, plan, p));
}

/** Seats were taken or given back through this instance: the free times it keeps are stale. */
export const seatsChanged = (db: Db) => forgetKind(db, freeTimesKind);
