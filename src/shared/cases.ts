import { z } from 'zod';
import { isValidInn, isValidOgrn, isValidSnils, snilsDigits } from './case-checksums.js';
import { parseCaseNumber, parsePin } from './case-number.js';
import { normalizeEmail, normalizePhone } from './contacts.js';
import { isoDateSchema } from './network.js';

/**
 * Cases (issue 11): an application from acceptance at the window to the issued result. The API contracts
 * shared by the server, the staff screens, the portal, the kiosk and the call center. Dates are the
 * office's local dates (`YYYY-MM-DD`), times ISO instants.
 */

const code = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

const rule = (message: string, name: string) => ({ message, params: { rule: name } });

/** A phone in any common Russian spelling, kept as +7XXXXXXXXXX. */
export const casePhoneSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (phone) return phone;
    ctx.addIssue({ code: 'custom', ...rule('expected a Russian phone number', 'russian_phone') });
    return z.NEVER;
  });

export const caseEmailSchema = z
  .string()
  .max(254)
  .transform((value, ctx) => {
    const email = normalizeEmail(value);
    if (email) return email;
    ctx.addIssue({ code: 'custom', ...rule('expected an e-mail address', 'email') });
    return z.NEVER;
  });

export const identityDocumentKindSchema = z.enum([
  'passport_rf',
  'foreign_passport',
  'birth_certificate',
  'residence_permit',
  'military_id',
  'other',
]);
export type IdentityDocumentKind = z.infer<typeof identityDocumentKindSchema>;

export const identityDocumentSchema = z
  .object({
    kind: identityDocumentKindSchema,
    series: z.string().trim().max(16).optional(),
    number: text(32),
  })
  .superRefine((doc, ctx) => {
    if (doc.kind !== 'passport_rf') return;
    if (!/^\d{2}\s?\d{2}$/.test(doc.series ?? ''))
      ctx.addIssue({
        code: 'custom',
        path: ['series'],
        ...rule('a passport series is 4 digits', 'passport_series'),
      });
    if (!/^\d{6}$/.test(doc.number))
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        ...rule('a passport number is 6 digits', 'passport_number'),
      });
  });
export type IdentityDocument = z.infer<typeof identityDocumentSchema>;

const snilsSchema = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const digits = snilsDigits(value);
    if (digits && isValidSnils(digits)) return digits;
    ctx.addIssue({ code: 'custom', ...rule('the СНИЛС check digits do not match', 'snils_checksum') });
    return z.NEVER;
  });

const consentSchema = z.object({ sms: z.boolean().default(false), email: z.boolean().default(false) });

const personFields = {
  lastName: text(100),
  firstName: text(100),
  middleName: z.string().trim().max(100).optional(),
  birthDate: isoDateSchema.optional(),
  identityDocument: identityDocumentSchema.optional(),
  snils: snilsSchema.optional(),
  phone: casePhoneSchema.optional(),
  email: caseEmailSchema.optional(),
};

export const personApplicantSchema = z.object({
  kind: z.literal('person'),
  ...personFields,
  /** What the applicant agreed to be told by: SMS, e-mail. Nothing is sent without it. */
  consent: consentSchema.optional(),
  locale: z.enum(['ru', 'en']).optional(),
});

export const businessApplicantSchema = z.object({
  kind: z.literal('business'),
  name: text(300),
  inn: z
    .string()
    .trim()
    .refine(isValidInn, rule('the ИНН check digits do not match (10 or 12 digits)', 'inn_checksum')),
  ogrn: z
    .string()
    .trim()
    .refine(isValidOgrn, rule('the ОГРН check digits do not match (13 or 15 digits)', 'ogrn_checksum'))
    .optional(),
  representative: z.object(personFields).optional(),
  phone: casePhoneSchema.optional(),
  email: caseEmailSchema.optional(),
  consent: consentSchema.optional(),
  locale: z.enum(['ru', 'en']).optional(),
});

export const applicantSchema = z.discriminatedUnion('kind', [personApplicantSchema, businessApplicantSchema]);
export type ApplicantInput = z.infer<typeof applicantSchema>;

