import { z } from 'zod';
import { isoDateSchema } from './network.js';
import { exportFormatSchema, ratingCriteria } from './ratings.js';

/**
 * Analytics of the whole network (issue 12): contracts of /api/analytics/*. Every figure is read from the
 * rollups (migration 0011), never recomputed per request. Shares are fractions 0–1; minutes are decimals;
 * a figure with nothing to measure is null. Dates are the offices' local dates, inclusive.
 */

const code = z.string().trim().min(1).max(64);

/** The filters every analytics query takes; a view's URL carries the same names. */
const filterShape = z.object({
  /** Inclusive; default: 29 days before `to`. */
  from: isoDateSchema.optional(),
  /** Inclusive; default: today in the region. */
  to: isoDateSchema.optional(),
  district: code.optional(),
  office: code.optional(),
  service: code.optional(),
  format: exportFormatSchema.default('json'),
});

/** `from` not after `to`, and at most ten years apart. */
const periodChecked = <T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) =>
  schema.superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'the period starts after it ends',
        params: { rule: 'from_after_to' },
      });
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > 3660 * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'a period of at most ten years',
        params: { rule: 'period_too_long' },
      });
  });

export const analyticsFilterSchema = periodChecked(filterShape);
export type AnalyticsFilter = z.infer<typeof analyticsFilterSchema>;

const share = z.number().min(0).max(1).nullable();
const minutes = z.number().nullable();
const criteriaShares = z.object(
  Object.fromEntries(ratingCriteria.map((c) => [c, share])) as Record<
    (typeof ratingCriteria)[number],
    typeof share
  >,
);

/** The figures of one slice (the whole filter, or one row of a breakdown). */
export const analyticsFiguresSchema = z.object({
  visits: z.number().int(),
  visitsPrevYear: z.number().int(),
  /** (visits − visitsPrevYear) / visitsPrevYear; null without last year's visits. */
  growth: z.number().nullable(),
  avgWaitMinutes: minutes,
  p90WaitMinutes: minutes,
  shareWaitOver15: share,
  avgServiceMinutes: minutes,
  casesOnTime: z.number().int(),
  casesOverdue: z.number().int(),
  bookings: z.number().int(),
  noShowRate: share,
  ratings: z.number().int(),
  /** Scores of 4–5 among all criteria scores. */
  satisfiedShare: share,
});
export type AnalyticsFigures = z.infer<typeof analyticsFiguresSchema>;

export const kpiStatusSchema = z.enum(['green', 'amber', 'red', 'none']);
export type KpiStatus = z.infer<typeof kpiStatusSchema>;
export const kpiSchema = z.object({
  code: z.string(),
  /** Who set the target: Decree 601 or the region. */
  source: z.enum(['decree601', 'region']),
  value: z.number().nullable(),
  target: z.number(),
  /** Whether the value must stay at most (`max`) or at least (`min`) the target. */
  direction: z.enum(['max', 'min']),
  status: kpiStatusSchema,
});
export type Kpi = z.infer<typeof kpiSchema>;

/** GET /api/analytics/summary (the issue's fields, then additions documented in the OpenAPI). */
export const analyticsSummarySchema = analyticsFiguresSchema.extend({
  from: z.string(),
  to: z.string(),
  walkInVisits: z.number().int(),
  bookedVisits: z.number().int(),
  portalVisits: z.number().int().describe('visits booked on the portal (part of bookedVisits)'),
  served: z.number().int(),
  noShowVisits: z.number().int(),
  avgWaitBookedMinutes: minutes,
  avgWaitWalkInMinutes: minutes,
  p90WaitBookedMinutes: minutes,
  p90WaitWalkInMinutes: minutes,
  shareWaitWithin15: share,
  visitsPerWindowDay: z.number().nullable(),
  casesAccepted: z.number().int(),
  satisfiedByCriterion: criteriaShares,
  kpis: z.array(kpiSchema),
});
export type AnalyticsSummary = z.infer<typeof analyticsSummarySchema>;

/** GET /api/analytics/top-services?from=&to=&limit= (and the filters). */
export const topServicesQuerySchema = periodChecked(
  filterShape.extend({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
);
export const topServicesSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      service: z.string(),
      title: z.string(),
      visits: z.number().int(),
      visitsPrevYear: z.number().int(),
      growth: z.number().nullable(),
    }),
  ),
});
export type TopServices = z.infer<typeof topServicesSchema>;

export const breakdownDimensionSchema = z.enum([
  'district',
  'office',
  'service',
  'agency',
  'channel',
  'month',
  'day',
]);
export type BreakdownDimension = z.infer<typeof breakdownDimensionSchema>;

/** GET /api/analytics/breakdown?by=&… : one row per district, office, service, agency, channel or period. */
export const breakdownQuerySchema = periodChecked(
  filterShape.extend({
    by: breakdownDimensionSchema,
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  }),
);
export const breakdownRowSchema = analyticsFiguresSchema.extend({
  key: z.string(),
  title: z.string(),
  visitsPerWindowDay: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;
export const breakdownSchema = z.object({
  by: breakdownDimensionSchema,
  from: z.string(),
  to: z.string(),
  items: z.array(breakdownRowSchema),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

// ── the situational center ───────────────────────────────────────────────────────────────────────────────

export const situationAlertSchema = z.object({
  kind: z.enum(['wait_over_target', 'window_closed', 'kiosk_offline']),
  /** wait_over_target: the longest wait in minutes; window_closed: the window; kiosk_offline: the kiosk's label. */
  minutes: z.number().int().nullable(),
  window: z.number().int().nullable(),
  kiosk: z.string().nullable(),
});
export type SituationAlert = z.infer<typeof situationAlertSchema>;

export const situationOfficeSchema = z.object({
  code: z.string(),
  name: z.string(),
  district: z.string(),
  kind: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** The office's time zone (its clock shows times in it). */
  timeZone: z.string(),
  open: z.boolean(),
  waiting: z.number().int(),
  longestWaitMinutes: z.number().int().nullable(),
  predictedWaitMinutes: z.number().int().nullable(),
  windowsOpen: z.number().int(),
  windowsTotal: z.number().int(),
  visitsToday: z.number().int(),
  /** The mean of the same weekday over the previous four weeks (from the rollups). */
  usualVisits: z.number().nullable(),
  alerts: z.array(situationAlertSchema),
});
export type SituationOffice = z.infer<typeof situationOfficeSchema>;

/** GET /api/analytics/situation (live; SSE on /api/analytics/situation/stream announces changes). */
export const situationSchema = z.object({
  at: z.string(),
  targetWaitMinutes: z.number().int(),
  offices: z.array(situationOfficeSchema),
});
export type Situation = z.infer<typeof situationSchema>;
