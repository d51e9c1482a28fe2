import { z } from 'zod';
import { parsePoint } from './geo.js';

/** Contracts of the network API (districts, offices, calendar), shared by the server and the web app. */

/**
 * A calendar date, YYYY-MM-DD, that okno can represent and compute with: a real date in the years
 * 1900–2999 (`Date.UTC` reads the years 0–99 as 1900–1999, and 9999-12-31 plus a few days leaves the
 * four-digit years). The one date parser of the API: a date outside is a 400 naming the field.
 */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real date',
  )
  .refine((s) => s >= '1900-01-01' && s <= '2999-12-31', 'expected a date in the years 1900–2999');
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM');

export const officeKindSchema = z.enum(['main', 'remote', 'kiosk']);
export type OfficeKind = z.infer<typeof officeKindSchema>;
export const dayKindSchema = z.enum(['working', 'dayoff', 'short']);
export type DayKind = z.infer<typeof dayKindSchema>;

export const districtSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['city', 'rural']),
  population: z.number().int(),
  officeCount: z.number().int(),
});
export type District = z.infer<typeof districtSchema>;

export const windowSchema = z.object({
  number: z.number().int(),
  label: z.string(),
  serviceCodes: z.array(z.string()),
  categoryCodes: z.array(z.string()),
});

export const weeklyHoursSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: timeSchema,
  closes: timeSchema,
  breakStart: timeSchema.nullable(),
  breakEnd: timeSchema.nullable(),
});
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

/** One day of an office's hours, resolved against its exceptions and the production calendar. */
export const resolvedDaySchema = z.object({
  date: isoDateSchema,
  weekday: z.number().int().min(1).max(7),
  open: z.boolean(),
  opens: timeSchema.nullable(),
  closes: timeSchema.nullable(),
  breakStart: timeSchema.nullable(),
  breakEnd: timeSchema.nullable(),
  /** Why the day differs from the weekly hours: a holiday, a short pre-holiday day, an office exception. */
  reason: z.enum(['regular', 'holiday', 'short', 'working-weekend', 'exception-closed', 'exception-hours']),
  note: z.string().nullable(),
});
export type ResolvedDay = z.infer<typeof resolvedDaySchema>;

export const officeSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: officeKindSchema,
  district: z.object({ code: z.string(), name: z.string() }),
  address: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  status: z.enum(['open', 'closed']),
  windowCount: z.number().int(),
  /** Whether it is open at this moment in its own time zone. */
  openNow: z.boolean(),
  /** Today's resolved hours, in the office's time zone. */
  today: resolvedDaySchema,
  /** Kilometres from the point of `near`, when the list was asked for with one (null: no coordinates). */
  distanceKm: z.number().nullable().optional(),
});
export type OfficeSummary = z.infer<typeof officeSummarySchema>;

export const officeDetailSchema = officeSummarySchema.extend({
  email: z.string().nullable(),
  windows: z.array(windowSchema),
  weeklyHours: z.array(weeklyHoursSchema),
  /** The next 7 days starting today (office time zone). */
  week: z.array(resolvedDaySchema),
  services: z.array(z.object({ code: z.string(), title: z.string(), category: z.string().nullable() })),
});
export type OfficeDetail = z.infer<typeof officeDetailSchema>;

export const officesQuerySchema = z.object({
  district: z.string().max(64).optional(),
  kind: officeKindSchema.optional(),
  service: z.string().max(64).optional(),
  openNow: z.enum(['true', 'false']).optional(),
  /** `lat,lon` of the person (the browser's location, with consent): nearest first, with `distanceKm`. */
  near: z
    .string()
    .max(60)
    .refine((v) => parsePoint(v) !== undefined, 'expected "lat,lon" in degrees, e.g. 52.61,39.59')
    .optional(),
});

export const calendarQuerySchema = z.object({ from: isoDateSchema, to: isoDateSchema });
export const calendarResponseSchema = z.object({
  days: z.array(
    z.object({ date: isoDateSchema, kind: dayKindSchema, note: z.string().nullable().optional() }),
  ),
});
export const addWorkingDaysQuerySchema = z.object({
  from: isoDateSchema,
  // An empty `days=` must be refused, not read as 0: hence a string pattern before the number.
  days: z
    .string()
    .regex(/^-?\d{1,4}$/, 'expected a whole number of days')
    .transform(Number)
    .pipe(z.number().int().min(-3650).max(3650)),
});
