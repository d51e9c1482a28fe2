import { sql } from 'drizzle-orm';
import type { Situation, SituationOffice } from '../../../shared/analytics.js';
import { addCalendarDays } from '../../../shared/calendar.js';
import { localToInstant } from '../../../shared/zoned-time.js';
import { type Db, rows, textArray } from '../../db/client.js';
import { officesNow } from '../network/network.service.js';
import { liveOfficeLoads } from '../queue/queue.load.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { minutesSince, officeAlerts, usualVisits } from './situation.alerts.js';

/**
 * GET /api/analytics/situation: every office of the actor's scope now — its queue (read through the
 * queue's `liveOfficeLoads`, set-based), today's visits against the usual for the weekday (the rollups'
 * day rows of all services, '*'), and its alerts (situation.alerts.ts). A handful of queries whatever the
 * number of offices: the offices with their hours, the queue's four, the rollups' one.
 */

/** Weeks back the usual visits are averaged over. */
const usualWeeks = 4;

/** Visits per office and day from the rollups' day rows over all services, for the days asked. */
async function visitsOnDays(
  db: Db,
  officeCodes: readonly string[],
  days: readonly string[],
): Promise<Map<string, number>> {
  if (officeCodes.length === 0 || days.length === 0) return new Map();
  const found = await rows<{ office: string; day: string; visits: number }>(
    db,
    sql`select office_code as office, to_char(period, 'YYYY-MM-DD') as day, visits
      from analytics_rollups
      where grain = 'd' and service_code = '*'
        and period = any(${textArray(days)}::date[]) and office_code = any(${textArray(officeCodes)})`,
  );
  return new Map(found.map((r) => [`${r.office}|${r.day}`, r.visits]));
}

export async function situation(deps: { db: Db; now: Date; scope: ActorScope }): Promise<Situation> {
  const { db, now, scope } = deps;
  const offices = (await officesNow(db, now, undefined, scope)).filter((o) => o.status === 'open');
  const localDays = new Map(offices.map((o) => [o.code, o.local.date]));
  const pastDays = (date: string) =>
    Array.from({ length: usualWeeks }, (_, i) => addCalendarDays(date, -7 * (i + 1)));
  const wanted = [...new Set([...localDays.values()].flatMap(pastDays))];
  const [live, past] = await Promise.all([
    liveOfficeLoads(db, localDays, now),
    visitsOnDays(db, [...localDays.keys()], wanted),
  ]);
  const at = now.getTime();
  const list: SituationOffice[] = offices.map((o) => {
    const load = live.offices.get(o.code);
    const longest = minutesSince(load?.oldestQueuedAt ?? null, at);
    const openedAt =
      o.today.open && o.today.opens ? localToInstant(o.local.date, o.today.opens, o.timeZone) : null;
    const predicted = load?.predictedWaitMinutes ?? null;
    return {
      code: o.code,
      name: o.name,
      district: o.districtName,
      kind: o.kind,
      lat: o.lat,
      lon: o.lon,
      timeZone: o.timeZone,
      open: o.openNow,
      waiting: load?.waiting ?? 0,
      longestWaitMinutes: longest,
      predictedWaitMinutes: predicted === null ? null : Math.round(predicted),
      windowsOpen: load?.windowsOpen ?? 0,
      windowsTotal: load?.windowsTotal ?? 0,
      visitsToday: load?.issuedToday ?? 0,
      usualVisits: usualVisits(pastDays(o.local.date).map((d) => past.get(`${o.code}|${d}`))),
      alerts: officeAlerts({
        now: at,
        openNow: o.openNow,
        openedAt: Number.isNaN(openedAt) ? null : openedAt,
        targetWaitMinutes: live.targetWaitMinutes,
        longestWaitMinutes: longest,
        windows: load?.windows ?? [],
        kiosks: load?.kiosks ?? [],
      }),
    };
  });
  return { at: now.toISOString(), targetWaitMinutes: live.targetWaitMinutes, offices: list };
}
