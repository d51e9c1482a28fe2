import { z } from 'zod';
import { codeSchema, nameText, shortText } from './admin-common.js';
import { dayKindSchema, isoDateSchema, officeKindSchema, timeSchema, windowSchema } from './network.js';
import { districtSchema as districtFileSchema } from './region-data.js';

/**
 * Contracts of the network's admin API: districts, offices (card, windows, hours, exceptions, services),
 * the production calendar.
 */

// ── districts ─────────────────────────────────────────────────────────────────────────────────────────
export const districtInputSchema = districtFileSchema.extend({
  name: nameText,
  population: z.number().int().min(0).max(100_000_000),
});
export const districtUpdateSchema = districtInputSchema.omit({ code: true });
export type DistrictInput = z.infer<typeof districtInputSchema>;
export const adminDistrictSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['city', 'rural']),
  population: z.number().int(),
  officeCount: z.number().int(),
});
export type AdminDistrict = z.infer<typeof adminDistrictSchema>;

// ── offices ───────────────────────────────────────────────────────────────────────────────────────────
const timeZoneSchema = z
  .string()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a known IANA time zone', params: { rule: 'time_zone' } },
  );

export const officeInputSchema = z.object({
  code: codeSchema,
  name: nameText,
  kind: officeKindSchema,
  district: codeSchema,
  address: nameText,
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
  phone: z.string().max(50).nullable().default(null),
  email: z.email().max(200).nullable().default(null),
  timeZone: timeZoneSchema.nullable().default(null),
});
export const officeUpdateSchema = officeInputSchema.omit({ code: true });
export type OfficeInput = z.infer<typeof officeInputSchema>;
export type OfficeUpdate = z.infer<typeof officeUpdateSchema>;

export const windowInputSchema = z.object({
  number: z.number().int().min(1).max(999),
  label: z.string().trim().min(1).max(100),
  serviceCodes: z.array(codeSchema).max(1000).default([]),
  categoryCodes: z.array(codeSchema).max(200).default([]),
});
export const windowsBodySchema = z.object({
  windows: z
    .array(windowInputSchema)
    .max(200)
    .superRefine((list, ctx) => {
      const seen = new Set<number>();
      list.forEach((w, i) => {
        if (seen.has(w.number))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'number'],
            message: 'duplicate window number',
            params: { rule: 'duplicate' },
          });
        seen.add(w.number);
      });
    }),
});
export type WindowInput = z.infer<typeof windowInputSchema>;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const hoursInputSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    opens: timeSchema,
    closes: timeSchema,
    breakStart: timeSchema.nullish().transform((v) => v ?? null),
    breakEnd: timeSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine((h, ctx) => {
    if (minutes(h.closes) <= minutes(h.opens))
      ctx.addIssue({
        code: 'custom',
        path: ['closes'],
        message: 'must be later than opens',
        params: { rule: 'later_than_opens' },
      });
    if ((h.breakStart === null) !== (h.breakEnd === null)) {
      const path = [h.breakStart === null ? 'breakStart' : 'breakEnd'];
      ctx.addIssue({
        code: 'custom',
        path,
        message: 'a break needs both breakStart and breakEnd',
        params: { rule: 'break_both' },
      });
    } else if (h.breakStart !== null && h.breakEnd !== null) {
      if (minutes(h.breakStart) < minutes(h.opens) || minutes(h.breakStart) >= minutes(h.closes))
        ctx.addIssue({
          code: 'custom',
          path: ['breakStart'],
          message: 'must be within opens and closes',
          params: { rule: 'break_within' },
        });
      else if (minutes(h.breakEnd) <= minutes(h.breakStart) || minutes(h.breakEnd) > minutes(h.closes))
        ctx.addIssue({
          code: 'custom',
          path: ['breakEnd'],
          message: 'must be after breakStart and not after closes',
          params: { rule: 'break_end' },
        });
    }
  });
export const hoursBodySchema = z.object({
  hours: z
    .array(hoursInputSchema)
    .max(7)
    .superRefine((list, ctx) => {
      const seen = new Set<number>();
      list.forEach((h, i) => {
        if (seen.has(h.weekday))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'weekday'],
            message: 'duplicate weekday',
            params: { rule: 'duplicate' },
          });
        seen.add(h.weekday);
      });
    }),
});
export type HoursInput = z.infer<typeof hoursInputSchema>;

