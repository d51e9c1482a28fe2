import {
  bigint,
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  TicketEventKind,
  TicketOutcome,
  TicketStatus,
  VisitPurpose,
  WindowStatus,
} from '../../../shared/queue.js';
import { isoDate, timestamptz } from '../../db/columns.js';

/**
 * The queue's tables (migration 0008): settings, priority categories, kiosks, tickets and their
 * append-only events, per-day counters, the windows operators hold, each office's board sequence.
 * `schema-drift.integration.test.ts` keeps these equal to the SQL.
 */

export const queueSettings = pgTable('queue_settings', {
  id: boolean('id').primaryKey().default(true),
  closingMarginMinutes: integer('closing_margin_minutes').notNull().default(15),
  starvationMinutes: integer('starvation_minutes').notNull().default(25),
  noShowAfterCalls: integer('no_show_after_calls').notNull().default(2),
  postponeMinutes: integer('postpone_minutes').notNull().default(10),
  alertWaitMinutes: integer('alert_wait_minutes').notNull().default(12),
  targetWaitMinutes: integer('target_wait_minutes').notNull().default(15),
  dayEndGraceMinutes: integer('day_end_grace_minutes').notNull().default(30),
  turnNearAhead: integer('turn_near_ahead').notNull().default(3),
  defaultServiceMinutes: integer('default_service_minutes').notNull().default(12),
  letters: jsonb('letters').$type<Record<string, string>>().notNull().default({}),
});
export type QueueSettingsRow = typeof queueSettings.$inferSelect;

export const priorityCategories = pgTable('priority_categories', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  federal: boolean('federal').notNull().default(false),
  rank: smallint('rank').notNull().default(1),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
});
export type PriorityCategoryRow = typeof priorityCategories.$inferSelect;

export const officeQueueState = pgTable('office_queue_state', {
  officeCode: text('office_code').primaryKey(),
  boardSeq: bigint('board_seq', { mode: 'number' }).notNull().default(0),
  message: text('message'),
});

export const kiosks = pgTable('kiosks', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeCode: text('office_code').notNull(),
  label: text('label').notNull(),
  codeHash: text('code_hash'),
  codeExpiresAt: timestamptz('code_expires_at'),
  tokenHash: text('token_hash'),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  enrolledAt: timestamptz('enrolled_at'),
  revokedAt: timestamptz('revoked_at'),
  lastSeenAt: timestamptz('last_seen_at'),
});
export type KioskRow = typeof kiosks.$inferSelect;

export const ticketCounters = pgTable(
  'ticket_counters',
  {
    officeCode: text('office_code').notNull(),
    day: isoDate('day').notNull(),
    letter: text('letter').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.day, t.letter] })],
);

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeCode: text('office_code').notNull(),
  day: isoDate('day').notNull(),
  letter: text('letter').notNull(),
  seq: integer('seq').notNull(),
  track: text('track').notNull(),
  serviceCode: text('service_code'),
  categoryCode: text('category_code'),
  purpose: text('purpose').$type<VisitPurpose>(),
  priorityCode: text('priority_code'),
  priorityRank: smallint('priority_rank').notNull().default(0),
  /** Sealed phone in its normal form. */
  phone: text('phone'),
  phoneHash: text('phone_hash'),
  locale: text('locale').$type<'ru' | 'en'>().notNull().default('ru'),
  channel: text('channel').$type<'kiosk' | 'staff' | 'booking'>().notNull(),
  kioskId: uuid('kiosk_id'),
  issuedBy: uuid('issued_by'),
  status: text('status').$type<TicketStatus>().notNull().default('waiting'),
  issuedAt: timestamptz('issued_at').notNull().defaultNow(),
  queuedAt: timestamptz('queued_at').notNull().defaultNow(),
  dueAt: timestamptz('due_at'),
  bookedFor: timestamptz('booked_for'),
  bookingId: uuid('booking_id'),
  targetWindow: integer('target_window'),
  returnWindow: integer('return_window'),
  windowNumber: integer('window_number'),
  operatorId: uuid('operator_id'),
  calls: smallint('calls').notNull().default(0),
  calledAt: timestamptz('called_at'),
  startedAt: timestamptz('started_at'),
  finishedAt: timestamptz('finished_at'),
  outcome: text('outcome').$type<TicketOutcome>(),
  outcomeNote: text('outcome_note'),
  caseId: uuid('case_id'),
  estimatedWaitMinutes: integer('estimated_wait_minutes'),
  turnNearSent: boolean('turn_near_sent').notNull().default(false),
  /** Written by `okno simulate` (migration 0011). */
  simulated: boolean('simulated').notNull().default(false),
});
export type TicketRow = typeof tickets.$inferSelect;

export const ticketEvents = pgTable('ticket_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  officeCode: text('office_code').notNull(),
  at: timestamptz('at').notNull().defaultNow(),
  kind: text('kind').$type<TicketEventKind>().notNull(),
  windowNumber: integer('window_number'),
  operatorId: uuid('operator_id'),
  boardSeq: bigint('board_seq', { mode: 'number' }),
  details: jsonb('details').$type<Record<string, unknown>>(),
});
export type TicketEventRow = typeof ticketEvents.$inferSelect;

export const windowStates = pgTable(
  'window_states',
  {
    officeCode: text('office_code').notNull(),
    number: integer('number').notNull(),
    status: text('status').$type<WindowStatus>().notNull().default('closed'),
    operatorId: uuid('operator_id'),
    since: timestamptz('since'),
    pauseReason: text('pause_reason'),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.number] })],
);
export type WindowStateRow = typeof windowStates.$inferSelect;
