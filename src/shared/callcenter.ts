import { z } from 'zod';
import { pageQuery } from './admin-common.js';
import { staffBookingSchema } from './booking.js';
import { caseStatusSchema, maskedApplicantSchema, statusQuerySchema } from './cases.js';
import { isoDateSchema } from './network.js';
import { outboxMessageSchema } from './notifications.admin.js';
import { channelSchema } from './notifications.js';
import { phoneInputSchema } from './phone-input.js';

/**
 * Contracts of the call-center console (/api/staff/callcenter): calls, what okno knows of a caller's phone
 * (masked), the full view after the caller answered the verification question (logged), call-backs. Shared
 * by the server and the web app, with the pure rules both apply (how long a call is, when it is long).
 */

export const callOutcomeSchema = z.enum(['information', 'booking', 'status', 'complaint', 'other']);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;
export const callOutcomes = callOutcomeSchema.options;

/** What the caller answered before their data is shown in full. */
export const verificationQuestionSchema = z.enum(['name_and_date', 'booking_code', 'case_pin', 'other']);
export type VerificationQuestion = z.infer<typeof verificationQuestionSchema>;
export const verificationQuestions = verificationQuestionSchema.options;

export const callbackStatusSchema = z.enum(['open', 'done', 'cancelled']);
export type CallbackStatus = z.infer<typeof callbackStatusSchema>;

/** A call over this many seconds is a long one (DOMAIN.md: phone calls over 10 minutes are reported). */
export const longCallSeconds = 600;

/** Whole seconds a call lasted, or has lasted until `now` while it runs (never negative). */
export function callSeconds(startedAt: string, endedAt: string | null, now: Date): number {
  const end = endedAt ? Date.parse(endedAt) : now.getTime();
  return Math.max(0, Math.floor((end - Date.parse(startedAt)) / 1000));
}
export const isLongCall = (seconds: number) => seconds > longCallSeconds;

/** `mm:ss` (and `h:mm:ss` past an hour) for the call's timer. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

// the phone of a call, a lookup or a call-back (its own file: the queue's contracts use it too, and the
// caller's bookings here use the booking contracts, which use the queue's)
export { phoneInputSchema };

const uuidParam = z.uuid().transform((id) => id.toLowerCase());
export const callIdParamsSchema = z.object({ id: uuidParam });
export const callbackIdParamsSchema = z.object({ id: uuidParam });
const noteText = z.string().max(2000);

// ── calls ───────────────────────────────────────────────────────────────────────────────────────────────
export const callStartSchema = z.object({ phone: phoneInputSchema.optional() });
export type CallStartInput = z.infer<typeof callStartSchema>;

/**
 * A change of a call: its phone (a new one clears the verification), the service asked about, the note;
 * `end: true` ends it with its outcome. The outcome is set only with the end, or corrected after it.
 */
export const callUpdateSchema = z
  .object({
    phone: phoneInputSchema.nullable().optional(),
    serviceCode: z.string().min(1).max(64).nullable().optional(),
    note: noteText.optional(),
    outcome: callOutcomeSchema.optional(),
    end: z.boolean().optional(),
  })
  .refine((b) => !b.end || b.outcome !== undefined, {
    path: ['outcome'],
    message: 'an outcome is required to end the call',
    params: { rule: 'required' },
  });
export type CallUpdateInput = z.infer<typeof callUpdateSchema>;

export const callSchema = z.object({
  id: z.string(),
  operator: z.object({ id: z.string(), login: z.string() }),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  running: z.boolean(),
  /** Seconds so far while it runs. */
  durationSeconds: z.number().int(),
  /** Over 10 minutes. */
  long: z.boolean(),
  outcome: callOutcomeSchema.nullable(),
  /** Masked: `+7 *** ***-**-89`. */
  phone: z.string().nullable(),
  service: z.object({ code: z.string(), title: z.string() }).nullable(),
  note: z.string(),
  verifiedAt: z.string().nullable(),
  verifiedQuestion: verificationQuestionSchema.nullable(),
});
export type Call = z.infer<typeof callSchema>;

export const callsQuerySchema = z.object({
  /** Only my calls; an admin without it sees every operator's (an operator always sees only their own). */
  mine: z.enum(['true', 'false']).optional(),
  /** Started on or after this day (UTC). */
  from: isoDateSchema.optional(),
  /** Started on or before this day (UTC). */
  to: isoDateSchema.optional(),
  ...pageQuery,
});
export type CallsQuery = z.infer<typeof callsQuerySchema>;
export const callsPageSchema = z.object({ items: z.array(callSchema), total: z.number().int() });
export type CallsPage = z.infer<typeof callsPageSchema>;

export const verifyBodySchema = z
  .object({
    /** false withdraws an earlier answer (the caller could not answer after all). */
    answered: z.boolean(),
    question: verificationQuestionSchema,
    /**
     * For `booking_code`: the code the caller read out. The server checks it is the code of one of the
     * number's bookings (the operator never sees the codes before the verification).
     */
    bookingCode: z.string().trim().max(64).optional(),
    /**
     * For `case_pin`: the PIN from a receipt the caller read out. The server checks it is the PIN of one of
     * the number's cases (the operator never sees the PINs).
     */
    casePin: z.string().trim().max(40).optional(),
  })
  .refine((b) => !b.answered || b.question !== 'booking_code' || Boolean(b.bookingCode), {
    path: ['bookingCode'],
    message: 'the code the caller told is required for this question',
    params: { rule: 'required' },
  })
  .refine((b) => !b.answered || b.question !== 'case_pin' || Boolean(b.casePin), {
    path: ['casePin'],
    message: 'the PIN the caller told is required for this question',
    params: { rule: 'required' },
  });