export const documentFormSchema = z.enum(['original', 'copy']);

export const caseDocumentInputSchema = z.object({
  name: text(500),
  form: documentFormSchema,
  pages: z.number().int().min(1).max(10_000).optional(),
});

export const caseChannelSchema = z.enum(['window', 'backoffice', 'outreach']);
export type CaseChannel = z.infer<typeof caseChannelSchema>;

/** POST /api/cases */
export const caseCreateSchema = z.object({
  office: code,
  service: code,
  /** The ticket being served at the operator's window: finished as "application accepted" with the case. */
  ticket: z.uuid().optional(),
  applicant: applicantSchema,
  documents: z.array(caseDocumentInputSchema).max(100).default([]),
  feePaid: z.boolean().optional(),
  /** window (with or without a ticket), backoffice (brought by a courier, a post), outreach (a visit at home). */
  channel: caseChannelSchema.optional(),
  comment: z.string().trim().max(1000).optional(),
});
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const caseIdParamsSchema = z.object({ id: z.uuid() });

// ── what staff see ──────────────────────────────────────────────────────────────────────────────────────

export const caseStageSchema = z.object({
  code: z.string(),
  title: z.string(),
  citizenText: z.string(),
  /** When the case reached it (the latest time), or null when not yet. */
  at: z.string().nullable(),
});
export type CaseStage = z.infer<typeof caseStageSchema>;

export const caseDocumentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  form: documentFormSchema,
  pages: z.number().int().nullable(),
  hasScan: z.boolean(),
  /** Another document this one replaced, when it did. */
  replaces: z.uuid().nullable(),
  /** When a later document replaced it (kept, never deleted). */
  replacedAt: z.string().nullable(),
  addedAt: z.string(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

/** The applicant as lists and the case page show them before anyone asks for the full data. */
export const maskedApplicantSchema = z.object({
  kind: z.enum(['person', 'business']),
  /** «Иванов И. И.», or the organisation's name. */
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** «паспорт •• •• ••••56» — the kind and the last two characters. */
  document: z.string().nullable(),
  inn: z.string().nullable(),
});
export type MaskedApplicant = z.infer<typeof maskedApplicantSchema>;

export const deadlineChangeSchema = z.object({
  before: z.string(),
  after: z.string(),
  days: z.number().int(),
  kind: z.enum(['working', 'calendar']),
  from: z.string(),
  to: z.string(),
  reasons: z.array(z.string()),
});

export const suspensionSchema = z.object({
  id: z.uuid(),
  reason: z.enum(['request', 'applicant']),
  /** For a request: the agency asked; for the applicant: what they must bring. */
  note: z.string().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  request: z.uuid().nullable(),
});

export const caseSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  office: z.object({ code: z.string(), name: z.string() }),
  service: z.object({ code: z.string(), title: z.string(), version: z.number().int() }),
  agency: z.object({ code: z.string(), shortName: z.string() }).nullable(),
  applicant: maskedApplicantSchema,
  channel: caseChannelSchema,
  ticket: z.uuid().nullable(),
  feePaid: z.boolean(),
  fee: z.number().nullable(),
  stage: caseStageSchema,
  /** The route: the card's stages, then refused / returned when the case ended there. */
  stages: z.array(caseStageSchema),
  allowedTransitions: z.array(z.object({ code: z.string(), title: z.string() })),
  final: z.boolean(),
  term: z.object({ days: z.number().int(), kind: z.enum(['working', 'calendar']) }),
  acceptedAt: z.string(),
  acceptedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  baseDueDate: z.string(),
  dueDate: z.string(),
  pausedSince: z.string().nullable(),
  overdue: z.boolean(),
  /** Working days left to the due date (negative: late); null once the result exists. */
  daysLeft: z.number().int().nullable(),
  deadlineChanges: z.array(deadlineChangeSchema),
  suspensions: z.array(suspensionSchema),
  resultAt: z.string().nullable(),
  /** The last day the result is kept at the office (the service's storage term), once it is there. */
  storageUntil: z.string().nullable(),
  issuedAt: z.string().nullable(),
  documents: z.array(caseDocumentSchema),
  results: z.array(z.string()),
});
export type Case = z.infer<typeof caseSchema>;

