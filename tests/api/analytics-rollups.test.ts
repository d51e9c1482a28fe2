import { rows, sql } from '../../src/server/db/client.js';
import { rebuildRollups } from '../../src/server/modules/analytics/rollups.rebuild.js';
import type { AnalyticsSummary } from '../../src/shared/analytics.js';
import { staffClient } from '../support/admin.js';
import {
  A,
  B,
  C,
  districtOf,
  driveHistory,
  histogramOf,
  type RollupRow,
  row,
} from '../support/analytics-history.js';
import { describeOnBackends } from '../support/app.js';

/**
 * The rollups (migration 0011's triggers) against what happened (issue 12: "rollups kept up to date
 * incrementally … checked equal to a full recomputation by a test on a smaller history"): a varied history is
 * driven through the real flows, then the rows are compared with figures written out by hand, with
 * rebuildRollups' recomputation, and the summary with the hand-computed figures of its period.
 */

let now = new Date('2026-12-01T09:00:00Z');
const minutes = (m: number) => m * 60;

const snapshot = (db: Parameters<typeof rows>[0]) =>
  rows<RollupRow>(
    db,
    sql`select grain, period, office_code, service_code, visits, visits_booked, visits_portal, served, no_show,
          waited, wait_seconds, wait_over, waited_booked, wait_seconds_booked, wait_over_booked, serviced,
          service_seconds, window_days, bookings, bookings_portal, bookings_no_show, cases, cases_on_time,
          cases_overdue, ratings, wait_hist, wait_hist_booked, score_sum, satisfied
        from analytics_rollups order by grain, period, office_code, service_code`,
  );

/** A row whose every figure is zero (a booking made and cancelled) is the same as no row. */
const nonZero = (list: RollupRow[]) =>
  list.filter((r) =>
    Object.values(r).some((v) =>
      typeof v === 'number' ? v !== 0 : Array.isArray(v) && v.some((x) => x !== 0),
    ),
  );

