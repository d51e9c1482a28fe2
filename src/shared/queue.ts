import { z } from 'zod';
import { phoneInputSchema } from './phone-input.js';

/**
 * Contracts of the electronic queue: tickets (kiosk, staff, the ticket page), windows and the operator's
 * actions, the office's load, the office head's overview, the display board's events, kiosks. Shared by
 * the server and the web app. Pure rules (the call-next order, the wait prediction, the spoken call) live
 * in `queue.call-order.ts`, `queue.wait.ts` and `queue.speech.ts` beside this file.
 */

/** Why a visitor came when no service is chosen at the kiosk. */
export const visitPurposeSchema = z.enum(['submit', 'collect', 'consult']);
export type VisitPurpose = z.infer<typeof visitPurposeSchema>;
export const visitPurposes = visitPurposeSchema.options;

export const ticketStatusSchema = z.enum([
  'waiting', // in the queue (a postponed ticket waits until `dueAt`)
  'called', // called to a window, the visitor not there yet
  'serving', // at the window
  'done', // finished with an outcome
  'no_show', // called the configured number of times, never came
  'closed', // still waiting when the day ended
]);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;
export const activeTicketStatuses = ['waiting', 'called', 'serving'] as const satisfies TicketStatus[];

export const ticketOutcomeSchema = z.enum(['application_accepted', 'consultation_given', 'refused']);
export type TicketOutcome = z.infer<typeof ticketOutcomeSchema>;

/** Every state change of a ticket is one of these, appended with time, window and operator. */
export const ticketEventKindSchema = z.enum([
  'issued',
  'called',
  'recalled',
  'started',
  'finished',
  'no_show',
  'postponed',
  'redirected',
  'returned', // came back to the window that redirected it ("return to me")
  'closed',
]);
export type TicketEventKind = z.infer<typeof ticketEventKindSchema>;

export const windowStatusSchema = z.enum(['closed', 'open', 'paused']);
export type WindowStatus = z.infer<typeof windowStatusSchema>;

/** Bands of the predicted wait, in minutes: under 10, 10–20, 20–30, over 30. */
export const waitBandSchema = z.enum(['under10', '10to20', '20to30', 'over30']);
export type WaitBand = z.infer<typeof waitBandSchema>;

export const queueCodeSchema = z.string().trim().min(1).max(64);
const uuidParam = z.uuid().transform((id) => id.toLowerCase());
/** The ticket page's key: 22 characters of base64url (128 random bits), never the ticket's id. */
export const trackSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'expected a ticket tracking code');

export const officeParamsSchema = z.object({ office: queueCodeSchema });
export const windowParamsSchema = z.object({
  office: queueCodeSchema,
  number: z.coerce.number().int().min(1).max(999),
});
export const ticketIdParamsSchema = z.object({ id: uuidParam });
export const trackParamsSchema = z.object({ track: trackSchema });

// ── tickets ─────────────────────────────────────────────────────────────────────────────────────────────

/** POST /api/offices/{office}/tickets: a service or a purpose (or both; a purpose alone is fine). */
export const ticketCreateSchema = z
  .object({
    service: queueCodeSchema.optional(),
    purpose: visitPurposeSchema.optional(),
    priority: queueCodeSchema.optional(),
    phone: phoneInputSchema.optional(),
    locale: z.enum(['ru', 'en']).optional(),
  })
  .strict()
  .refine((t) => t.service !== undefined || t.purpose !== undefined, {
    message: 'choose a service or a purpose of the visit',
    path: ['service'],
    params: { rule: 'service_or_purpose' },
  });
export type TicketCreate = z.infer<typeof ticketCreateSchema>;

const calledTo = z.object({ window: z.number().int(), label: z.string(), at: z.string() }).nullable();

/** A ticket as its holder and the public see it: no personal data. */
export const publicTicketSchema = z.object({
  number: z.string().describe('letter, hyphen and three digits, e.g. А-017'),
  status: ticketStatusSchema,
  office: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }),
  service: z.object({ code: z.string(), title: z.string() }).nullable(),
  purpose: visitPurposeSchema.nullable(),
  priority: z.object({ code: z.string(), title: z.string() }).nullable(),
  issuedAt: z.string(),
  position: z.number().int().nullable().describe('people ahead while waiting; null once called'),
  estimatedWaitMinutes: z.number().int().nullable(),
  dueAt: z.string().nullable().describe('a postponed ticket waits until then'),
  calledTo: calledTo.describe('the window it is called to while called or served'),
  documents: z.array(z.object({ name: z.string(), required: z.boolean() })),
  ratingToken: z
    .string()
    .nullable()
    .describe('once the visit is finished (done): the token of GET/POST /api/ratings/{token}; null before'),
});
export type PublicTicket = z.infer<typeof publicTicketSchema>;

