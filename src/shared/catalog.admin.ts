import { z } from 'zod';
import { codeSchema, nameText, pageQuery, shortText } from './admin-common.js';
import { agencyLevelSchema } from './catalog.js';
import {
  agencySchema as agencyFileSchema,
  documentSchema as documentFileSchema,
  stageSchema as stageFileSchema,
} from './region-data.js';

/** Contracts of the catalog's admin API: agencies and service cards with their versions. */

// ── agencies ──────────────────────────────────────────────────────────────────────────────────────────
export const agencyInputSchema = agencyFileSchema.extend({
  name: nameText,
  shortName: nameText,
  level: agencyLevelSchema,
});
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

// ── services ──────────────────────────────────────────────────────────────────────────────────────────
export const MAX_DESCRIPTION = 20_000;
const documentInput = documentFileSchema.extend({
  name: nameText,
  note: shortText.nullish().transform((v) => v ?? null),
});
const stageInput = stageFileSchema.extend({
  title: nameText,
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
  title: nameText,
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
          ctx.addIssue({
            code: 'custom',
            path: [i, 'code'],
            message: 'duplicate stage code',
            params: { rule: 'duplicate' },
          });
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
export type AdminServiceSummary = z.infer<typeof adminServiceSummarySchema>;
export const adminServicesPageSchema = z.object({
  items: z.array(adminServiceSummarySchema),
  total: z.number().int(),
});
export type AdminServicesPage = z.infer<typeof adminServicesPageSchema>;
export const serviceVersionSchema = z.object({
  version: z.number().int(),
  status: versionStatusSchema,
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type ServiceVersion = z.infer<typeof serviceVersionSchema>;
export const serviceOfficesBodySchema = z.object({ offices: z.array(codeSchema).max(2000) });
export const serviceOfficesSchema = z.object({
  /** Offices that list the service explicitly. */
  offices: z.array(z.string()),
  /** Offices that offer every published service (main centers). */
  officesOfferingAll: z.array(z.string()),
});
export type ServiceOffices = z.infer<typeof serviceOfficesSchema>;
