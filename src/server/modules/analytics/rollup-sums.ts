import type { AnalyticsFigures, Kpi } from '../../../shared/analytics.js';
import {
  growthOf,
  type KpiCode,
  kpiStatus,
  kpiTargets,
  meanOf,
  quantileFromHistogram,
  shareOf,
  waitBucketCount,
} from '../../../shared/analytics-kpi.js';
import { ratingCriteria } from '../../../shared/ratings.js';

/**
 * The sums of rollup rows (migration 0011's counters, histograms and score arrays) and the figures they give
 * (pure): what a dashboard shows is always computed here, from sums the database added up.
 */
export const rollupCounters = [
  'visits',
  'visits_booked',
  'visits_portal',
  'served',
  'no_show',
  'waited',
  'wait_seconds',
  'wait_over',
  'waited_booked',
  'wait_seconds_booked',
  'wait_over_booked',
  'serviced',
  'service_seconds',
  'window_days',
  'bookings',
  'bookings_portal',
  'bookings_no_show',
  'cases',
  'cases_on_time',
  'cases_overdue',
  'ratings',
] as const;
export type RollupCounter = (typeof rollupCounters)[number];

export type RollupSums = Record<RollupCounter, number> & {
  waitHist: number[];
  waitHistBooked: number[];
  scoreSum: number[];
  satisfied: number[];
};

export const emptySums = (): RollupSums => ({
  ...(Object.fromEntries(rollupCounters.map((c) => [c, 0])) as Record<RollupCounter, number>),
  waitHist: Array(waitBucketCount).fill(0),
  waitHistBooked: Array(waitBucketCount).fill(0),
  scoreSum: Array(ratingCriteria.length).fill(0),
  satisfied: Array(ratingCriteria.length).fill(0),
});

/** A row of the sums query (columns named by rollupSumsSelect) to sums. */
export function sumsOfRow(row: Record<string, unknown>): RollupSums {
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  const s = emptySums();
  for (const c of rollupCounters) s[c] = n(row[c]);
  for (let i = 0; i < waitBucketCount; i++) {
    s.waitHist[i] = n(row[`h${i}`]);
    s.waitHistBooked[i] = n(row[`hb${i}`]);
  }
  for (let i = 0; i < ratingCriteria.length; i++) {
    s.scoreSum[i] = n(row[`ss${i}`]);
    s.satisfied[i] = n(row[`sat${i}`]);
  }
  return s;
}

/** The select list that adds up rollup rows `r`, one column per counter and bucket. */
export const rollupSumsSelect = [
  ...rollupCounters.map((c) => `sum(r.${c})::float8 as ${c}`),
  ...Array.from({ length: waitBucketCount }, (_, i) => `sum(r.wait_hist[${i + 1}])::float8 as h${i}`),
  ...Array.from({ length: waitBucketCount }, (_, i) => `sum(r.wait_hist_booked[${i + 1}])::float8 as hb${i}`),
  ...ratingCriteria.map((_, i) => `sum(r.score_sum[${i + 1}])::float8 as ss${i}`),
  ...ratingCriteria.map((_, i) => `sum(r.satisfied[${i + 1}])::float8 as sat${i}`),
].join(', ');

const minutes = (seconds: number, count: number) => {
  const m = meanOf(seconds, count);
  return m === null ? null : m / 60;
};

/** The figures of one slice; `prevVisits` are the same period's visits a year before. */
export function figuresOf(s: RollupSums, prevVisits: number): AnalyticsFigures {
  const scores = s.scoreSum.length ? s.ratings * ratingCriteria.length : 0;
  return {
    visits: s.visits,
    visitsPrevYear: prevVisits,
    growth: growthOf(s.visits, prevVisits),
    avgWaitMinutes: minutes(s.wait_seconds, s.waited),
    p90WaitMinutes: quantileFromHistogram(s.waitHist, 0.9),
    shareWaitOver15: shareOf(s.wait_over, s.waited),
    avgServiceMinutes: minutes(s.service_seconds, s.serviced),
    casesOnTime: s.cases_on_time,
    casesOverdue: s.cases_overdue,
    bookings: s.bookings,
    noShowRate: shareOf(s.bookings_no_show, s.bookings),
    ratings: s.ratings,
    satisfiedShare: shareOf(
      s.satisfied.reduce((a, b) => a + b, 0),
      scores,
    ),
  };
}

/** What the summary adds to the figures: booked vs walk-in, per criterion, the KPI panel. */
export function summaryExtras(s: RollupSums, f: AnalyticsFigures) {
  const walkInHist = s.waitHist.map((n, i) => n - (s.waitHistBooked[i] ?? 0));
  const finished = s.cases_on_time + s.cases_overdue;
  const values: Record<KpiCode, number | null> = {
    shareWaitOver15: f.shareWaitOver15,
    satisfiedShare: f.satisfiedShare,
    avgWaitMinutes: f.avgWaitMinutes,
    overdueShare: shareOf(s.cases_overdue, finished),
    noShowRate: f.noShowRate,
  };
  const kpis: Kpi[] = (Object.keys(kpiTargets) as KpiCode[]).map((code) => {
    const t = kpiTargets[code];
    return {
      code,
      source: t.source,
      value: values[code],
      target: t.target,
      direction: t.direction,
      status: kpiStatus(values[code], t),
    };
  });
  return {
    walkInVisits: s.visits - s.visits_booked,
    bookedVisits: s.visits_booked,
    portalVisits: s.visits_portal,
    served: s.served,
    noShowVisits: s.no_show,
    avgWaitBookedMinutes: minutes(s.wait_seconds_booked, s.waited_booked),
    avgWaitWalkInMinutes: minutes(s.wait_seconds - s.wait_seconds_booked, s.waited - s.waited_booked),
    p90WaitBookedMinutes: quantileFromHistogram(s.waitHistBooked, 0.9),
    p90WaitWalkInMinutes: quantileFromHistogram(walkInHist, 0.9),
    shareWaitWithin15: shareOf(s.waited - s.wait_over, s.waited),
    visitsPerWindowDay: meanOf(s.served, s.window_days),
    casesAccepted: s.cases,
    satisfiedByCriterion: Object.fromEntries(
      ratingCriteria.map((c, i) => [c, shareOf(s.satisfied[i] ?? 0, s.ratings)]),
    ) as Record<(typeof ratingCriteria)[number], number | null>,
    kpis,
  };
}
