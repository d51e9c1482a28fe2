import { z } from 'zod';
import { grantSchema } from './auth.js';
import { agencyLevelSchema } from './catalog.js';
import { dayKindSchema, isoDateSchema, officeKindSchema, timeSchema, windowSchema } from './network.js';
import {
  agencySchema as agencyFileSchema,
  districtSchema as districtFileSchema,
  documentSchema as documentFileSchema,
  stageSchema as stageFileSchema,
} from './region-data.js';

/**
 * Contracts of the admin API (/api/admin/…): the bodies it accepts and the objects it returns, shared by
 * the server and the admin console. Inputs reuse the shapes of the region's data files.
 */

export const codeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase latin letters, digits, . _ - (at most 64)');
const name = z.string().trim().min(1).max(300);
const shortText = z.string().max(1000);
export const codeParamsSchema = z.object({ code: codeSchema });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

// ── districts ─────────────────────────────────────────────────────────────────────────────────────────
export const districtInputSchema = districtFileSchema.extend({
  name,
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

// ── agencies ──────────────────────────────────────────────────────────────────────────────────────────
export const agencyInputSchema = agencyFileSchema.extend({ name, shortName: name, level: agencyLevelSchema });
export const agencyUpdateSchema = agencyInputSchema.omit({ code: true });
export type AgencyInput = z.infer<typeof agencyInputSchema>;
export const adminAgencySchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: agencyLevelSchema,
  serviceCount: z.number().int(),
});
export type AdminAgency = z.infer<typeof adminAgencySchema>;

// ── offices ───────────────────────────────────────────────────────────────────────────────────────────
const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not a known IANA time zone');

export const officeInputSchema = z.object({
  code: codeSchema,
  name,
  kind: officeKindSchema,
  district: codeSchema,
  address: name,
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
          ctx.addIssue({ code: 'custom', path: [i, 'number'], message: 'duplicate window number' });
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
      ctx.addIssue({ code: 'custom', path: ['closes'], message: 'must be later than opens' });
    if ((h.breakStart === null) !== (h.breakEnd === null)) {
      const path = [h.breakStart === null ? 'breakStart' : 'breakEnd'];
      ctx.addIssue({ code: 'custom', path, message: 'a break needs both breakStart and breakEnd' });
    } else if (h.breakStart !== null && h.breakEnd !== null) {
      if (minutes(h.breakStart) < minutes(h.opens) || minutes(h.breakStart) >= minutes(h.closes))
        ctx.addIssue({ code: 'custom', path: ['breakStart'], message: 'must be within opens and closes' });
      else if (minutes(h.breakEnd) <= minutes(h.breakStart) || minutes(h.breakEnd) > minutes(h.closes))
        ctx.addIssue({
          code: 'custom',
          path: ['breakEnd'],
          message: 'must be after breakStart and not after closes',
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
          ctx.addIssue({ code: 'custom', path: [i, 'weekday'], message: 'duplicate weekday' });
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
      ctx.addIssue({ code: 'custom', path: ['opens'], message: 'required for kind "hours"' });
    if (e.closes === null)
      ctx.addIssue({ code: 'custom', path: ['closes'], message: 'required for kind "hours"' });
    if (e.opens !== null && e.closes !== null && minutes(e.closes) <= minutes(e.opens))
      ctx.addIssue({ code: 'custom', path: ['closes'], message: 'must be later than opens' });
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
export const calendarImportBodySchema = z.object({
  year: z.number().int().min(2000).max(2100),
  format: z.enum(['csv', 'json']),
  content: z.string().max(200_000),
});
export type CalendarImportBody = z.infer<typeof calendarImportBodySchema>;
export const calendarImportResultSchema = z.object({ year: z.number().int(), overrides: z.number().int() });

// ── services ──────────────────────────────────────────────────────────────────────────────────────────
export const MAX_DESCRIPTION = 20_000;
const documentInput = documentFileSchema.extend({
  name,
  note: shortText.nullish().transform((v) => v ?? null),
});
const stageInput = stageFileSchema.extend({
  title: name,
  citizenText: shortText.min(1),
  durationDays: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .nullish()
    .transform((v) => v ?? null),
});

/** Every field of a service card, as the admin console edits it (PUT replaces the whole card). */
export const serviceCardInputSchema = z.object({
  title: name,
  shortTitle: z.string().trim().min(1).max(150),
  description: z.string().max(MAX_DESCRIPTION, `at most ${MAX_DESCRIPTION} characters`),
  agency: codeSchema.nullable(),
  category: codeSchema.nullable(),
  situations: z.array(codeSchema).max(100),
  applicantKinds: z
    .array(z.enum(['person', 'business']))
    .min(1)
    .max(2),
  fee: z
    .object({
      amount: z.number().min(0).max(10_000_000),
      note: shortText.nullish().transform((v) => v ?? null),
    })
    .nullable(),
  term: z
    .object({ days: z.number().int().min(1).max(3650), kind: z.enum(['working', 'calendar']) })
    .nullable(),
  keepResultDays: z.number().int().min(1).max(3650).nullable(),
  documents: z.array(documentInput).max(200),
  results: z.array(shortText.min(1)).max(100),
  refusalReasons: z.array(shortText.min(1)).max(200),
  stages: z
    .array(stageInput)
    .max(50)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.code))
          ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'duplicate stage code' });
        seen.add(s.code);
      });
    }),
  aliases: z.array(z.string().trim().min(1).max(200)).max(100),
});
export type ServiceCardInput = z.infer<typeof serviceCardInputSchema>;

