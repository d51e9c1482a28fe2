import { z } from 'zod';
import { isoDateSchema } from './network.js';

/**
 * Quality ratings (issue 12, Government Resolution 1284's method): after a visit or a case the citizen rates
 * five criteria on the official five-label scale. One rating per visit (a finished ticket) and one per case.
 */

/** The five official criteria, in the order the forms and the federal export list them. */
export const ratingCriteria = ['time', 'waiting', 'staff', 'comfort', 'information'] as const;
export type RatingCriterion = (typeof ratingCriteria)[number];

/** The official scale: 1 «очень плохо», 2 «плохо», 3 «нормально», 4 «хорошо», 5 «отлично». */
export const ratingScale = [1, 2, 3, 4, 5] as const;
export const ratingScoreSchema = z.number().int().min(1).max(5);

export const ratingScoresSchema = z.object({
  time: ratingScoreSchema.describe('time of service delivery'),
  waiting: ratingScoreSchema.describe('waiting time in the queue'),
  staff: ratingScoreSchema.describe('staff courtesy and competence'),
  comfort: ratingScoreSchema.describe('comfort of the premises'),
  information: ratingScoreSchema.describe('accessibility of information about the service'),
});
export type RatingScores = z.infer<typeof ratingScoresSchema>;

/** Where the citizen rated from (the kiosk's exit screen, the message's link, the QR of the ticket or receipt). */
export const ratingSourceSchema = z.enum(['kiosk', 'sms', 'email', 'qr', 'portal']);
export type RatingSource = z.infer<typeof ratingSourceSchema>;

/** POST /api/ratings/{token}. */
export const ratingCreateSchema = z.object({
  scores: ratingScoresSchema,
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((c) => (c ? c : undefined)),
  source: ratingSourceSchema.optional(),
});
export type RatingCreate = z.infer<typeof ratingCreateSchema>;

/** A token is opaque to clients: anything that is not one of okno's is simply unknown (404). */
export const ratingTokenParamsSchema = z.object({ token: z.string().max(4096) });

/** GET /api/ratings/{token}: what is rated (never who served or who rates). */
export const ratingTargetSchema = z.object({
  subject: z.enum(['visit', 'case']),
  office: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }),
  service: z.object({ code: z.string(), title: z.string() }).nullable(),
  /** The office's date of the visit (of acceptance, for a case). */
  date: z.string(),
  /** The case's number without its last four digits, for a case. */
  caseNumber: z.string().nullable(),
  rated: z.boolean(),
});
export type RatingTarget = z.infer<typeof ratingTargetSchema>;

/** 201 of POST /api/ratings/{token}. */
export const ratingSavedSchema = z.object({
  ratedAt: z.string(),
  /** True when a low score with a comment went to the office head as a follow-up. */
  followUp: z.boolean(),
});
export type RatingSaved = z.infer<typeof ratingSavedSchema>;

/** A low score: below «нормально». */
export const isLowScore = (score: number) => score < 3;

/** The follow-up rule: a low score on any criterion, with a comment, goes to the office head. */
export function needsFollowUp(scores: RatingScores, comment: string | undefined | null): boolean {
  return Boolean(comment?.trim()) && ratingCriteria.some((c) => isLowScore(scores[c]));
}

/** A follow-up is due this many calendar days after the rating. */
export const followUpDays = 30;

// ── staff ────────────────────────────────────────────────────────────────────────────────────────────────

const code = z.string().trim().min(1).max(64);
export const exportFormatSchema = z.enum(['json', 'csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** GET /api/quality/ratings: ratings in the user's scope, newest first. */
export const ratingListQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  district: code.optional(),
  office: code.optional(),
  service: code.optional(),
  /** Only ratings with a score below 3. */
  low: z.enum(['true', 'false']).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  format: exportFormatSchema.default('json'),
});
export type RatingListQuery = z.infer<typeof ratingListQuerySchema>;

export const ratingItemSchema = z.object({
  id: z.uuid(),
  subject: z.enum(['visit', 'case']),
  ratedAt: z.string(),
  date: z.string(),
  office: z.object({ code: z.string(), name: z.string() }),
  service: z.object({ code: z.string(), title: z.string() }).nullable(),
  window: z.number().int().nullable(),
  scores: ratingScoresSchema,
  comment: z.string().nullable(),
  source: ratingSourceSchema.nullable(),
  followUp: z.enum(['open', 'closed']).nullable(),
});
export type RatingItem = z.infer<typeof ratingItemSchema>;
export const ratingPageSchema = z.object({ items: z.array(ratingItemSchema), next: z.string().nullable() });
export type RatingPage = z.infer<typeof ratingPageSchema>;

export const followUpStatusSchema = z.enum(['open', 'overdue', 'closed']);
/** GET /api/quality/follow-ups?status=&office= */
export const followUpListQuerySchema = z.object({
  status: followUpStatusSchema.optional(),
  office: code.optional(),
});
export const followUpSchema = z.object({
  id: z.uuid(),
  office: z.object({ code: z.string(), name: z.string() }),
  rating: ratingItemSchema.omit({ followUp: true }),
  openedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
export const followUpListSchema = z.object({ items: z.array(followUpSchema) });
export const followUpIdParamsSchema = z.object({ id: z.uuid() });
/** POST /api/quality/follow-ups/{id}/close */
export const followUpCloseSchema = z.object({ outcome: z.string().trim().min(3).max(2000) });
