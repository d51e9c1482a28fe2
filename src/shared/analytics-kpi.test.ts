import {
  growthOf,
  kpiStatus,
  kpiTargets,
  meanOf,
  quantileFromHistogram,
  shareOf,
  waitBucket,
  waitBucketBounds,
  waitBucketCount,
} from './analytics-kpi.js';

/** A histogram of 16 buckets with the given counts at the given bucket indexes. */
const histogram = (counts: Record<number, number>) =>
  Array.from({ length: waitBucketCount }, (_, i) => counts[i] ?? 0);

describe('the wait histogram’s buckets', () => {
  it('has fifteen bounds and an open last bucket, as migration 0011’s analytics_wait_bucket', () => {
    expect(waitBucketBounds).toEqual([2, 4, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 90, 120]);
    expect(waitBucketCount).toBe(16);
  });

  it('puts a wait in the first bucket whose bound is above it (bounds are exclusive)', () => {
    expect(waitBucket(0)).toBe(0);
    expect(waitBucket(1.99)).toBe(0);
    expect(waitBucket(2)).toBe(1);
    expect(waitBucket(14.99)).toBe(6); // [12, 15): within 15 minutes
    expect(waitBucket(15)).toBe(7); // [15, 20)
    expect(waitBucket(119.5)).toBe(14);
    expect(waitBucket(120)).toBe(15);
    expect(waitBucket(600)).toBe(15);
  });
});

describe('shares, means and growth', () => {
  it('share waiting over 15 minutes and within: 13 of 200 waited over → 6.5% over, 93.5% within', () => {
    const over = shareOf(13, 200);
    expect(over).toBeCloseTo(0.065, 12);
    expect(1 - (over ?? 0)).toBeCloseTo(0.935, 12);
    // nobody waited: nothing to measure, not 0%
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(0, 10)).toBe(0);
    expect(shareOf(10, 10)).toBe(1);
  });

  it('satisfaction share: 37 of 40 ratings at 4–5 → 92.5%; 9 of 10 → exactly 90%', () => {
    expect(shareOf(37, 40)).toBeCloseTo(0.925, 12);
    expect(shareOf(9, 10)).toBeCloseTo(0.9, 12);
    expect(shareOf(0, 0)).toBeNull();
  });

  it('year-over-year growth: 2.4 M after 2 M is +20%; 1,800 after 2,000 is −10%; from nothing is null', () => {
    expect(growthOf(2_400_000, 2_000_000)).toBeCloseTo(0.2, 12);
    expect(growthOf(1_800, 2_000)).toBeCloseTo(-0.1, 12);
    expect(growthOf(0, 10)).toBe(-1);
    expect(growthOf(7, 7)).toBe(0);
    expect(growthOf(5, 0)).toBeNull();
    expect(growthOf(0, 0)).toBeNull();
  });

  it('mean: 3 visits waiting 300, 600 and 1,200 s → 700 s; no visits → null', () => {
    expect(meanOf(300 + 600 + 1_200, 3)).toBe(700);
    expect(meanOf(0, 0)).toBeNull();
  });
});