/** 201 of POST /api/offices/{office}/tickets. */
export const issuedTicketSchema = publicTicketSchema.extend({
  id: z.uuid(),
  track: trackSchema,
  position: z.number().int(),
  estimatedWaitMinutes: z.number().int(),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

/** A ticket as staff see it in a console (the phone never: only whether there is one). */
export const staffTicketSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: ticketStatusSchema,
  officeCode: z.string(),
  service: z.object({ code: z.string(), title: z.string() }).nullable(),
  purpose: visitPurposeSchema.nullable(),
  priority: z.object({ code: z.string(), title: z.string() }).nullable(),
  issuedAt: z.string(),
  queuedAt: z.string().describe('what the wait is counted from (kept on postpone and redirect)'),
  dueAt: z.string().nullable(),
  waitedMinutes: z.number().int(),
  window: z.number().int().nullable(),
  targetWindow: z.number().int().nullable().describe('redirected to (or back to) this window'),
  returnWindow: z.number().int().nullable().describe('comes back to this window when served elsewhere'),
  calls: z.number().int(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: ticketOutcomeSchema.nullable(),
  hasPhone: z.boolean(),
  bookedFor: z.string().nullable(),
  channel: z.enum(['kiosk', 'staff', 'booking']),
});
export type StaffTicket = z.infer<typeof staffTicketSchema>;

export const callNextResultSchema = z.object({ ticket: staffTicketSchema.nullable() });

export const finishBodySchema = z
  .object({
    outcome: ticketOutcomeSchema,
    reason: z.string().trim().max(500).optional().describe('required when refused'),
  })
  .strict()
  .refine((b) => b.outcome !== 'refused' || (b.reason ?? '').length > 0, {
    message: 'say why the visitor was refused',
    path: ['reason'],
    params: { rule: 'reason_required' },
  });
export const postponeBodySchema = z.object({ minutes: z.number().int().min(1).max(240).optional() }).strict();
export const redirectBodySchema = z
  .object({
    service: queueCodeSchema.optional(),
    window: z.number().int().min(1).max(999).optional(),
    returnToMe: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.service !== undefined || b.window !== undefined, {
    message: 'redirect to a service or a window',
    path: ['service'],
    params: { rule: 'service_or_window' },
  });
export const pauseBodySchema = z.object({ reason: z.string().trim().min(1).max(200) }).strict();

// ── windows ─────────────────────────────────────────────────────────────────────────────────────────────

export const windowStateSchema = z.object({
  number: z.number().int(),
  label: z.string(),
  status: windowStatusSchema,
  since: z.string().nullable(),
  pauseReason: z.string().nullable(),
  operator: z.object({ login: z.string(), fullName: z.string() }).nullable(),
  serviceCodes: z.array(z.string()),
  categoryCodes: z.array(z.string()),
  ticket: staffTicketSchema.nullable().describe('called or being served here'),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** The operator's own seat: the window they hold (null when none), with its ticket. */
export const myWindowSchema = z.object({
  office: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  window: windowStateSchema.nullable(),
  noShowAfterCalls: z.number().int(),
  postponeMinutes: z.number().int(),
});
export type MyWindow = z.infer<typeof myWindowSchema>;

// ── load and overview ───────────────────────────────────────────────────────────────────────────────────

/** GET /api/offices/{office}/queue (the contract) and one row of GET /api/queue/load. */
export const officeLoadSchema = z.object({
  office: z.string(),
  waiting: z.number().int(),
  openWindows: z.number().int(),
  estimatedWaitMinutes: z.number().int().nullable().describe('null when no window is open'),
  band: waitBandSchema.nullable(),
});
export type OfficeLoad = z.infer<typeof officeLoadSchema>;
export const loadQuerySchema = z.object({
  service: queueCodeSchema
    .optional()
    .describe('the predicted wait for this service, at the offices offering it'),
  offices: z
    .string()
    .max(4000)
    .optional()
    .describe('comma-separated office codes; all open offices when omitted'),
});

export const queueAlertSchema = z.object({
  kind: z.enum(['long_wait', 'open_window']),
  ticket: z.string().nullable().describe('the number of the ticket waiting too long'),
  minutes: z.number().int(),
});

export const officeOverviewSchema = z.object({
  office: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }),
  now: z.string(),
  windows: z.array(windowStateSchema),
  queues: z.array(
    z.object({
      letter: z.string(),
      service: z.object({ code: z.string(), title: z.string() }).nullable(),
      purpose: visitPurposeSchema.nullable(),
      waiting: z.number().int(),
      longestWaitMinutes: z.number().int(),
      estimatedWaitMinutes: z.number().int().nullable(),
    }),
  ),
  waiting: z.array(staffTicketSchema),
  load: officeLoadSchema,
  alerts: z.array(queueAlertSchema),
  today: z.object({
    issued: z.number().int(),
    served: z.number().int(),
    servedWithinTarget: z.number().int(),
    shareWithinTarget: z
      .number()
      .nullable()
      .describe('0..1 of the called today who waited at most 15 minutes'),
    averageWaitMinutes: z.number().nullable(),
    averageServiceMinutes: z.number().nullable(),
  }),
  settings: z.object({ alertWaitMinutes: z.number().int(), targetWaitMinutes: z.number().int() }),
});
export type OfficeOverview = z.infer<typeof officeOverviewSchema>;

// ── the board ───────────────────────────────────────────────────────────────────────────────────────────

/** One call on the board: the SSE event `call` carries it, its `id` is `seq`. */
export const boardCallSchema = z.object({
  seq: z.number().int(),
  number: z.string(),
  window: z.number().int(),
  label: z.string(),
  at: z.string(),
  recall: z.boolean(),
});
export type BoardCall = z.infer<typeof boardCallSchema>;

export const boardStateSchema = z.object({
  office: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }),
  message: z.string().nullable().describe('the office message line'),
  waiting: z.number().int(),
  calls: z.array(boardCallSchema).describe('the latest calls, newest first'),
  lastSeq: z.number().int(),
});
export type BoardState = z.infer<typeof boardStateSchema>;

