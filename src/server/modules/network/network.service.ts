import {
  addCalendarDays,
  addWorkingDays,
  type Calendar,
  datesInRange,
  dayKind,
  dayNote,
  daysBetween,
  makeCalendar,
} from '../../../shared/calendar.js';
import { compareNames } from '../../../shared/collation.js';
import { distanceKm, type Point, parsePoint } from '../../../shared/geo.js';
import type {
  District,
  OfficeDetail,
  OfficeKind,
  OfficeSummary,
  WeeklyHours,
} from '../../../shared/network.js';
import { isoDateSchema } from '../../../shared/network.js';
import {
  isOpenAt,
  nowInTimeZone,
  type OfficeException,
  resolveDay,
  resolveWeek,
} from '../../../shared/office-hours.js';
import type { Db } from '../../db/client.js';
import { kept } from '../../db/kept.js';
import { AppError, notFound } from '../../errors.js';
import { isServicePublished, publishedServiceSummaries } from '../catalog/catalog.service.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { allOverrides } from './calendar.repository.js';
import { listDistricts as listDistrictRows } from './districts.repository.js';
import {
  officeKindRank,
  toDistrictDto,
  toException,
  toOfficeSummaryDto,
  toWeeklyHours,
  toWindow,
} from './network.mappers.js';
import { region } from './network.schema.js';
import {
  exceptionsOf,
  hoursOf,
  listedServiceCodes,
  windowsOf,
  windowsOfOffices,
} from './office-schedule.repository.js';
import {
  findOffice,
  listOffices as listOfficeRows,
  type OfficeFilter,
  type OfficeListRow,
} from './offices.repository.js';

/** Use cases of the network API. "Now" is always passed in, so tests can pin it. */

export type NetworkDeps = { db: Db };

/** The longest range GET /api/calendar returns, in days (three years). */
export const MAX_CALENDAR_RANGE_DAYS = 1100;

const districtRank = (kind: 'city' | 'rural') => (kind === 'city' ? 0 : 1);

/** Cities first, then by name (Russian collation, the same on every database). */
export async function listDistricts(deps: NetworkDeps): Promise<District[]> {
  const found = await listDistrictRows(deps.db, { openOfficesOnly: true });
  return found
    .sort((a, b) => districtRank(a.kind) - districtRank(b.kind) || compareNames(a.name, b.name))
    .map(toDistrictDto);
}

