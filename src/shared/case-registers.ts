import { z } from 'zod';

/**
 * Registers and interagency requests of cases (issue 11): the API contracts shared by the server and the
 * back-office screens. Dates are the office's local dates (`YYYY-MM-DD`), times ISO instants.
 *
 * A register is a list of cases handed between an office and an agency: `transfer` (packages accepted at
 * the office go to the agency; one not handed over by the working day after acceptance is `late`),
 * `results` (the agency's results come back to the office: each case becomes `ready`), `return` (results
 * not collected within the storage term go back to the agency: each case becomes `returned`).
 */

const code = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const person = z.object({ id: z.string(), name: z.string() });

// ── registers ───────────────────────────────────────────────────────────────────────────────────────────

export const registerKindSchema = z.enum(['transfer', 'results', 'return']);
export type RegisterKind = z.infer<typeof registerKindSchema>;

/** draft (built, may be printed) → handed_over (the courier took it) → accepted (the other side signed). */
export const registerStatusSchema = z.enum(['draft', 'handed_over', 'accepted']);
export type RegisterStatus = z.infer<typeof registerStatusSchema>;

/** GET /api/registers/candidates: the cases a new register of this kind would take. */
export const registerCandidatesQuerySchema = z.object({
  office: code,
  agency: code,
  kind: registerKindSchema,
});
export type RegisterCandidatesQuery = z.infer<typeof registerCandidatesQuerySchema>;

/** A case as a register lists it (candidate or item): the applicant masked. */
export const registerCaseSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  service: z.object({ code: z.string(), title: z.string() }),
  /** «Иванов И. И.», or the organisation's name. */
  applicant: z.string(),
  stage: z.object({ code: z.string(), title: z.string() }),
  acceptedAt: z.string(),
  dueDate: z.string(),
  /** The last day the result is kept at the office, once it is there (return registers). */
  storageUntil: z.string().nullable(),
  /**
   * Transfer: not handed to the agency by the working day after acceptance (the law's rule) — for a
   * candidate as of today, for a register's item as of its handover (or today while it is a draft).
   */
  late: z.boolean(),
});
export type RegisterCase = z.infer<typeof registerCaseSchema>;

export const registerCandidatesSchema = z.object({
  office: z.string(),
  agency: z.string(),
  kind: registerKindSchema,
  items: z.array(registerCaseSchema),
});
export type RegisterCandidates = z.infer<typeof registerCandidatesSchema>;

/** POST /api/registers: `cases` picks some of the candidates; without it the register takes them all. */
export const registerCreateSchema = z.object({
  office: code,
  agency: code,
  kind: registerKindSchema,
  cases: z.array(z.uuid()).min(1).max(500).optional(),
});
export type RegisterCreate = z.infer<typeof registerCreateSchema>;

export const registerIdParamsSchema = z.object({ id: z.uuid() });
/** DELETE /api/registers/{id}/cases/{case}: a case taken off a draft register. */
export const registerCaseParamsSchema = z.object({ id: z.uuid(), case: z.uuid() });

