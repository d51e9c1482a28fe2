/**
 * The KPI formulas of the analytics (issue 12), pure: shares, growth, a percentile from the rollups' wait
 * histogram, and the red/amber/green of a KPI against its target.
 */

/**
 * The wait histogram's buckets: upper bounds in minutes (exclusive); the last is open. A wait of w minutes
 * falls in the first bucket whose bound is above it. Migration 0011's `analytics_wait_bucket` is the same.
 */
export const waitBucketBounds = [2, 4, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 90, 120] as const;
export const waitBucketCount = waitBucketBounds.length + 1;

export function waitBucket(minutes: number): number {
  const i = waitBucketBounds.findIndex((b) => minutes < b);
  return i === -1 ? waitBucketBounds.length : i;
}

/** A share, or null when there is nothing to measure. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Year-over-year growth: (now − before) / before; null when there was nothing before. */
export const growthOf = (now: number, before: number): number | null =>
  before > 0 ? (now - before) / before : null;

export const meanOf = (sum: number, count: number): number | null => (count > 0 ? sum / count : null);

/**
 * The q-quantile (0–1) of waits from the histogram, interpolated linearly inside its bucket (the open last
 * bucket counts as twice its lower bound wide). Null for an empty histogram.
 */
export function quantileFromHistogram(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] ?? 0;
    if (n > 0 && below + n >= rank) {
      const lo = i === 0 ? 0 : (waitBucketBounds[i - 1] ?? 0);
      const hi = waitBucketBounds[i] ?? lo * 2;
      return lo + ((rank - below) / n) * (hi - lo);
    }
    below += n;
  }
  return waitBucketBounds.at(-1) ?? null;
}

/** Decree 601's targets and the region's own. */
export const kpiTargets = {
  /** Decree 601: the share of visitors waiting over 15 minutes stays at most this (none should). */
  shareWaitOver15: { source: 'decree601', target: 0.05, direction: 'max', amberBand: 0.05 },
  /** Decree 601: at least 90% of the rated are satisfied. */
  satisfiedShare: { source: 'decree601', target: 0.9, direction: 'min', amberBand: 0.05 },
  /** The region's own: mean wait at most 10 minutes. */
  avgWaitMinutes: { source: 'region', target: 10, direction: 'max', amberBand: 5 },
  /** The region's own: at most 2% of finished cases late. */
  overdueShare: { source: 'region', target: 0.02, direction: 'max', amberBand: 0.03 },
  /** The region's own: at most 10% of bookings not kept. */
  noShowRate: { source: 'region', target: 0.1, direction: 'max', amberBand: 0.05 },
} as const;
export type KpiCode = keyof typeof kpiTargets;

/** Green within the target; amber within its band beyond it; red further; none without a value. */
export function kpiStatus(
  value: number | null,
  t: { target: number; direction: 'max' | 'min'; amberBand: number },
): 'green' | 'amber' | 'red' | 'none' {
  if (value === null) return 'none';
  const miss = t.direction === 'max' ? value - t.target : t.target - value;
  if (miss <= 1e-12) return 'green';
  return miss <= t.amberBand + 1e-12 ? 'amber' : 'red';
}