/** The local date and time of an office; a zone the runtime does not know falls back to UTC rather than fail the list. */
function localNow(timeZone: string, now: Date): { date: string; time: string } {
  try {
    return nowInTimeZone(timeZone, now);
  } catch {
    return nowInTimeZone('UTC', now);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type Resolved = {
  row: OfficeListRow;
  weekly: WeeklyHours[];
  exceptions: OfficeException[];
  local: { date: string; time: string };
};

/** Loads offices with their hours, exceptions (from today to today + extraDays) and the calendar, in four queries. */
async function loadOffices(
  db: Db,
  filter: OfficeFilter,
  now: Date,
  extraDays: number,
): Promise<{ offices: Resolved[]; calendar: Calendar }> {
  const [officeRows, overrides] = await Promise.all([listOfficeRows(db, filter), allOverrides(db)]);
  const calendar = makeCalendar(overrides);
  if (officeRows.length === 0) return { offices: [], calendar };
  const locals = officeRows.map((r) => localNow(r.zone, now));
  const todays = locals.map((l) => l.date).sort();
  const codes = officeRows.map((r) => r.code);
  const [hours, exceptions] = await Promise.all([
    hoursOf(db, codes),
    exceptionsOf(db, codes, { from: todays[0], to: addCalendarDays(todays[todays.length - 1], extraDays) }),
  ]);
  const weeklyOf = groupBy(hours, (h) => h.officeCode);
  const exceptionsByOffice = groupBy(exceptions, (e) => e.officeCode);
  const offices = officeRows.map((row, i) => ({
    row,
    weekly: (weeklyOf.get(row.code) ?? []).map(toWeeklyHours),
    exceptions: (exceptionsByOffice.get(row.code) ?? []).map(toException),
    local: locals[i],
  }));
  return { offices, calendar };
}

function summarize(o: Resolved, calendar: Calendar): OfficeSummary {
  const today = resolveDay({ weekly: o.weekly, exceptions: o.exceptions, calendar, date: o.local.date });
  return toOfficeSummaryDto(o.row, today, isOpenAt(today, o.local.time));
}

/**
 * Public offices (status 'open'), filtered by district, kind, an offered service and whether open at `now`,
 * ordered by district (cities first), kind (main, remote, kiosk), then name.
 */
export async function listOffices(
  deps: NetworkDeps & {
    query: { district?: string; kind?: OfficeKind; service?: string; openNow?: boolean; near?: string };
    now: Date;
  },
): Promise<OfficeSummary[]> {
  const { district, kind, service, openNow } = deps.query;
  const near = deps.query.near === undefined ? undefined : parsePoint(deps.query.near);
  // Only a published service is offered anywhere.
  if (service !== undefined && !(await isServicePublished(deps.db, service))) return [];
  const { offices, calendar } = await loadOffices(
    deps.db,
    { district, kind, offering: service, status: 'open' },
    deps.now,
    0,
  );
  const summaries = offices
    .sort(
      (a, b) =>
        districtRank(a.row.districtKind) - districtRank(b.row.districtKind) ||
        compareNames(a.row.districtName, b.row.districtName) ||
        officeKindRank[a.row.kind] - officeKindRank[b.row.kind] ||
        compareNames(a.row.name, b.row.name),
    )
    .map((o) => summarize(o, calendar))
    .filter((o) => openNow === undefined || o.openNow === openNow);
  return near ? nearestFirst(summaries, near) : summaries;
}

/** Nearest first, with the distance; offices without coordinates keep their order after the others. */
function nearestFirst(offices: OfficeSummary[], near: Point): OfficeSummary[] {
  const measured = offices.map((o) => ({
    ...o,
    distanceKm:
      o.lat === null || o.lon === null
        ? null
        : Math.round(distanceKm(near, { lat: o.lat, lon: o.lon }) * 10) / 10,
  }));
  const rank = (d: number | null) => (d === null ? Number.POSITIVE_INFINITY : d);
  return measured
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o.distanceKm) - rank(b.o.distanceKm) || a.i - b.i)
    .map(({ o }) => o);
}

/** One office with its windows, weekly hours, the next 7 days from its local today and the published services it offers. */
export async function getOffice(deps: NetworkDeps & { code: string; now: Date }): Promise<OfficeDetail> {
  const { offices, calendar } = await loadOffices(deps.db, { code: deps.code }, deps.now, 6);
  const office = offices[0];
  if (!office) throw notFound(`office ${deps.code}`);
  const [windows, services] = await Promise.all([
    windowsOf(deps.db, office.row.code),
    publishedServiceSummaries(
      deps.db,
      office.row.offersAllServices ? undefined : await listedServiceCodes(deps.db, office.row.code),
    ),
  ]);
  return {
    ...summarize(office, calendar),
    email: office.row.email,
    windows: windows.map(toWindow),
    weeklyHours: office.weekly,
    week: resolveWeek(
      { weekly: office.weekly, exceptions: office.exceptions, calendar },
      office.local.date,
      7,
    ),
    services: services
      .map((s) => ({ code: s.code, title: s.title, category: s.category }))
      .sort((a, b) => compareNames(a.title, b.title)),
  };
}

