import { z } from 'zod';

/** Contracts of the catalog API (agencies, categories, situations, services), shared by server and web. */

export const agencyLevelSchema = z.enum(['federal', 'regional', 'municipal']);

export const agencySchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: agencyLevelSchema,
  serviceCount: z.number().int(),
});
export type Agency = z.infer<typeof agencySchema>;

export const categorySchema = z.object({
  code: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  serviceCount: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const situationSchema = categorySchema;
export type Situation = z.infer<typeof situationSchema>;

export const feeSchema = z.object({ amount: z.number(), note: z.string().nullable() }).nullable();
export const termSchema = z
  .object({ days: z.number().int(), kind: z.enum(['working', 'calendar']) })
  .nullable();

export const serviceSummarySchema = z.object({
  code: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  agency: z.object({ code: z.string(), shortName: z.string() }).nullable(),
  category: z.object({ code: z.string(), title: z.string() }).nullable(),
  fee: feeSchema,
  term: termSchema,
  popularity: z.number().int(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

export const serviceDocumentSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  form: z.enum(['original', 'copy', 'original_and_copy']),
  note: z.string().nullable().optional(),
});
export const serviceStageSchema = z.object({
  code: z.string(),
  title: z.string(),
  citizenText: z.string(),
  notify: z.boolean(),
  durationDays: z.number().int().nullable().optional(),
});

export const serviceCardSchema = serviceSummarySchema.extend({
  description: z.string(),
  agency: z
    .object({ code: z.string(), name: z.string(), shortName: z.string(), level: agencyLevelSchema })
    .nullable(),
  situations: z.array(z.object({ code: z.string(), title: z.string() })),
  applicantKinds: z.array(z.enum(['person', 'business'])),
  keepResultDays: z.number().int().nullable(),
  documents: z.array(serviceDocumentSchema),
  results: z.array(z.string()),
  refusalReasons: z.array(z.string()),
  stages: z.array(serviceStageSchema),
  aliases: z.array(z.string()),
  version: z.number().int(),
  offices: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['main', 'remote', 'kiosk']),
      district: z.object({ code: z.string(), name: z.string() }),
      address: z.string(),
    }),
  ),
});
export type ServiceCard = z.infer<typeof serviceCardSchema>;

export const servicesQuerySchema = z.object({
  q: z.string().max(200, 'at most 200 characters').optional(),
  category: z.string().max(64).optional(),
  agency: z.string().max(64).optional(),
  situation: z.string().max(64).optional(),
  office: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ServicesQuery = z.infer<typeof servicesQuerySchema>;

export const servicesPageSchema = z.object({ items: z.array(serviceSummarySchema), total: z.number().int() });
export type ServicesPage = z.infer<typeof servicesPageSchema>;