describe('quantileFromHistogram', () => {
  // 100 waits: 10 in [0,2), 30 in [2,4), 40 in [4,6), 20 in [6,8)
  const h = histogram({ 0: 10, 1: 30, 2: 40, 3: 20 });

  it('interpolates linearly inside the bucket the rank falls in (hand-computed)', () => {
    // median: rank 50; 40 below [4,6), 10 of its 40 → 4 + 10/40 × 2 = 4.5
    expect(quantileFromHistogram(h, 0.5)).toBeCloseTo(4.5, 12);
    // p90: rank 90; 80 below [6,8), 10 of its 20 → 6 + 10/20 × 2 = 7
    expect(quantileFromHistogram(h, 0.9)).toBeCloseTo(7, 12);
    // p10: rank 10 is the whole first bucket → its upper bound 2
    expect(quantileFromHistogram(h, 0.1)).toBeCloseTo(2, 12);
    // p25: rank 25; 10 below [2,4), 15 of its 30 → 2 + 15/30 × 2 = 3
    expect(quantileFromHistogram(h, 0.25)).toBeCloseTo(3, 12);
  });

  it('gives the lower bound of the first non-empty bucket for q = 0 and the upper of the last for q = 1', () => {
    const gaps = histogram({ 2: 5, 9: 5 }); // [4,6) and [25,30), nothing between
    expect(quantileFromHistogram(gaps, 0)).toBe(4);
    expect(quantileFromHistogram(gaps, 1)).toBe(30);
    // the rank 5 ends the first bucket: its upper bound, never a point inside the empty buckets between
    expect(quantileFromHistogram(gaps, 0.5)).toBe(6);
    // rank 7.5: 2.5 of the 5 in [25,30) → 27.5
    expect(quantileFromHistogram(gaps, 0.75)).toBeCloseTo(27.5, 12);
  });

  it('reads a p90 across the 15-minute bound: 90 waits under 12 minutes, 10 in [15,20)', () => {
    const tail = histogram({ 5: 90, 7: 10 }); // [10,12) and [15,20)
    // rank 90 ends [10,12) exactly
    expect(quantileFromHistogram(tail, 0.9)).toBeCloseTo(12, 12);
    // rank 95: 5 of the 10 in [15,20) → 17.5
    expect(quantileFromHistogram(tail, 0.95)).toBeCloseTo(17.5, 12);
  });

  it('counts the open last bucket from 120 to 240 minutes', () => {
    const long = histogram({ 15: 4 });
    expect(quantileFromHistogram(long, 0.5)).toBeCloseTo(180, 12);
    expect(quantileFromHistogram(long, 1)).toBeCloseTo(240, 12);
  });

  it('is null for an empty histogram, and single-valued for one wait', () => {
    expect(quantileFromHistogram(histogram({}), 0.9)).toBeNull();
    expect(quantileFromHistogram([], 0.5)).toBeNull();
    // one wait in [8,10): the median is the bucket's middle
    expect(quantileFromHistogram(histogram({ 4: 1 }), 0.5)).toBeCloseTo(9, 12);
  });

  it('never decreases as q grows', () => {
    const mixed = histogram({ 0: 3, 2: 7, 6: 11, 7: 2, 12: 1, 15: 1 });
    let last = Number.NEGATIVE_INFINITY;
    for (let q = 0; q <= 1.0000001; q += 0.01) {
      const value = quantileFromHistogram(mixed, Math.min(q, 1)) ?? Number.NaN;
      expect(value).toBeGreaterThanOrEqual(last);
      last = value;
    }
  });
});

describe('kpiStatus', () => {
  it('share waiting over 15 minutes (Decree 601, at most 5%, amber to 10%)', () => {
    const t = kpiTargets.shareWaitOver15;
    expect(kpiStatus(0, t)).toBe('green');
    expect(kpiStatus(0.03, t)).toBe('green');
    expect(kpiStatus(0.05, t)).toBe('green'); // on the target is within it
    expect(kpiStatus(0.0501, t)).toBe('amber');
    expect(kpiStatus(0.08, t)).toBe('amber');
    expect(kpiStatus(0.1, t)).toBe('amber'); // the band's edge (0.1 − 0.05 in floating point)
    expect(kpiStatus(0.1001, t)).toBe('red');
    expect(kpiStatus(0.4, t)).toBe('red');
    expect(kpiStatus(null, t)).toBe('none');
  });

  it('satisfied share (Decree 601, at least 90%, amber down to 85%)', () => {
    const t = kpiTargets.satisfiedShare;
    expect(kpiStatus(1, t)).toBe('green');
    expect(kpiStatus(0.925, t)).toBe('green');
    expect(kpiStatus(0.9, t)).toBe('green');
    expect(kpiStatus(0.8999, t)).toBe('amber');
    expect(kpiStatus(0.87, t)).toBe('amber');
    expect(kpiStatus(0.85, t)).toBe('amber'); // 0.9 − 0.85 = 0.05000000000000004 in floating point
    expect(kpiStatus(0.8499, t)).toBe('red');
    expect(kpiStatus(0.5, t)).toBe('red');
    expect(kpiStatus(null, t)).toBe('none');
  });

  it('the region’s own: mean wait ≤ 10 min (amber to 15), overdue ≤ 2% (amber to 5%), no-show ≤ 10% (amber to 15%)', () => {
    expect(kpiStatus(9.5, kpiTargets.avgWaitMinutes)).toBe('green');
    expect(kpiStatus(12, kpiTargets.avgWaitMinutes)).toBe('amber');
    expect(kpiStatus(15, kpiTargets.avgWaitMinutes)).toBe('amber');
    expect(kpiStatus(15.5, kpiTargets.avgWaitMinutes)).toBe('red');
    expect(kpiStatus(0.02, kpiTargets.overdueShare)).toBe('green');
    expect(kpiStatus(0.04, kpiTargets.overdueShare)).toBe('amber');
    expect(kpiStatus(0.06, kpiTargets.overdueShare)).toBe('red');
    expect(kpiStatus(0.1, kpiTargets.noShowRate)).toBe('green');
    expect(kpiStatus(0.14, kpiTargets.noShowRate)).toBe('amber');
    expect(kpiStatus(0.16, kpiTargets.noShowRate)).toBe('red');
  });

  it('names Decree 601 as the source of the two federal targets and the region of the others', () => {
    expect(kpiTargets.shareWaitOver15.source).toBe('decree601');
    expect(kpiTargets.satisfiedShare.source).toBe('decree601');
    expect(kpiTargets.avgWaitMinutes.source).toBe('region');
  });
});