/** Every date from `from` to `to` (both included) with its kind; at most MAX_CALENDAR_RANGE_DAYS days. */
export async function getCalendar(
  deps: NetworkDeps & { from: string; to: string },
): Promise<{ days: { date: string; kind: 'working' | 'dayoff' | 'short'; note: string | null }[] }> {
  const span = daysBetween(deps.from, deps.to);
  if (span < 0) {
    throw new AppError('VALIDATION', 'invalid querystring.to: must not be before from', [
      { field: 'querystring.to', message: 'must not be before from' },
    ]);
  }
  if (span + 1 > MAX_CALENDAR_RANGE_DAYS) {
    throw new AppError('VALIDATION', `invalid querystring.to: at most ${MAX_CALENDAR_RANGE_DAYS} days`, [
      { field: 'querystring.to', message: `the range spans more than ${MAX_CALENDAR_RANGE_DAYS} days` },
    ]);
  }
  const calendar = makeCalendar(await allOverrides(deps.db));
  return {
    days: datesInRange(deps.from, deps.to).map((date) => ({
      date,
      kind: dayKind(calendar, date),
      note: dayNote(calendar, date),
    })),
  };
}

/** The date `days` working days after `from` (see addWorkingDays for day 0 and days off). */
export async function addWorkingDaysFrom(
  deps: NetworkDeps & { from: string; days: number },
): Promise<{ date: string }> {
  const calendar = makeCalendar(await allOverrides(deps.db));
  const date = addWorkingDays(calendar, deps.from, deps.days);
  // The answer is a date of the same range as the question (isoDateSchema): past it, the question is wrong.
  if (!isoDateSchema.safeParse(date).success) {
    throw new AppError(
      'VALIDATION',
      'invalid querystring.days: the result falls outside the years 1900–2999',
      [{ field: 'querystring.days', message: 'the result falls outside the years 1900–2999' }],
    );
  }
  return { date };
}

/** Whether an office of this code exists (its page shows a closed office too). */
export async function officeExists(db: Db, code: string): Promise<boolean> {
  return (await findOffice(db, code)) !== undefined;
}

/** An office as the queue sees it now: its card, today's hours in its own zone, open or not, its windows. */
export type OfficeNow = {
  code: string;
  name: string;
  address: string;
  status: 'open' | 'closed';
  kind: OfficeKind;
  timeZone: string;
  local: { date: string; time: string };
  today: ReturnType<typeof resolveDay>;
  openNow: boolean;
  offersAllServices: boolean;
  districtCode: string;
  districtName: string;
  lat: number | null;
  lon: number | null;
};

/**
 * The queue's view of offices now (all of them, or these codes; closed ones included), narrowed to a staff
 * scope in SQL when one is given (the situational center).
 */
export async function officesNow(
  db: Db,
  now: Date,
  codes?: readonly string[],
  scope?: ActorScope,
): Promise<OfficeNow[]> {
  if (codes?.length === 0) return [];
  const filter: OfficeFilter = {
    ...(codes?.length === 1 ? { code: codes[0] } : {}),
    ...(scope ? { scope } : {}),
  };
  const { offices, calendar } = await loadOffices(db, filter, now, 0);
  const wanted = codes && codes.length > 1 ? new Set(codes) : null;
  return offices
    .filter((o) => wanted === null || wanted.has(o.row.code))
    .map((o) => {
      const today = resolveDay({ weekly: o.weekly, exceptions: o.exceptions, calendar, date: o.local.date });
      return {
        code: o.row.code,
        name: o.row.name,
        address: o.row.address,
        status: o.row.status,
        kind: o.row.kind,
        timeZone: o.row.zone,
        local: o.local,
        today,
        openNow: o.row.status === 'open' && isOpenAt(today, o.local.time),
        offersAllServices: o.row.offersAllServices,
        districtCode: o.row.districtCode,
        districtName: o.row.districtName,
        lat: o.row.lat,
        lon: o.row.lon,
      };
    });
}

/** The windows of an office with the services and categories each handles (none of either: all). */
export const officeWindows = (db: Db, code: string) => windowsOf(db, code);

/** The windows of every office in one query, by office code. */
export async function windowsByOffice(db: Db) {
  const rows = await windowsOfOffices(
    db,
    (await listOfficeRows(db, {})).map((o) => o.code),
  );
  const byOffice = new Map<string, typeof rows>();
  for (const w of rows) byOffice.set(w.officeCode, [...(byOffice.get(w.officeCode) ?? []), w]);
  return byOffice;
}