/** GET /api/registers: newest first, keyset-paginated (`after` is the last page's `next`). */
export const registerListQuerySchema = z.object({
  office: code.optional(),
  agency: code.optional(),
  kind: registerKindSchema.optional(),
  status: registerStatusSchema.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegisterListQuery = z.infer<typeof registerListQuerySchema>;

export const registerSummarySchema = z.object({
  id: z.uuid(),
  /** «Р-lip-kosmonavtov-2026-000012»: the kind's letter (Р transfer, В results, Н return), office, year, number. */
  number: z.string(),
  kind: registerKindSchema,
  status: registerStatusSchema,
  office: z.object({ code: z.string(), name: z.string() }),
  agency: z.object({ code: z.string(), shortName: z.string() }),
  createdAt: z.string(),
  createdBy: person.nullable(),
  handedOverAt: z.string().nullable(),
  courier: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  /** How many times it was printed (each print is also on every case's trail). */
  printed: z.number().int(),
  count: z.number().int(),
  lateCount: z.number().int(),
});
export type RegisterSummary = z.infer<typeof registerSummarySchema>;

export const registerPageSchema = z.object({
  items: z.array(registerSummarySchema),
  next: z.string().nullable(),
});
export type RegisterPage = z.infer<typeof registerPageSchema>;

/** GET /api/registers/{id}, and the 201 of POST /api/registers. */
export const registerSchema = registerSummarySchema.extend({
  items: z.array(registerCaseSchema),
  /** What may be done to it now, in the order a person would offer them. */
  actions: z.array(z.enum(['print', 'handover', 'accept'])),
});
export type Register = z.infer<typeof registerSchema>;

/** POST /api/registers/{id}/handover: the courier who took the packages (a name, a service's name). */
export const registerHandoverSchema = z.object({ courier: text(200) });
/** POST /api/registers/{id}/accept: who signed on the receiving side. */
export const registerAcceptSchema = z.object({ acceptedBy: text(200) });

// ── interagency requests ────────────────────────────────────────────────────────────────────────────────

/** queued (waiting to go out, retried with backoff) → sent (waiting for the answer) → answered; failed: gave up. */
export const requestStatusSchema = z.enum(['queued', 'sent', 'answered', 'failed']);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/** POST /api/requests: the case is suspended (its deadline stands still) until the answer comes. */
export const requestCreateSchema = z.object({
  case: z.uuid(),
  /** The agency asked; the case's own agency when left out. */
  agency: code.optional(),
  /** What is asked (the information or document needed). */
  subject: text(1000),
});
export type RequestCreate = z.infer<typeof requestCreateSchema>;

export const requestIdParamsSchema = z.object({ id: z.uuid() });

/** GET /api/requests: by case, or an office's (and agency's) list; newest first, keyset-paginated. */
export const requestListQuerySchema = z.object({
  case: z.uuid().optional(),
  office: code.optional(),
  agency: code.optional(),
  status: requestStatusSchema.optional(),
  /** true: only requests not sent by `sendBy` or not answered by `answerDue`. */
  overdue: z.enum(['true', 'false']).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

export const requestAnswerSchema = z.object({
  text: z.string(),
  /** adapter: received from the agency's system; manual: typed by staff from a paper or an e-mail. */
  via: z.enum(['adapter', 'manual']),
  /** The agency's reference of the answer, when it gave one. */
  reference: z.string().nullable(),
});
export type RequestAnswer = z.infer<typeof requestAnswerSchema>;

export const agencyRequestSchema = z.object({
  id: z.uuid(),
  case: z.object({ id: z.uuid(), number: z.string() }),
  office: z.string(),
  agency: z.object({ code: z.string(), shortName: z.string() }),
  subject: z.string(),
  status: requestStatusSchema,
  createdAt: z.string(),
  createdBy: person.nullable(),
  /** The last working day it may go out (1 working day after creation), and its answer's due day once sent. */
  sendBy: z.string(),
  answerDue: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** The agency's id of the request once it accepted it. */
  externalId: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answer: requestAnswerSchema.nullable(),
  /** Not sent by `sendBy`. */
  sendOverdue: z.boolean(),
  /** Sent, and not answered by `answerDue`. */
  answerOverdue: z.boolean(),
  overdue: z.boolean(),
});
export type AgencyRequest = z.infer<typeof agencyRequestSchema>;

export const requestPageSchema = z.object({
  items: z.array(agencyRequestSchema),
  next: z.string().nullable(),
});
export type RequestPage = z.infer<typeof requestPageSchema>;

/** POST /api/requests/{id}/answer: an answer that came on paper or by e-mail (agencies without an adapter). */
export const requestManualAnswerSchema = z.object({ text: text(10_000) });
