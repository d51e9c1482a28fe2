import { z } from 'zod';
import { grantSchema } from './auth.js';
import { isoDateSchema, timeSchema } from './network.js';

/**
 * The format of a region's data files (regions/<name>/*.json), loaded by `okno seed`.
 * Another region writes its own files in this format; nothing in the code is specific to one region.
 */

const code = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase latin letters, digits, . _ -');

export const regionFileSchema = z.object({
  code,
  name: z.string().min(1),
  timeZone: z.string().min(1),
});

export const districtSchema = z.object({
  code,
  name: z.string().min(1),
  kind: z.enum(['city', 'rural']),
  population: z.number().int().min(0),
});

export const agencySchema = z.object({
  code,
  name: z.string().min(1),
  shortName: z.string().min(1),
  level: z.enum(['federal', 'regional', 'municipal']),
});

export const categorySchema = z.object({ code, title: z.string().min(1), titleEn: z.string().optional() });
export const situationSchema = z.object({ code, title: z.string().min(1), titleEn: z.string().optional() });

export const documentSchema = z.object({
  name: z.string().min(1),
  required: z.boolean(),
  form: z.enum(['original', 'copy', 'original_and_copy']),
  note: z.string().optional(),
});

export const stageSchema = z.object({
  code,
  title: z.string().min(1),
  citizenText: z.string().min(1),
  notify: z.boolean(),
  durationDays: z.number().int().min(0).optional(),
});

export const serviceFileSchema = z.object({
  code,
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  description: z.string().default(''),
  agency: code,
  category: code,
  situations: z.array(code).default([]),
  applicantKinds: z
    .array(z.enum(['person', 'business']))
    .min(1)
    .default(['person']),
  fee: z
    .object({ amount: z.number().min(0), note: z.string().optional() })
    .nullable()
    .default(null),
  term: z.object({ days: z.number().int().min(1), kind: z.enum(['working', 'calendar']) }),
  keepResultDays: z.number().int().min(1).optional(),
  documents: z.array(documentSchema).default([]),
  results: z.array(z.string().min(1)).default([]),
  refusalReasons: z.array(z.string().min(1)).default([]),
  stages: z.array(stageSchema).min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Relative demand: requests a year in the demo region; ranks search results and "popular services". */
  popularity: z.number().int().min(0).default(0),
  status: z.enum(['draft', 'published']).default('published'),
  /** Whether remote offices (ТОСП) offer it; main centers offer every published service. */
  remote: z.boolean().default(false),
});

export const hoursSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: timeSchema,
  closes: timeSchema,
  breakStart: timeSchema.optional(),
  breakEnd: timeSchema.optional(),
});

export const exceptionSchema = z.object({
  date: isoDateSchema,
  kind: z.enum(['closed', 'hours']),
  opens: timeSchema.optional(),
  closes: timeSchema.optional(),
  note: z.string().optional(),
});

export const windowSchema = z.object({
  number: z.number().int().min(1),
  label: z.string().min(1),
  services: z.array(code).default([]),
  categories: z.array(code).default([]),
});

export const officeFileSchema = z.object({
  code,
  name: z.string().min(1),
  kind: z.enum(['main', 'remote', 'kiosk']),
  district: code,
  address: z.string().min(1),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  timeZone: z.string().optional(),
  windows: z.array(windowSchema).default([]),
  hours: z.array(hoursSchema).default([]),
  exceptions: z.array(exceptionSchema).default([]),
  /** "all" for every published service, or the list of service codes offered here. */
  services: z.union([z.literal('all'), z.array(code)]),
});

export const calendarDaySchema = z.object({
  date: isoDateSchema,
  kind: z.enum(['working', 'dayoff', 'short']),
  note: z.string().optional(),
});

/** A demo staff account of `staff.json` (optional): such accounts come only with demo data, never on their own. */
export const staffAccountSchema = z.object({
  login: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  fullName: z.string().min(1).max(200),
  grants: z.array(grantSchema).min(1),
  mustChangePassword: z.boolean().default(false),
});

/**
 * A demo kiosk of `kiosks.json` (optional, demo data only): enrolled for its office with a device token
 * everyone knows (`/kiosk/<office>#device=<demoToken>` opens it), so never in a production region.
 */
export const demoKioskSchema = z.object({
  office: code,
  label: z.string().trim().min(1).max(100),
  demoToken: z.string().min(16).max(200),
});

export type RegionFile = z.infer<typeof regionFileSchema>;
export type DistrictFile = z.infer<typeof districtSchema>;
export type AgencyFile = z.infer<typeof agencySchema>;
export type ServiceFile = z.infer<typeof serviceFileSchema>;
export type OfficeFile = z.infer<typeof officeFileSchema>;
export type CalendarDayFile = z.infer<typeof calendarDaySchema>;
export type StaffAccount = z.infer<typeof staffAccountSchema>;
export type DemoKiosk = z.infer<typeof demoKioskSchema>;

/** The files of a region folder and the schema of each (every file holds an array, region.json an object). */
export const regionFiles = {
  region: { file: 'region.json', schema: regionFileSchema },
  districts: { file: 'districts.json', schema: z.array(districtSchema) },
  agencies: { file: 'agencies.json', schema: z.array(agencySchema) },
  categories: { file: 'categories.json', schema: z.array(categorySchema) },
  situations: { file: 'situations.json', schema: z.array(situationSchema) },
  services: { file: 'services.json', schema: z.array(serviceFileSchema) },
  offices: { file: 'offices.json', schema: z.array(officeFileSchema) },
  calendar: { file: 'calendar.json', schema: z.array(calendarDaySchema) },
} as const;
