import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { CallbackStatus, CallOutcome, VerificationQuestion } from '../../../shared/callcenter.js';
import { timestamptz } from '../../db/columns.js';

/**
 * The call center's tables: the calls operators take and the call-backs promised to callers. A phone is
 * sealed (privacy/personal-data.ts), found by its keyed hash, shown masked. Created by migration 0007;
 * `schema-drift.integration.test.ts` keeps these equal.
 */

export const calls = pgTable('calls', {
  id: uuid('id').primaryKey().defaultRandom(),
  operatorId: uuid('operator_id').notNull(),
  operatorLogin: text('operator_login').notNull(),
  startedAt: timestamptz('started_at').notNull().defaultNow(),
  endedAt: timestamptz('ended_at'),
  outcome: text('outcome').$type<CallOutcome>(),
  /** Sealed phone in its normal form (+7XXXXXXXXXX). */
  phone: text('phone'),
  phoneHash: text('phone_hash'),
  phoneMasked: text('phone_masked'),
  serviceCode: text('service_code'),
  note: text('note').notNull().default(''),
  verifiedAt: timestamptz('verified_at'),
  verifiedQuestion: text('verified_question').$type<VerificationQuestion>(),
});
export type CallRow = typeof calls.$inferSelect;

export const callbacks = pgTable('callbacks', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: uuid('call_id'),
  /** Sealed phone in its normal form. */
  phone: text('phone').notNull(),
  phoneHash: text('phone_hash').notNull(),
  phoneMasked: text('phone_masked').notNull(),
  dueAt: timestamptz('due_at').notNull(),
  note: text('note').notNull().default(''),
  status: text('status').$type<CallbackStatus>().notNull().default('open'),
  createdBy: uuid('created_by').notNull(),
  doneBy: uuid('done_by'),
  doneAt: timestamptz('done_at'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
export type CallbackRow = typeof callbacks.$inferSelect;