/** A new service: its code and title; the rest may be filled in later, before publishing. */
export const serviceCreateSchema = z.object({
  code: codeSchema,
  ...serviceCardInputSchema.shape,
  description: serviceCardInputSchema.shape.description.default(''),
  agency: serviceCardInputSchema.shape.agency.default(null),
  category: serviceCardInputSchema.shape.category.default(null),
  situations: serviceCardInputSchema.shape.situations.default([]),
  applicantKinds: serviceCardInputSchema.shape.applicantKinds.default(['person']),
  fee: serviceCardInputSchema.shape.fee.default(null),
  term: serviceCardInputSchema.shape.term.default(null),
  keepResultDays: serviceCardInputSchema.shape.keepResultDays.default(null),
  documents: serviceCardInputSchema.shape.documents.default([]),
  results: serviceCardInputSchema.shape.results.default([]),
  refusalReasons: serviceCardInputSchema.shape.refusalReasons.default([]),
  stages: serviceCardInputSchema.shape.stages.default([]),
  aliases: serviceCardInputSchema.shape.aliases.default([]),
});
export type ServiceCreateInput = z.infer<typeof serviceCreateSchema>;

export const versionStatusSchema = z.enum(['draft', 'published', 'archived']);
export const adminServiceSchema = z.object({
  code: z.string(),
  /** The version shown: the draft if there is one, else the published version. */
  version: z.number().int(),
  status: versionStatusSchema,
  publishedVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  title: z.string(),
  shortTitle: z.string(),
  description: z.string(),
  agency: z.string().nullable(),
  category: z.string().nullable(),
  situations: z.array(z.string()),
  applicantKinds: z.array(z.enum(['person', 'business'])),
  fee: z.object({ amount: z.number(), note: z.string().nullable() }).nullable(),
  term: z.object({ days: z.number().int(), kind: z.enum(['working', 'calendar']) }).nullable(),
  keepResultDays: z.number().int().nullable(),
  documents: z.array(
    z.object({
      name: z.string(),
      required: z.boolean(),
      form: z.enum(['original', 'copy', 'original_and_copy']),
      note: z.string().nullable(),
    }),
  ),
  results: z.array(z.string()),
  refusalReasons: z.array(z.string()),
  stages: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      citizenText: z.string(),
      notify: z.boolean(),
      durationDays: z.number().int().nullable(),
    }),
  ),
  aliases: z.array(z.string()),
  /** What publishing this version would still need (empty when it can be published). */
  missing: z.array(z.enum(['agency', 'term', 'documents', 'stages'])),
  offices: z.array(z.string()),
  updatedAt: z.string(),
});
export type AdminService = z.infer<typeof adminServiceSchema>;

export const adminServicesQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** published: has a published version; draft: has a draft waiting; unpublished: never published. */
  status: z.enum(['published', 'draft', 'unpublished']).optional(),
  agency: codeSchema.optional(),
  ...pageQuery,
});
export const adminServiceSummarySchema = z.object({
  code: z.string(),
  title: z.string(),
  agency: z.string().nullable(),
  category: z.string().nullable(),
  publishedVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  updatedAt: z.string(),
});
export const adminServicesPageSchema = z.object({
  items: z.array(adminServiceSummarySchema),
  total: z.number().int(),
});
export const serviceVersionSchema = z.object({
  version: z.number().int(),
  status: versionStatusSchema,
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export const serviceOfficesBodySchema = z.object({ offices: z.array(codeSchema).max(2000) });
export const serviceOfficesSchema = z.object({
  /** Offices that list the service explicitly. */
  offices: z.array(z.string()),
  /** Offices that offer every published service (main centers). */
  officesOfferingAll: z.array(z.string()),
});

// ── history ───────────────────────────────────────────────────────────────────────────────────────────
export const changeEntitySchema = z.enum(['district', 'agency', 'office', 'service', 'calendar', 'user']);
export const historyQuerySchema = z.object({
  entity: changeEntitySchema,
  key: z.string().min(1).max(200).optional(),
  ...pageQuery,
});
export const changeSchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  login: z.string().nullable(),
  entity: z.string(),
  key: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type Change = z.infer<typeof changeSchema>;
export const historyPageSchema = z.object({ items: z.array(changeSchema), total: z.number().int() });

// ── users ─────────────────────────────────────────────────────────────────────────────────────────────
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{0,99}$/, 'latin letters, digits and . _ @ - (at most 100)');
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);
export const userCreateSchema = z.object({
  login: loginSchema,
  fullName: name,
  password: passwordSchema,
  grants: z.array(grantSchema).max(100).default([]),
});
export const userGrantsBodySchema = z.object({ grants: z.array(grantSchema).max(100) });
export const resetPasswordBodySchema = z.object({ password: passwordSchema });
// Lower-cased: PostgreSQL reads either case, and a comparison with one's own id must not be fooled by it.
export const userIdParamsSchema = z.object({ id: z.uuid().transform((id) => id.toLowerCase()) });
export const adminUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  disabled: z.boolean(),
  /** Until when sign-ins from addresses the account never used are refused (failed sign-ins); null: not locked. */
  lockedUntil: z.string().nullable(),
  grants: z.array(grantSchema),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const securityLogQuerySchema = z.object({
  login: z.string().max(100).optional(),
  event: z.string().max(50).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  ...pageQuery,
});
export const securityLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  login: z.string().nullable(),
  event: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  result: z.string(),
  details: z.unknown(),
});
export const securityLogPageSchema = z.object({
  items: z.array(securityLogEntrySchema),
  total: z.number().int(),
});
export const okSchema = z.object({ ok: z.literal(true) });