export const exceptionInputSchema = z
  .object({
    kind: z.enum(['closed', 'hours']),
    opens: timeSchema.nullish().transform((v) => v ?? null),
    closes: timeSchema.nullish().transform((v) => v ?? null),
    note: shortText.nullish().transform((v) => v ?? null),
  })
  .superRefine((e, ctx) => {
    if (e.kind !== 'hours') return;
    if (e.opens === null)
      ctx.addIssue({
        code: 'custom',
        path: ['opens'],
        message: 'required for kind "hours"',
        params: { rule: 'required' },
      });
    if (e.closes === null)
      ctx.addIssue({
        code: 'custom',
        path: ['closes'],
        message: 'required for kind "hours"',
        params: { rule: 'required' },
      });
    if (e.opens !== null && e.closes !== null && minutes(e.closes) <= minutes(e.opens))
      ctx.addIssue({
        code: 'custom',
        path: ['closes'],
        message: 'must be later than opens',
        params: { rule: 'later_than_opens' },
      });
  });
export type ExceptionInput = z.infer<typeof exceptionInputSchema>;
export const officeDateParamsSchema = z.object({ code: codeSchema, date: isoDateSchema });

export const officeServicesBodySchema = z.object({
  offersAll: z.boolean(),
  services: z.array(codeSchema).max(2000).default([]),
});
export type OfficeServicesInput = z.infer<typeof officeServicesBodySchema>;

export const hoursWarningSchema = z.object({
  /** weeklyHoursWarnings (office-hours.ts): too-few-days, short-working-day, no-evening. */
  code: z.enum(['too-few-days', 'short-working-day', 'no-evening']),
  message: z.string(),
});
export type HoursWarning = z.infer<typeof hoursWarningSchema>;

const weeklyHoursOut = z.object({
  weekday: z.number().int(),
  opens: timeSchema,
  closes: timeSchema,
  breakStart: timeSchema.nullable(),
  breakEnd: timeSchema.nullable(),
});
const exceptionOut = z.object({
  date: isoDateSchema,
  kind: z.enum(['closed', 'hours']),
  opens: timeSchema.nullable(),
  closes: timeSchema.nullable(),
  note: z.string().nullable(),
});

export const adminOfficeSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: officeKindSchema,
  district: z.object({ code: z.string(), name: z.string() }),
  address: z.string(),
  status: z.enum(['open', 'closed']),
  windowCount: z.number().int(),
});
export type AdminOfficeSummary = z.infer<typeof adminOfficeSummarySchema>;
export const adminOfficesQuerySchema = z.object({
  district: codeSchema.optional(),
  kind: officeKindSchema.optional(),
  status: z.enum(['open', 'closed']).optional(),
});

export const adminOfficeSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: officeKindSchema,
  district: z.object({ code: z.string(), name: z.string(), population: z.number().int() }),
  address: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  timeZone: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  offersAll: z.boolean(),
  windows: z.array(windowSchema),
  hours: z.array(weeklyHoursOut),
  exceptions: z.array(exceptionOut),
  /** The services the office lists; empty when it offers every published service (offersAll). */
  services: z.array(z.object({ code: z.string(), title: z.string() })),
  /** Where the weekly hours fall below the legal minimum for the district's population. */
  warnings: z.array(hoursWarningSchema),
  updatedAt: z.string(),
});
export type AdminOffice = z.infer<typeof adminOfficeSchema>;

// ── calendar ──────────────────────────────────────────────────────────────────────────────────────────
export const calendarYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarDateParamsSchema = z.object({ date: isoDateSchema });
export const calendarDayInputSchema = z.object({
  kind: dayKindSchema,
  note: shortText.nullish().transform((v) => v ?? null),
});
export const adminCalendarDaySchema = z.object({
  date: isoDateSchema,
  weekday: z.number().int().min(1).max(7),
  kind: dayKindSchema,
  note: z.string().nullable(),
  /** Whether the day differs from "Monday to Friday working, weekend off" by an entry of the calendar. */
  override: z.boolean(),
});
export type AdminCalendarDay = z.infer<typeof adminCalendarDaySchema>;
export const adminCalendarYearSchema = z.object({
  year: z.number().int(),
  days: z.array(adminCalendarDaySchema),
});
export type AdminCalendarYear = z.infer<typeof adminCalendarYearSchema>;
export type CalendarDayInput = z.input<typeof calendarDayInputSchema>;
export const calendarImportBodySchema = z.object({
  year: z.number().int().min(2000).max(2100),
  format: z.enum(['csv', 'json']),
  content: z.string().max(200_000),
});
export type CalendarImportBody = z.infer<typeof calendarImportBodySchema>;
export const calendarImportResultSchema = z.object({ year: z.number().int(), overrides: z.number().int() });
export type CalendarImportResult = z.infer<typeof calendarImportResultSchema>;
