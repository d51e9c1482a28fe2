import type {
  AnalyticsSummary,
  Breakdown,
  BreakdownDimension,
  BreakdownRow,
  TopServices,
} from '../../../shared/analytics.js';
import { growthOf } from '../../../shared/analytics-kpi.js';
import { addDays, daysBetween, yearBefore } from '../../../shared/analytics-period.js';
import { nowInTimeZone } from '../../../shared/office-hours.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { listAgencies } from '../catalog/agencies.service.js';
import { serviceTitles } from '../catalog/services.lookup.js';
import { listDistricts, officeCard, regionTimeZone } from '../network/network.service.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { emptySums, figuresOf, type RollupSums, summaryExtras } from './rollup-sums.js';
import { type RollupSelection, rollupSums } from './rollups.query.js';

/** Analytics for staff: the summary, the top services and the breakdowns, all read from the rollups. */

export type AnalyticsDeps = { db: Db; now: Date };
export type Filter = { from?: string; to?: string; district?: string; office?: string; service?: string };

/** The period asked for, or the last 30 days up to today (the region's). */
export async function periodOf(deps: AnalyticsDeps, f: Filter): Promise<{ from: string; to: string }> {
  const to = f.to ?? nowInTimeZone(await regionTimeZone(deps.db), deps.now).date;
  const from = f.from ?? addDays(to, -29);
  if (from > to)
    throw new AppError('VALIDATION', 'invalid querystring.from: the period starts after it ends', [
      {
        field: 'querystring.from',
        message: 'the period starts after it ends',
        code: 'custom',
        params: { rule: 'from_after_to' },
      },
    ]);
  return { from, to };
}

const lastYear = (p: { from: string; to: string }) => ({ from: yearBefore(p.from), to: yearBefore(p.to) });

async function totals(deps: AnalyticsDeps, scope: ActorScope, q: RollupSelection): Promise<RollupSums> {
  const [row] = await rollupSums(deps.db, scope, q);
  return row?.sums ?? emptySums();
}

export async function summary(deps: AnalyticsDeps, scope: ActorScope, f: Filter): Promise<AnalyticsSummary> {
  const p = await periodOf(deps, f);
  const [now, before] = await Promise.all([
    totals(deps, scope, { ...f, ...p }),
    totals(deps, scope, { ...f, ...lastYear(p) }),
  ]);
  const figures = figuresOf(now, before.visits);
  return { ...p, ...figures, ...summaryExtras(now, figures) };
}

export async function topServices(
  deps: AnalyticsDeps,
  scope: ActorScope,
  f: Filter & { limit: number },
): Promise<TopServices> {
  const p = await periodOf(deps, f);
  const q = { ...f, perService: true };
  const [now, before] = await Promise.all([
    rollupSums(deps.db, scope, { ...q, ...p }, 'service'),
    rollupSums(deps.db, scope, { ...q, ...lastYear(p) }, 'service'),
  ]);
  const prev = new Map(before.map((r) => [r.key, r.sums.visits]));
  const top = now
    .filter((r) => r.key !== '' && r.sums.visits > 0)
    .sort((a, b) => b.sums.visits - a.sums.visits || a.key.localeCompare(b.key))
    .slice(0, f.limit);
  const titles = new Map(
    (
      await serviceTitles(
        deps.db,
        top.map((r) => r.key),
      )
    ).map((s) => [s.code, s.title]),
  );
  return {
    ...p,
    items: top.map((r) => {
      const visitsPrevYear = prev.get(r.key) ?? 0;
      return {
        service: r.key,
        title: titles.get(r.key) ?? r.key,
        visits: r.sums.visits,
        visitsPrevYear,
        growth: growthOf(r.sums.visits, visitsPrevYear),
      };
    }),
  };
}

/** Names of the rows' keys (districts, offices, services, agencies), through their modules' services. */
async function titlesOf(db: Db, by: BreakdownDimension, keys: string[]): Promise<Map<string, string>> {
  switch (by) {
    case 'district':
      return new Map((await listDistricts({ db })).map((d) => [d.code, d.name]));
    case 'office': {
      const cards = await Promise.all(keys.map((k) => officeCard(db, k)));
      return new Map(cards.flatMap((c) => (c ? [[c.code, c.name] as const] : [])));
    }
    case 'service':
      return new Map((await serviceTitles(db, keys.filter(Boolean))).map((s) => [s.code, s.title]));
    case 'agency':
      return new Map((await listAgencies({ db })).map((a) => [a.code, a.shortName || a.name]));
    default:
      return new Map();
  }
}

export async function breakdown(
  deps: AnalyticsDeps,
  scope: ActorScope,
  f: Filter & { by: BreakdownDimension; limit: number },
): Promise<Breakdown> {
  const p = await periodOf(deps, f);
  if (f.by === 'day' && daysBetween(p.from, p.to) > 400)
    throw new AppError('VALIDATION', 'invalid querystring.by: a breakdown by day covers at most 400 days', [
      {
        field: 'querystring.by',
        message: 'a breakdown by day covers at most 400 days',
        code: 'custom',
        params: { rule: 'period_too_long', maximum: 400 },
      },
    ]);
  if (f.by === 'channel') return { by: f.by, ...p, items: await byChannel(deps, scope, f, p) };
  const perService = f.by === 'service' || f.by === 'agency';
  const q = { ...f, perService, daysOnly: f.by === 'day' };
  const group = f.by;
  const [now, before] = await Promise.all([
    rollupSums(deps.db, scope, { ...q, ...p }, group),
    // a month's or a day's last year is another key: compared by the same key a year later
    rollupSums(deps.db, scope, { ...q, ...lastYear(p) }, group),
  ]);
  const shift = (key: string) => (group === 'month' || group === 'day' ? nextYearKey(key) : key);
  const prev = new Map(before.map((r) => [shift(r.key), r.sums.visits]));
  const rows = now
    .filter((r) => !(perService && r.key === ''))
    .sort((a, b) =>
      group === 'month' || group === 'day' ? a.key.localeCompare(b.key) : b.sums.visits - a.sums.visits,
    )
    .slice(0, f.limit);
  const titles = await titlesOf(
    deps.db,
    group,
    rows.map((r) => r.key),
  );
  return {
    by: f.by,
    ...p,
    items: rows.map((r) => rowOf(r.key, titles.get(r.key) ?? r.key, r.sums, prev.get(r.key) ?? 0)),
  };
}

const nextYearKey = (key: string) => `${Number(key.slice(0, 4)) + 1}${key.slice(4)}`;

function rowOf(key: string, title: string, s: RollupSums, prevVisits: number): BreakdownRow {
  const f = figuresOf(s, prevVisits);
  return { key, title, ...f, visitsPerWindowDay: s.window_days > 0 ? s.served / s.window_days : null };
}

/** Walk-in, booked (by phone, kiosk, operator) and booked on the portal: parts of the same visits. */
async function byChannel(
  deps: AnalyticsDeps,
  scope: ActorScope,
  f: Filter,
  p: { from: string; to: string },
): Promise<BreakdownRow[]> {
  const [now, before] = await Promise.all([
    totals(deps, scope, { ...f, ...p }),
    totals(deps, scope, { ...f, ...lastYear(p) }),
  ]);
  const parts = (s: RollupSums) => ({
    walk_in: s.visits - s.visits_booked,
    booking: s.visits_booked - s.visits_portal,
    portal: s.visits_portal,
  });
  const a = parts(now);
  const b = parts(before);
  return (['walk_in', 'booking', 'portal'] as const).map((key) => {
    const s = emptySums();
    s.visits = a[key];
    return rowOf(key, key, s, b[key]);
  });
}