export type VerifyInput = z.infer<typeof verifyBodySchema>;

export const resendBodySchema = z.object({ channel: channelSchema.optional() });

// ── the caller ──────────────────────────────────────────────────────────────────────────────────────────
export const lookupQuerySchema = z.object({
  phone: phoneInputSchema,
  /**
   * The operator's running call with this number: once its caller answered the verification question,
   * the bookings come in full (and that view is logged as an access to personal data).
   */
  call: z.uuid().optional(),
});

/**
 * A booking of the caller's number. Masked (the code too: the caller may be asked for it) until the
 * caller is verified on the operator's call; then in full — code, name, phone, e-mail.
 */
export const callerBookingSchema = staffBookingSchema.omit({ notified: true }).extend({
  officeName: z.string(),
  /** The office's time zone: the times are shown on its clock. */
  timeZone: z.string(),
  /** Null while masked. */
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type CallerBooking = z.infer<typeof callerBookingSchema>;

/**
 * A case whose applicant gave the caller's number. Masked — the number but its last four digits, the
 * applicant as lists show them — until the caller is verified on the operator's call; then the case's
 * status (the status API's answer) and the applicant's name and contacts (the view is logged, also on
 * the case's trail).
 */
export const callerCaseSchema = z.object({
  id: z.string(),
  /** `48-2026-•••1234` while masked. */
  number: z.string(),
  service: z.object({ code: z.string(), title: z.string() }),
  stage: z.object({ code: z.string(), title: z.string() }),
  final: z.boolean(),
  acceptedOn: z.string(),
  dueDate: z.string(),
  pausedSince: z.string().nullable(),
  office: z.object({ code: z.string(), name: z.string() }),
  /** «Иванова М. П.», or the organisation's name. */
  applicantMasked: z.string(),
  /** Null while masked. */
  status: caseStatusSchema.nullable(),
  applicant: z
    .object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
});
export type CallerCase = z.infer<typeof callerCaseSchema>;

/** GET /api/staff/callcenter/cases?number= */
export const callcenterCaseQuerySchema = z.object({ number: statusQuerySchema.shape.number });

/**
 * A case found by its number for the operator (no PIN: staff are signed in): the status API's answer and
 * the applicant masked, as every list shows them.
 */
export const callcenterCaseSchema = z.object({
  id: z.string(),
  status: caseStatusSchema,
  applicant: maskedApplicantSchema,
});
export type CallcenterCase = z.infer<typeof callcenterCaseSchema>;

export const callbackSchema = z.object({
  id: z.string(),
  callId: z.string().nullable(),
  /** Masked. */
  phone: z.string(),
  dueAt: z.string(),
  /** Open and past its due time. */
  overdue: z.boolean(),
  note: z.string(),
  status: callbackStatusSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type Callback = z.infer<typeof callbackSchema>;

/**
 * Everything okno knows of a phone number, masked: nothing here is a view of personal data. Each section
 * is filled by the module that owns it: bookings (`bookings.of-phone.ts`), cases (`cases.of-phone.ts`).
 */
export const callerLookupSchema = z.object({
  /** Masked. */
  phone: z.string(),
  /** Earlier calls from this number, newest first. */
  calls: z.array(callSchema),
  /** Messages sent to this number, newest first (no text). */
  messages: z.array(outboxMessageSchema),
  /** Open call-backs to this number, by due time. */
  callbacks: z.array(callbackSchema),
  /** The number's bookings: the active ones by time, then the latest others. */
  bookings: z.array(callerBookingSchema),
  /** The bookings are shown in full (a verified call of the operator's own; the view was logged). */
  bookingsFull: z.boolean(),
  /** The cases whose applicant gave this number: the open ones, newest first, then the latest closed. */
  cases: z.array(callerCaseSchema),
  /** The cases are shown in full (the same verified call; the view was logged, on each case's trail too). */
  casesFull: z.boolean(),
});
export type CallerLookup = z.infer<typeof callerLookupSchema>;

/** The full view: the phone and the texts sent to it. Shown only on a verified call; every view is logged. */
export const callerContactSchema = z.object({
  callId: z.string(),
  phone: z.string(),
  messages: z.array(
    outboxMessageSchema.extend({ to: z.string(), subject: z.string().nullable(), text: z.string() }),
  ),
});
export type CallerContact = z.infer<typeof callerContactSchema>;

// ── call-backs ──────────────────────────────────────────────────────────────────────────────────────────
export const callbackCreateSchema = z.object({
  phone: phoneInputSchema,
  /** An instant with its offset: `2026-03-09T15:30:00+03:00`. */
  dueAt: z.iso.datetime({ offset: true }),
  note: noteText.default(''),
  callId: z.uuid().optional(),
});
export type CallbackCreateInput = z.input<typeof callbackCreateSchema>;

export const callbacksQuerySchema = z.object({
  status: callbackStatusSchema.default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
