import type { OfficeFile, ServiceFile } from '../../shared/region-data.js';
import type { Codes } from './region-files.js';
import { isTimeZone, type ReportProblem as Report } from './region-problem.js';

export type OfficeContext = {
  /** Every code of the region by list (items that failed their schema included). */
  codes: { districts: Codes; services: Codes; categories: Codes };
  /** The services that passed their schema, by code. */
  services: Map<string, ServiceFile>;
  /**
   * Whether `services` is every service of the region (no file unread, no item refused): else what an
   * office offers is partly unknown, and no problem that depends on it is reported.
   */
  allServices: boolean;
};

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * The rules of one office: its district and services exist, its windows serve what the office offers,
 * its hours and exceptions are coherent. Pure: each problem goes to `report` with its field.
 */
export function checkOffice(o: OfficeFile, ctx: OfficeContext, report: Report): void {
  if (!ctx.codes.districts.has(o.district)) report('district', `unknown district "${o.district}"`);
  if (o.timeZone !== undefined && !isTimeZone(o.timeZone))
    report('timeZone', `unknown time zone "${o.timeZone}"`);
  if ((o.lat === undefined) !== (o.lon === undefined))
    report(o.lat === undefined ? 'lat' : 'lon', 'lat and lon go together');
  const offered = offeredServices(o, ctx, report);
  if (o.kind !== 'kiosk' && offered.size === 0 && ctx.allServices)
    report('services', 'the office offers no services', 'warning');
  if (o.kind !== 'kiosk' && o.windows.length === 0) report('windows', 'no windows', 'warning');
  if (o.kind === 'kiosk' && o.windows.length > 0) report('windows', 'a kiosk with windows', 'warning');
  checkWindows(o, offered, ctx, report);
  checkHours(o, report);
  checkExceptions(o, report);
}

function offeredServices(o: OfficeFile, ctx: OfficeContext, report: Report): Set<string> {
  if (o.services === 'all')
    return new Set([...ctx.services.values()].filter((s) => s.status === 'published').map((s) => s.code));
  const offered = new Set<string>();
  o.services.forEach((code, i) => {
    const field = ['services', i];
    if (offered.has(code)) report(field, `service "${code}" listed twice`, 'warning');
    if (!ctx.codes.services.has(code)) {
      report(field, `unknown service "${code}"`);
      return;
    }
    offered.add(code);
    const s = ctx.services.get(code);
    if (s?.status === 'draft') report(field, `a draft service "${code}"`, 'warning');
    if (s && o.kind === 'remote' && !s.remote)
      report(field, `a remote office lists "${code}", a service not marked remote`, 'warning');
  });
  return offered;
}

function checkWindows(o: OfficeFile, offered: Set<string>, ctx: OfficeContext, report: Report): void {
  const numbers = new Set<number>();
  const offeredCategories = new Set([...offered].map((c) => ctx.services.get(c)?.category));
  o.windows.forEach((w, i) => {
    if (numbers.has(w.number)) report(['windows', i, 'number'], `duplicate window number ${w.number}`);
    numbers.add(w.number);
    w.services.forEach((code, j) => {
      const field = ['windows', i, 'services', j];
      if (!ctx.codes.services.has(code)) report(field, `unknown service "${code}"`);
      else if (!offered.has(code) && ctx.allServices)
        report(field, `service "${code}" is not offered by the office`);
    });
    w.categories.forEach((category, j) => {
      const field = ['windows', i, 'categories', j];
      if (!ctx.codes.categories.has(category)) report(field, `unknown category "${category}"`);
      else if (!offeredCategories.has(category) && ctx.allServices)
        report(field, `the office offers no service of category "${category}"`, 'warning');
    });
  });
}

function checkHours(o: OfficeFile, report: Report): void {
  const byDay = new Map<number, [number, number][]>();
  o.hours.forEach((h, i) => {
    const field = (name: string) => ['hours', i, name];
    const opens = minutes(h.opens);
    const closes = minutes(h.closes);
    if (closes <= opens) report(field('closes'), `closes at ${h.closes}, not after it opens at ${h.opens}`);
    if ((h.breakStart === undefined) !== (h.breakEnd === undefined))
      report(
        field(h.breakStart === undefined ? 'breakStart' : 'breakEnd'),
        'breakStart and breakEnd go together',
      );
    if (h.breakStart !== undefined && h.breakEnd !== undefined) {
      const start = minutes(h.breakStart);
      const end = minutes(h.breakEnd);
      if (end <= start) report(field('breakEnd'), `the break ends at ${h.breakEnd}, not after it starts`);
      if (start <= opens || end >= closes)
        report(
          field('breakStart'),
          `the break ${h.breakStart}–${h.breakEnd} is not within ${h.opens}–${h.closes}`,
        );
    }
    const day = byDay.get(h.weekday) ?? [];
    if (day.some(([a, b]) => opens < b && a < closes))
      report(field('opens'), `overlaps another interval of weekday ${h.weekday}`);
    day.push([opens, closes]);
    byDay.set(h.weekday, day);
  });
  if (o.kind !== 'kiosk' && o.hours.length === 0) report('hours', 'no opening hours', 'warning');
}

function checkExceptions(o: OfficeFile, report: Report): void {
  const dates = new Set<string>();
  o.exceptions.forEach((ex, i) => {
    const field = (name: string) => ['exceptions', i, name];
    if (dates.has(ex.date)) report(field('date'), `duplicate date ${ex.date}`);
    dates.add(ex.date);
    if (ex.kind === 'hours') {
      if (ex.opens === undefined || ex.closes === undefined)
        report(field(ex.opens === undefined ? 'opens' : 'closes'), 'kind "hours" needs opens and closes');
      else if (minutes(ex.closes) <= minutes(ex.opens))
        report(field('closes'), `closes at ${ex.closes}, not after it opens at ${ex.opens}`);
    } else if (ex.opens !== undefined || ex.closes !== undefined)
      report(field('kind'), 'kind "closed" with hours', 'warning');
  });
}