/** The SSE event `queue` (no id): the number waiting changed; consoles refetch what they show. */
export const boardQueueEventSchema = z.object({ waiting: z.number().int() });

// ── kiosks and the queue's settings ─────────────────────────────────────────────────────────────────────

export const kioskSchema = z.object({
  id: z.uuid(),
  officeCode: z.string(),
  label: z.string(),
  status: z.enum(['pending', 'enrolled', 'revoked']),
  createdAt: z.string(),
  enrolledAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  codeExpiresAt: z.string().nullable(),
});
export type Kiosk = z.infer<typeof kioskSchema>;
export const kioskCreateSchema = z
  .object({ office: queueCodeSchema, label: z.string().trim().min(1).max(100) })
  .strict();
/** 201 of enrolling: the one-time code, shown once. */
export const kioskEnrollmentSchema = z.object({ kiosk: kioskSchema, code: z.string() });
export const kioskExchangeSchema = z.object({ code: z.string().trim().min(4).max(32) }).strict();
/** The device token the kiosk keeps and sends as `X-Kiosk-Token`. */
export const kioskTokenSchema = z.object({ token: z.string(), kiosk: kioskSchema });
export const kioskHeader = 'x-kiosk-token';

export const priorityCategorySchema = z.object({
  code: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  federal: z.boolean(),
});
export type PriorityCategory = z.infer<typeof priorityCategorySchema>;

/** What the kiosk shows and refuses by: the office's state now, its services by category, priorities. */
export const kioskSetupSchema = z.object({
  office: z.object({ code: z.string(), name: z.string(), timeZone: z.string(), address: z.string() }),
  openNow: z.boolean(),
  acceptsTickets: z.boolean().describe('open and not closing within the margin'),
  closedReason: z
    .enum(['closed', 'not_open_now', 'closing_soon', 'no_windows'])
    .nullable()
    .describe(
      'why it issues no tickets now (what POST …/tickets would answer in OFFICE_CLOSED details.reason)',
    ),
  closesAt: z.string().nullable().describe('HH:MM today'),
  categories: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      services: z.array(z.object({ code: z.string(), title: z.string(), shortTitle: z.string().nullable() })),
    }),
  ),
  priorities: z.array(priorityCategorySchema),
  load: officeLoadSchema,
});
export type KioskSetup = z.infer<typeof kioskSetupSchema>;