/** 201 of POST /api/cases: the case and its PIN (shown once here and printed on the receipt). */
export const caseCreatedSchema = caseSchema.extend({ pin: z.string() });
export type CaseCreated = z.infer<typeof caseCreatedSchema>;

export const caseListItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  office: z.string(),
  service: z.object({ code: z.string(), title: z.string() }),
  agency: z.string().nullable(),
  applicant: z.object({
    kind: z.enum(['person', 'business']),
    name: z.string(),
    phone: z.string().nullable(),
  }),
  stage: z.object({ code: z.string(), title: z.string() }),
  acceptedAt: z.string(),
  dueDate: z.string(),
  pausedSince: z.string().nullable(),
  overdue: z.boolean(),
  final: z.boolean(),
  /** Transfer lists: not handed to the agency by the working day after acceptance (the law's rule). */
  sendLate: z.boolean(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

/** A case number as typed, read out or scanned (spaces, «№», the status link), in its normal form. */
export const caseNumberSchema = z
  .string()
  .max(300)
  .transform((v, ctx) => {
    const parsed = parseCaseNumber(v);
    if (parsed) return parsed;
    ctx.addIssue({ code: 'custom', ...rule('expected a case number like 48-2026-0001234', 'case_number') });
    return z.NEVER;
  });

export const caseWorkListSchema = z.enum(['to_send', 'overdue', 'due_soon', 'to_issue', 'suspended', 'open']);
export type CaseWorkList = z.infer<typeof caseWorkListSchema>;

/** GET /api/cases: search and work lists, newest first, keyset-paginated (`after` is the last page's `next`). */
export const caseSearchQuerySchema = z.object({
  number: caseNumberSchema.optional(),
  /** The applicant's surname (a person) or the organisation's name or ИНН. */
  applicant: z.string().trim().min(2).max(300).optional(),
  phone: casePhoneSchema.optional(),
  office: code.optional(),
  agency: code.optional(),
  service: code.optional(),
  stage: code.optional(),
  list: caseWorkListSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseSearchQuery = z.infer<typeof caseSearchQuerySchema>;

export const casePageSchema = z.object({ items: z.array(caseListItemSchema), next: z.string().nullable() });
export type CasePage = z.infer<typeof casePageSchema>;

/** POST /api/cases/{id}/transitions: `to` is a stage code of the case's route, or refused / returned. */
export const caseTransitionSchema = z.object({
  to: code,
  comment: z.string().trim().max(1000).optional(),
});

/** POST /api/cases/{id}/issue: the result handed over after the identity document was checked. */
export const caseIssueSchema = z.object({
  documentChecked: z.literal(true, { error: 'check the identity document first' }),
  receivedBy: z.enum(['applicant', 'representative']),
  /** The representative's name and power of attorney, when it was them. */
  representative: z.string().trim().min(1).max(300).optional(),
  comment: z.string().trim().max(1000).optional(),
});

/** POST /api/cases/{id}/documents: a document added later, or a replacement of one (kept, never deleted). */
export const caseDocumentAddSchema = caseDocumentInputSchema.extend({
  replaces: z.uuid().optional(),
  /** A scan: PDF, JPEG or PNG, base64, at most 5 MB. */
  scan: z
    .object({
      contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
      data: z.base64().max(7_000_000),
    })
    .optional(),
});

/** POST /api/cases/{id}/suspensions: the applicant must bring something (a request pauses by itself). */
export const caseSuspendSchema = z.object({ note: text(500) });
/** POST /api/cases/{id}/suspensions/{suspension}/end */
export const suspensionParamsSchema = z.object({ id: z.uuid(), suspension: z.uuid() });

/** The full applicant (GET /api/cases/{id}/applicant): every read is a logged operation. */
export const fullApplicantSchema = z.object({
  kind: z.enum(['person', 'business']),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  birthDate: z.string().nullable(),
  identityDocument: z
    .object({ kind: identityDocumentKindSchema, series: z.string().nullable(), number: z.string() })
    .nullable(),
  snils: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  inn: z.string().nullable(),
  ogrn: z.string().nullable(),
  representative: z.string().nullable(),
  consent: z.object({ sms: z.boolean(), email: z.boolean() }),
});
export type FullApplicant = z.infer<typeof fullApplicantSchema>;

export const caseEventKindSchema = z.enum([
  'accepted',
  'document_added',
  'document_replaced',
  'scan_viewed',
  'receipt_printed',
  'personal_data_viewed',
  'transition',
  'deadline_changed',
  'suspended',
  'resumed',
  'register_added',
  'register_removed',
  'register_handed_over',
  'register_accepted',
  'request_created',
  'request_sent',
  'request_failed',
  'request_answered',
  'issued',
  'exported',
]);
export type CaseEventKind = z.infer<typeof caseEventKindSchema>;

export const caseEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: caseEventKindSchema,
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  office: z.string().nullable(),
  /** What changed: before / after, the document, the register, the request… */
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

// ── what citizens see ───────────────────────────────────────────────────────────────────────────────────

export const statusQuerySchema = z.object({
  number: caseNumberSchema,
  pin: z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const parsed = parsePin(v);
      if (parsed) return parsed;
      ctx.addIssue({ code: 'custom', ...rule('the PIN is 6 digits from the receipt', 'pin') });
      return z.NEVER;
    }),
});

/** GET /api/status: the same answer on every channel, and nothing personal in it. */
export const caseStatusSchema = z.object({
  number: z.string(),
  service: z.object({ code: z.string(), title: z.string() }),
  agency: z.string().nullable(),
  stage: caseStageSchema,
  stages: z.array(caseStageSchema),
  final: z.boolean(),
  acceptedOn: z.string(),
  dueDate: z.string(),
  pausedSince: z.string().nullable(),
  resultReady: z.boolean(),
  issued: z.boolean(),
  collect: z.object({
    office: z.object({ code: z.string(), name: z.string(), address: z.string(), timeZone: z.string() }),
    /** The last day the result is kept, once it is at the office. */
    until: z.string().nullable(),
  }),
  ratingToken: z
    .string()
    .nullable()
    .describe(
      'the token of GET/POST /api/ratings/{token} to rate this case (null where the channel does not rate)',
    ),
});
export type CaseStatus = z.infer<typeof caseStatusSchema>;

// ── the region's setup ──────────────────────────────────────────────────────────────────────────────────

/** A region folder's `cases.json`: the settings of migration 0010's case_settings, all optional. */
export const casesRegionFileSchema = z
  .object({
    /** The region's two-digit code: the first part of every case number. */
    numberPrefix: z.string().regex(/^\d{2}$/, 'two digits, the region’s code (48 for Lipetsk)'),
    requestSendDays: z.number().int().min(0).max(30),
    requestAnswerDays: z.number().int().min(1).max(60),
    requestAttemptLimit: z.number().int().min(1).max(100),
    returnSoonDays: z.number().int().min(0).max(30),
    defaultKeepDays: z.number().int().min(1).max(3650),
    statusFailuresPerNumber: z.number().int().min(1).max(1000),
    statusFailureWindowMinutes: z.number().int().min(1).max(10080),
  })
  .partial()
  .strict();
export type CasesRegionFile = z.infer<typeof casesRegionFileSchema>;

/** GET /api/cases/work-counts?office=&agency=: the work lists' sizes per office and agency, in the user's scope. */
export const caseWorkCountsQuerySchema = z.object({ office: code.optional(), agency: code.optional() });
export const caseWorkCountsSchema = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      office: z.string(),
      agency: z.string().nullable(),
      toSend: z.number().int(),
      /** Of those to send: not handed over by the working day after acceptance. */
      sendLate: z.number().int(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      toIssue: z.number().int(),
      suspended: z.number().int(),
    }),
  ),
});
export type CaseWorkCounts = z.infer<typeof caseWorkCountsSchema>;