/** Does the office offer the service (a main center offering all, or listed)? */
export async function officeOffers(
  db: Db,
  office: Pick<OfficeNow, 'code' | 'offersAllServices'>,
  serviceCode: string,
): Promise<boolean> {
  if (office.offersAllServices) return true;
  return (await listedServiceCodes(db, office.code)).includes(serviceCode);
}

/** The codes of the published services an office offers. */
export async function servicesOfferedAt(db: Db, office: OfficeNow): Promise<string[] | undefined> {
  return office.offersAllServices ? undefined : listedServiceCodes(db, office.code);
}

/** An office as booking derives its free times from: card, zone, local now, schedule over a range, windows. */
export type BookableOffice = {
  code: string;
  name: string;
  address: string;
  districtCode: string;
  lat: number | null;
  lon: number | null;
  status: 'open' | 'closed';
  timeZone: string;
  offersAllServices: boolean;
  local: { date: string; time: string };
  weekly: WeeklyHours[];
  /** Dated exceptions from the office's today to today + `days`. */
  exceptions: OfficeException[];
  windows: ReturnType<typeof toWindow>[];
};

/**
 * Offices (these codes, or those offering a service) with what their free times are derived from, in five
 * queries whatever their number; the calendar comes along.
 */
export async function bookableOffices(
  db: Db,
  p: { codes?: readonly string[]; offering?: string; now: Date; days: number },
): Promise<{ offices: BookableOffice[]; calendar: Calendar }> {
  if (p.codes?.length === 0) return { offices: [], calendar: makeCalendar([]) };
  const filter: OfficeFilter = {
    ...(p.codes?.length === 1 ? { code: p.codes[0] } : {}),
    ...(p.offering ? { offering: p.offering } : {}),
  };
  const { offices, calendar } = await loadOffices(db, filter, p.now, p.days);
  const wanted = p.codes && p.codes.length > 1 ? new Set(p.codes) : null;
  const chosen = offices.filter((o) => wanted === null || wanted.has(o.row.code));
  const windows = await windowsOfOffices(
    db,
    chosen.map((o) => o.row.code),
  );
  return {
    calendar,
    offices: chosen.map((o) => ({
      code: o.row.code,
      name: o.row.name,
      address: o.row.address,
      districtCode: o.row.districtCode,
      lat: o.row.lat,
      lon: o.row.lon,
      status: o.row.status,
      timeZone: o.row.zone,
      offersAllServices: o.row.offersAllServices,
      local: o.local,
      weekly: o.weekly,
      exceptions: o.exceptions,
      windows: windows.filter((w) => w.officeCode === o.row.code).map(toWindow),
    })),
  };
}

/** The production calendar (every override), kept 10 s per instance: deadlines are counted over it. */
export const productionCalendar = (db: Db, cacheKey: object = db) =>
  kept(cacheKey, 'production-calendar', '', 10_000, async () => makeCalendar(await allOverrides(db)));

/** An office as a case names it: card, district, zone (its own, else the region's); kept 10 s per instance. */
export const officeCard = (db: Db, code: string, cacheKey: object = db) =>
  kept(cacheKey, 'office-card', code, 10_000, () => loadOfficeCard(db, code));

async function loadOfficeCard(
  db: Db,
  code: string,
): Promise<
  | {
      code: string;
      name: string;
      address: string;
      districtCode: string;
      timeZone: string;
      status: string;
      offersAllServices: boolean;
    }
  | undefined
> {
  const found = await findOffice(db, code);
  if (!found) return undefined;
  return {
    code: found.code,
    name: found.name,
    address: found.address,
    districtCode: found.districtCode,
    timeZone: found.zone,
    status: found.status,
    offersAllServices: found.offersAllServices,
  };
}

/** The region's time zone, kept 10 s per instance. */
export const regionTimeZone = (db: Db, cacheKey: object = db) =>
  kept(cacheKey, 'region-zone', '', 10_000, async () => {
    const [row] = await db.select({ zone: region.timeZone }).from(region);
    return row?.zone ?? 'Europe/Moscow';
  });
