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
import type {
  District,
  OfficeDetail,
  OfficeKind,
  OfficeSummary,
  ResolvedDay,
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
import { AppError, notFound } from '../../errors.js';
import {
  createNetworkRepository,
  type DistrictRow,
  type ExceptionRow,
  type HoursRow,
  type NetworkRepository,
  type OfficeRow,
} from './network.repository.js';

/** Use cases of the network API. "Now" is always passed in, so tests can pin it. */

export type NetworkDeps = { db: Db };

/** The longest range GET /api/calendar returns, in days (three years). */
export const MAX_CALENDAR_RANGE_DAYS = 1100;

const collator = new Intl.Collator('ru');
const districtRank = (kind: 'city' | 'rural') => (kind === 'city' ? 0 : 1);
const officeKindRank: Record<OfficeKind, number> = { main: 0, remote: 1, kiosk: 2 };

export const toDistrictDto = (r: DistrictRow): District => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  population: Number(r.population),
  officeCount: Number(r.office_count),
});

export const toWeeklyHours = (r: HoursRow): WeeklyHours => ({
  weekday: Number(r.weekday),
  opens: r.opens,
  closes: r.closes,
  breakStart: r.break_start,
  breakEnd: r.break_end,
});

const toException = (r: ExceptionRow): OfficeException => ({
  date: r.date,
  kind: r.kind,
  opens: r.opens,
  closes: r.closes,
  note: r.note,
});

export const toOfficeSummaryDto = (r: OfficeRow, today: ResolvedDay, openNow: boolean): OfficeSummary => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  district: { code: r.district_code, name: r.district_name },
  address: r.address,
  lat: r.lat === null ? null : Number(r.lat),
  lon: r.lon === null ? null : Number(r.lon),
  phone: r.phone,
  timeZone: r.time_zone,
  status: r.status,
  windowCount: Number(r.window_count),
  openNow,
  today,
});

/** Cities first, then by name (Russian collation, the same on every database). */
export async function listDistricts(deps: NetworkDeps): Promise<District[]> {
  const found = await createNetworkRepository(deps.db).listDistricts();
  return found
    .sort((a, b) => districtRank(a.kind) - districtRank(b.kind) || collator.compare(a.name, b.name))
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
  row: OfficeRow;
  weekly: WeeklyHours[];
  exceptions: OfficeException[];
  local: { date: string; time: string };
};

/** Loads offices with their hours, exceptions (from today to today + extraDays) and the calendar, in four queries. */
async function loadOffices(
  repo: NetworkRepository,
  filter: Parameters<NetworkRepository['listOffices']>[0],
  now: Date,
  extraDays: number,
): Promise<{ offices: Resolved[]; calendar: Calendar }> {
  const [officeRows, overrides] = await Promise.all([repo.listOffices(filter), repo.calendarOverrides()]);
  const calendar = makeCalendar(overrides);
  if (officeRows.length === 0) return { offices: [], calendar };
  const locals = officeRows.map((r) => localNow(r.time_zone, now));
  const todays = locals.map((l) => l.date).sort();
  const codes = officeRows.map((r) => r.code);
  const [hours, exceptions] = await Promise.all([
    repo.hoursOf(codes),
    repo.exceptionsOf(codes, todays[0], addCalendarDays(todays[todays.length - 1], extraDays)),
  ]);
  const weeklyOf = groupBy(hours, (h) => h.office_code);
  const exceptionsOf = groupBy(exceptions, (e) => e.office_code);
  const offices = officeRows.map((row, i) => ({
    row,
    weekly: (weeklyOf.get(row.code) ?? []).map(toWeeklyHours),
    exceptions: (exceptionsOf.get(row.code) ?? []).map(toException),
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
    query: { district?: string; kind?: OfficeKind; service?: string; openNow?: boolean };
    now: Date;
  },
): Promise<OfficeSummary[]> {
  const { district, kind, service, openNow } = deps.query;
  const repo = createNetworkRepository(deps.db);
  const { offices, calendar } = await loadOffices(
    repo,
    { district, kind, service, publicOnly: true },
    deps.now,
    0,
  );
  return offices
    .sort(
      (a, b) =>
        districtRank(a.row.district_kind) - districtRank(b.row.district_kind) ||
        collator.compare(a.row.district_name, b.row.district_name) ||
        officeKindRank[a.row.kind] - officeKindRank[b.row.kind] ||
        collator.compare(a.row.name, b.row.name),
    )
    .map((o) => summarize(o, calendar))
    .filter((o) => openNow === undefined || o.openNow === openNow);
}

/** One office with its windows, weekly hours, the next 7 days from its local today and the published services it offers. */
export async function getOffice(deps: NetworkDeps & { code: string; now: Date }): Promise<OfficeDetail> {
  const repo = createNetworkRepository(deps.db);
  const { offices, calendar } = await loadOffices(repo, { code: deps.code, publicOnly: false }, deps.now, 6);
  const office = offices[0];
  if (!office) throw notFound(`office ${deps.code}`);
  const [windows, services] = await Promise.all([
    repo.windowsOf(office.row.code),
    repo.servicesOf(office.row.code, office.row.offers_all_services),
  ]);
  return {
    ...summarize(office, calendar),
    email: office.row.email,
    windows: windows.map((w) => ({
      number: Number(w.number),
      label: w.label,
      serviceCodes: w.service_codes,
      categoryCodes: w.category_codes,
    })),
    weeklyHours: office.weekly,
    week: resolveWeek(
      { weekly: office.weekly, exceptions: office.exceptions, calendar },
      office.local.date,
      7,
    ),
    services: services
      .map((s) => ({ code: s.code, title: s.title, category: s.category }))
      .sort((a, b) => collator.compare(a.title, b.title)),
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
  const calendar = makeCalendar(await createNetworkRepository(deps.db).calendarOverrides());
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
  const calendar = makeCalendar(await createNetworkRepository(deps.db).calendarOverrides());
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