describeOnBackends(
  'analytics: the rollups equal what happened and a recomputation',
  (ctx) => {
    let before: RollupRow[];
    let analyst: Awaited<ReturnType<typeof staffClient>>;

    beforeAll(async () => {
      await driveHistory(ctx().app, ctx().database, (at) => {
        now = at;
      });
      before = await snapshot(ctx().database.db);
      analyst = await staffClient(ctx().app, ctx().database, [
        { role: 'analyst', scope: { kind: 'region' } },
      ]);
    });

    const find = (grain: 'd' | 'm', period: string, office: string, service: string) =>
      before.find(
        (r) =>
          r.grain === grain && r.period === period && r.office_code === office && r.service_code === service,
      );

    it('keeps each office’s day as it happened (figures by hand)', () => {
      const day = (period: string, office: string, service = '*') => ({
        grain: 'd' as const,
        period,
        office,
        service,
      });
      // a year before at A: waited 4 and 14, served 10 and 5, at one window
      expect(find('d', '2025-12-01', A, '*')).toEqual(
        row(day('2025-12-01', A), {
          visits: 2,
          served: 2,
          waited: 2,
          wait_seconds: minutes(4 + 14),
          wait_hist: histogramOf([4, 14]),
          serviced: 2,
          service_seconds: minutes(10 + 5),
          window_days: 1,
        }),
      );
      // Monday at A: t1 done (waited 5, served 10), t2 not shown (waited 19), t4 done at window 2 (waited 16,
      // served 30), t3 closed at the day's end; two cases accepted
      expect(find('d', '2026-11-30', A, '*')).toEqual(
        row(day('2026-11-30', A), {
          visits: 4,
          served: 2,
          no_show: 1,
          waited: 3,
          wait_seconds: minutes(5 + 19 + 16),
          wait_over: 2,
          wait_hist: histogramOf([5, 19, 16]),
          serviced: 2,
          service_seconds: minutes(10 + 30),
          window_days: 2,
          cases: 2,
        }),
      );
      expect(find('d', '2026-11-30', A, 'egrn-extract')).toEqual(
        row(day('2026-11-30', A, 'egrn-extract'), {
          visits: 2,
          served: 1,
          waited: 1,
          wait_seconds: minutes(5),
          wait_hist: histogramOf([5]),
          serviced: 1,
          service_seconds: minutes(10),
          cases: 2,
        }),
      );
      expect(find('d', '2026-11-30', A, '')).toEqual(
        row(day('2026-11-30', A, ''), {
          visits: 1,
          no_show: 1,
          waited: 1,
          wait_seconds: minutes(19),
          wait_over: 1,
          wait_hist: histogramOf([19]),
        }),
      );
      expect(find('d', '2026-11-30', A, 'passport-rf-14')).toEqual(
        row(day('2026-11-30', A, 'passport-rf-14'), {
          visits: 1,
          served: 1,
          waited: 1,
          wait_seconds: minutes(16),
          wait_over: 1,
          wait_hist: histogramOf([16]),
          serviced: 1,
          service_seconds: minutes(30),
        }),
      );
      // Tuesday at A: t5; k1 ready on time; t1 rated all fives
      expect(find('d', '2026-12-01', A, '*')).toEqual(
        row(day('2026-12-01', A), {
          visits: 1,
          served: 1,
          waited: 1,
          wait_seconds: minutes(2),
          wait_hist: histogramOf([2]),
          serviced: 1,
          service_seconds: minutes(10),
          window_days: 1,
          cases_on_time: 1,
          ratings: 1,
          score_sum: [5, 5, 5, 5, 5],
          satisfied: [1, 1, 1, 1, 1],
        }),
      );
      // 7 December: k2 ready late; k1 rated all fours
      expect(find('d', '2026-12-07', A, '*')).toEqual(
        row(day('2026-12-07', A), {
          cases_overdue: 1,
          ratings: 1,
          score_sum: [4, 4, 4, 4, 4],
          satisfied: [1, 1, 1, 1, 1],
        }),
      );
      // Monday at B: tb1 booked (waited 3 from the booked time, served 10), tw1 walked in (waited 9, served 6);
      // bookings: bk1 kept, bk2 not kept
      expect(find('d', '2026-11-30', B, '*')).toEqual(
        row(day('2026-11-30', B), {
          visits: 2,
          visits_booked: 1,
          visits_portal: 1,
          served: 2,
          waited: 2,
          wait_seconds: minutes(3 + 9),
          wait_hist: histogramOf([3, 9]),
          waited_booked: 1,
          wait_seconds_booked: minutes(3),
          wait_hist_booked: histogramOf([3]),
          serviced: 2,
          service_seconds: minutes(10 + 6),
          window_days: 1,
          bookings: 2,
          bookings_portal: 2,
          bookings_no_show: 1,
        }),
      );
      // Monday at C: nothing
      expect(find('d', '2026-11-30', C, '*')).toBeUndefined();
      // Tuesday at C: t6 done (waited 30, served 10), t7 not shown (waited 36)
      expect(find('d', '2026-12-01', C, '*')).toEqual(
        row(day('2026-12-01', C), {
          visits: 2,
          served: 1,
          no_show: 1,
          waited: 2,
          wait_seconds: minutes(30 + 36),
          wait_over: 2,
          wait_hist: histogramOf([30, 36]),
          serviced: 1,
          service_seconds: minutes(10),
          window_days: 1,
        }),
      );
    });

    it('counts a booking on the day it is for: cancelled on Tuesday counts nowhere, moved to Wednesday counts there', () => {
      const day = (period: string, office: string) => ({ grain: 'd' as const, period, office, service: '*' });
      // Tuesday at B: only tb1's rating (2, 3, 4, 5, 1 with a comment); bk3 was cancelled and bk4 moved away
      expect(find('d', '2026-12-01', B, '*')).toEqual(
        row(day('2026-12-01', B), { ratings: 1, score_sum: [2, 3, 4, 5, 1], satisfied: [0, 0, 1, 1, 0] }),
      );
      // Wednesday at B: bk4 kept (booked for 10:30, called 10:31, served 10)
      expect(find('d', '2026-12-02', B, '*')).toEqual(
        row(day('2026-12-02', B), {
          visits: 1,
          visits_booked: 1,
          visits_portal: 1,
          served: 1,
          waited: 1,
          wait_seconds: minutes(1),
          wait_hist: histogramOf([1]),
          waited_booked: 1,
          wait_seconds_booked: minutes(1),
          wait_hist_booked: histogramOf([1]),
          serviced: 1,
          service_seconds: minutes(10),
          window_days: 1,
          bookings: 1,
          bookings_portal: 1,
        }),
      );
    });

    it('keeps each month as the sum of its days, for every office and service, and the region’s month and day of a service', () => {
      const days = before.filter((r) => r.grain === 'd' && r.office_code !== '*');
      const regionDays = before.filter((r) => r.grain === 'd' && r.office_code === '*');
      const months = before.filter((r) => r.grain === 'm' && r.office_code !== '*');
      const regionMonths = before.filter((r) => r.grain === 'm' && r.office_code === '*');
      expect(regionDays.length).toBeGreaterThan(0);
      expect(regionDays.some((r) => r.service_code === '*')).toBe(false);
      const sum = (a: number[], b: number[]) => a.map((x, i) => x + (b[i] ?? 0));
      const add = (into: RollupRow, r: RollupRow) => {
        for (const k of Object.keys(r) as (keyof RollupRow)[]) {
          const v = r[k];
          if (typeof v === 'number') (into[k] as number) = (into[k] as number) + v;
          else if (Array.isArray(v)) (into[k] as number[]) = sum(into[k] as number[], v);
        }
      };
      const rollUp = (
        list: RollupRow[],
        keyOf: (
          r: RollupRow,
        ) => Omit<RollupRow, keyof RollupRow> &
          Pick<RollupRow, 'grain' | 'period' | 'office_code' | 'service_code'>,
      ) => {
        const out = new Map<string, RollupRow>();
        for (const r of list) {
          const k = keyOf(r);
          const id = `${k.period}|${k.office_code}|${k.service_code}`;
          const m = out.get(id);
          if (m) add(m, r);
          else out.set(id, { ...r, ...k });
        }
        return [...out.values()];
      };
      const monthOf = (r: RollupRow) => `${r.period.slice(0, 7)}-01`;
      const sorted = (list: RollupRow[]) =>
        [...list].sort((x, y) =>
          `${x.period}|${x.office_code}|${x.service_code}`.localeCompare(
            `${y.period}|${y.office_code}|${y.service_code}`,
          ),
        );
      expect(sorted(months)).toEqual(
        sorted(
          rollUp(days, (r) => ({
            grain: 'm',
            period: monthOf(r),
            office_code: r.office_code,
            service_code: r.service_code,
          })),
        ),
      );
      // the region's month of a service (office '*') is the sum of the offices' months of it
      expect(sorted(regionMonths)).toEqual(
        sorted(
          rollUp(
            months.filter((r) => r.service_code !== '*'),
            (r) => ({ grain: 'm', period: r.period, office_code: '*', service_code: r.service_code }),
          ),
        ),
      );
      // and the region's day of a service is the sum of the offices' days of it
      expect(sorted(regionDays)).toEqual(
        sorted(
          rollUp(
            days.filter((r) => r.service_code !== '*'),
            (r) => ({ grain: 'd', period: r.period, office_code: '*', service_code: r.service_code }),
          ),
        ),
      );
      expect(
        regionMonths.find((r) => r.period === '2026-11-01' && r.service_code === 'egrn-extract'),
      ).toMatchObject({
        visits: 2 + 2, // t1, t3 at A; tb1, tw1 at B
        cases: 2,
        window_days: 0,
      });
      // the '*' row of a day is the sum of its services' rows (but the windows, counted once per office)
      for (const star of days.filter((r) => r.service_code === '*')) {
        const parts = days.filter(
          (r) => r.period === star.period && r.office_code === star.office_code && r.service_code !== '*',
        );
        expect(
          parts.reduce((n, r) => n + r.visits, 0),
          `${star.office_code} ${star.period}`,
        ).toBe(star.visits);
        expect(parts.reduce((n, r) => n + r.bookings, 0)).toBe(star.bookings);
        expect(parts.reduce((n, r) => n + r.ratings, 0)).toBe(star.ratings);
        expect(parts.reduce((h, r) => sum(h, r.wait_hist), histogramOf([]))).toEqual(star.wait_hist);
      }
    });

    it('equals a full recomputation from the sources (rebuildRollups), row for row, both grains', async () => {
      expect(before.length).toBeGreaterThan(20);
      await rebuildRollups(ctx().database.db, { from: '2025-11-01', to: '2026-12-31' });
      const rebuilt = nonZero(await snapshot(ctx().database.db));
      const kept = nonZero(before);
      // row by row, so that a difference names its row
      const key = (r: RollupRow) => `${r.grain} ${r.period} ${r.office_code} ${r.service_code || '(none)'}`;
      const mine = new Map(kept.map((r) => [key(r), r]));
      const theirs = new Map(rebuilt.map((r) => [key(r), r]));
      for (const k of new Set([...mine.keys(), ...theirs.keys()]))
        expect(theirs.get(k), k).toEqual(mine.get(k));
      expect(rebuilt).toEqual(kept);
    });

    it('rebuilding one month leaves the others and gives the same rows again', async () => {
      const current = nonZero(await snapshot(ctx().database.db));
      await rebuildRollups(ctx().database.db, { from: '2026-11-10', to: '2026-11-20' });
      expect(nonZero(await snapshot(ctx().database.db))).toEqual(current);
    });

    const summary = async (query: string) => {
      const res = await analyst.call({ method: 'GET', url: `/api/analytics/summary?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as AnalyticsSummary;
    };

    it('gives the summary of a period the figures computed by hand from what happened', async () => {
      // Monday 30 November to Wednesday 2 December: ten visits (A 5, B 3, C 2), nine of them called
      const s = await summary('from=2026-11-30&to=2026-12-02');
      expect(s).toMatchObject({
        from: '2026-11-30',
        to: '2026-12-02',
        visits: 10,
        visitsPrevYear: 2,
        walkInVisits: 8,
        bookedVisits: 2,
        portalVisits: 2,
        served: 7,
        noShowVisits: 2,
        casesAccepted: 2,
        casesOnTime: 1,
        casesOverdue: 0,
        bookings: 3,
        ratings: 2,
      });
      expect(s.growth).toBeCloseTo((10 - 2) / 2, 9);
      // waits 5, 19, 16, 2, 3, 9, 1, 30, 36 minutes
      expect(s.avgWaitMinutes).toBeCloseTo(121 / 9, 6);
      expect(s.shareWaitOver15).toBeCloseTo(4 / 9, 9);
      expect(s.shareWaitWithin15).toBeCloseTo(5 / 9, 9);
      // p90 from the histogram: rank 8.1 of 9; 7 below [30,40), 1.1 of its 2 → 35.5
      expect(s.p90WaitMinutes).toBeCloseTo(35.5, 6);
      expect(s.avgWaitBookedMinutes).toBeCloseTo((3 + 1) / 2, 6);
      expect(s.avgWaitWalkInMinutes).toBeCloseTo(117 / 7, 6);
      // walk-in waits 2, 5, 9, 16, 19, 30, 36: rank 6.3, 5 below [30,40), 1.3 of its 2 → 36.5
      expect(s.p90WaitWalkInMinutes).toBeCloseTo(36.5, 6);
      // booked waits 1, 3: rank 1.8, 1 below [2,4), 0.8 of its 1 → 3.6
      expect(s.p90WaitBookedMinutes).toBeCloseTo(3.6, 6);
      // served 10, 30, 10, 10, 6, 10, 10 minutes
      expect(s.avgServiceMinutes).toBeCloseTo(86 / 7, 6);
      // bk1, bk2 (not kept), bk4; bk3 cancelled
      expect(s.noShowRate).toBeCloseTo(1 / 3, 9);
      // t1 all fives, tb1 2, 3, 4, 5, 1: 7 of 10 scores at 4–5
      expect(s.satisfiedShare).toBeCloseTo(0.7, 9);
      expect(s.satisfiedByCriterion).toEqual({
        time: 0.5,
        waiting: 0.5,
        staff: 1,
        comfort: 1,
        information: 0.5,
      });
      const kpi = (code: string) => s.kpis.find((k) => k.code === code);
      expect(kpi('shareWaitOver15')).toMatchObject({ source: 'decree601', target: 0.05, status: 'red' });
      expect(kpi('satisfiedShare')).toMatchObject({ source: 'decree601', target: 0.9, status: 'red' });
    });

    it('narrows the summary to an office, a district and a service', async () => {
      const atB = await summary(`from=2026-11-30&to=2026-12-02&office=${B}`);
      expect(atB).toMatchObject({ visits: 3, bookedVisits: 2, bookings: 3, ratings: 1, casesAccepted: 0 });
      expect(atB.noShowRate).toBeCloseTo(1 / 3, 9);
      expect(await summary(`from=2026-11-30&to=2026-12-02&district=${districtOf[B]}`)).toMatchObject({
        visits: 3,
        bookings: 3,
      });
      const atA = await summary(`from=2026-11-30&to=2026-12-02&office=${A}`);
      expect(atA).toMatchObject({
        visits: 5,
        visitsPrevYear: 2,
        served: 3,
        noShowVisits: 1,
        casesAccepted: 2,
      });
      expect(atA.growth).toBeCloseTo(1.5, 9);
      expect(atA.avgWaitMinutes).toBeCloseTo((5 + 19 + 16 + 2) / 4, 6);
      const passports = await summary('from=2026-11-30&to=2026-12-02&service=passport-rf-14');
      expect(passports).toMatchObject({ visits: 1, served: 1, visitsPrevYear: 0, growth: null });
      expect(passports.avgWaitMinutes).toBeCloseTo(16, 6);
      expect(passports.shareWaitOver15).toBe(1);
    });

    it('adds up across a month boundary: November’s monthly rows plus December’s days', async () => {
      const november = await summary('from=2026-11-01&to=2026-11-30');
      const december = await summary('from=2026-12-01&to=2026-12-02');
      const both = await summary('from=2026-11-01&to=2026-12-02');
      const additive = [
        'visits',
        'walkInVisits',
        'bookedVisits',
        'served',
        'noShowVisits',
        'bookings',
        'casesAccepted',
        'casesOnTime',
        'casesOverdue',
        'ratings',
      ] as const;
      for (const k of additive) expect(both[k], k).toBe(november[k] + december[k]);
      expect(november.visits).toBe(6);
      expect(december.visits).toBe(4);
      // the mean wait of the whole is the visits-weighted mean of the parts: (5+19+16+3+9) + (2+30+36+1)
      expect(november.avgWaitMinutes).toBeCloseTo(52 / 5, 6);
      expect(december.avgWaitMinutes).toBeCloseTo(69 / 4, 6);
      expect(both.avgWaitMinutes).toBeCloseTo(121 / 9, 6);
      // two whole months: k2 late and k1's rating on 7 December come in
      const twoMonths = await summary('from=2026-11-01&to=2026-12-31');
      expect(twoMonths).toMatchObject({ visits: 10, casesOnTime: 1, casesOverdue: 1, ratings: 3 });
      expect(twoMonths.satisfiedShare).toBeCloseTo(12 / 15, 9);
      // a period with nothing in it: zeros and nulls, never an error
      const empty = await summary('from=2026-06-01&to=2026-06-30');
      expect(empty).toMatchObject({
        visits: 0,
        avgWaitMinutes: null,
        p90WaitMinutes: null,
        shareWaitOver15: null,
        satisfiedShare: null,
        noShowRate: null,
        growth: null,
      });
    });

    it('breaks the period down by agency', async () => {
      const byAgency = await analyst.call({
        method: 'GET',
        url: '/api/analytics/breakdown?by=agency&from=2026-11-30&to=2026-12-02',
      });
      expect(byAgency.statusCode, byAgency.body).toBe(200);
      const agencies = Object.fromEntries(
        (byAgency.json() as { items: { key: string; visits: number }[] }).items.map((i) => [i.key, i.visits]),
      );
      // egrn-extract (Роскадастр): t1, t3, t5, tb1, tw1, tb4, t6; passport-rf-14 (МВД, migration): t4
      expect(agencies).toEqual({ roskadastr: 7, 'mvd-migration': 1 });
    });

    it('breaks the period down by channel: walk-in, booked by other channels, booked on the portal', async () => {
      const byChannel = await analyst.call({
        method: 'GET',
        url: '/api/analytics/breakdown?by=channel&from=2026-11-30&to=2026-12-02',
      });
      expect(byChannel.statusCode, byChannel.body).toBe(200);
      const channels = Object.fromEntries(
        (byChannel.json() as { items: { key: string; visits: number }[] }).items.map((i) => [
          i.key,
          i.visits,
        ]),
      );
      expect(channels).toEqual({ walk_in: 8, booking: 0, portal: 2 });
    });

    it('ranks the top services and breaks the period down by office and by month', async () => {
      const top = await analyst.call({
        method: 'GET',
        url: '/api/analytics/top-services?from=2026-11-30&to=2026-12-02&limit=2',
      });
      expect(top.statusCode, top.body).toBe(200);
      const items = (top.json() as { items: { service: string; visits: number }[] }).items;
      // egrn-extract: t1, t3, t5, tb1, tw1, tb4, t6 = 7; passport-rf-14: 1 (visits without a service are no service)
      expect(items.map((i) => [i.service, i.visits])).toEqual([
        ['egrn-extract', 7],
        ['passport-rf-14', 1],
      ]);
      const byOffice = await analyst.call({
        method: 'GET',
        url: '/api/analytics/breakdown?by=office&from=2026-11-30&to=2026-12-02',
      });
      expect(byOffice.statusCode, byOffice.body).toBe(200);
      const offices = Object.fromEntries(
        (byOffice.json() as { items: { key: string; visits: number }[] }).items.map((i) => [i.key, i.visits]),
      );
      expect(offices).toMatchObject({ [A]: 5, [B]: 3, [C]: 2 });
      const byMonth = await analyst.call({
        method: 'GET',
        url: '/api/analytics/breakdown?by=month&from=2025-12-01&to=2026-12-31',
      });
      expect(byMonth.statusCode, byMonth.body).toBe(200);
      const months = (byMonth.json() as { items: { key: string; visits: number }[] }).items.filter(
        (i) => i.visits > 0,
      );
      expect(months.map((m) => [m.key.slice(0, 7), m.visits])).toEqual([
        ['2025-12', 2],
        ['2026-11', 6],
        ['2026-12', 4],
      ]);
    });
  },
  { clock: () => now },
);
