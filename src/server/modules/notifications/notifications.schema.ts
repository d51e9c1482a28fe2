import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { Channel, Locale, MessageStatus, NotificationEvent } from '../../../shared/notifications.js';
import { timestamptz } from '../../db/columns.js';

/**
 * The notifications' tables: the outbox of messages to citizens, the attempts to deliver each, and the
 * addresses that unsubscribed. Created by migration 0006; `schema-drift.integration.test.ts` keeps these equal.
 */

export const outboxMessages = pgTable('outbox_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  event: text('event').$type<NotificationEvent>().notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  status: text('status').$type<MessageStatus>().notNull().default('queued'),
  /** Sealed address (privacy/personal-data.ts). */
  recipient: text('recipient').notNull(),
  recipientHash: text('recipient_hash').notNull(),
  recipientMasked: text('recipient_masked').notNull(),
  locale: text('locale').$type<Locale>().notNull().default('ru'),
  /** Sealed JSON of the rendered message: `{ subject?, text, html? }`. */
  content: text('content').notNull(),
  officeCode: text('office_code'),
  subjectKind: text('subject_kind'),
  subjectRef: text('subject_ref'),
  attempts: integer('attempts').notNull().default(0),
  attemptLimit: integer('attempt_limit').notNull(),
  nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at'),
  quietZone: text('quiet_zone'),
  provider: text('provider'),
  providerId: text('provider_id'),
  lastError: text('last_error'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  sentAt: timestamptz('sent_at'),
  deliveredAt: timestamptz('delivered_at'),
  failedAt: timestamptz('failed_at'),
  resentFrom: uuid('resent_from'),
});
export type OutboxMessageRow = typeof outboxMessages.$inferSelect;

export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    messageId: uuid('message_id').notNull(),
    attempt: integer('attempt').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    finishedAt: timestamptz('finished_at').notNull(),
    outcome: text('outcome').$type<'sent' | 'retry' | 'permanent' | 'expired'>().notNull(),
    detail: text('detail'),
    worker: text('worker').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.attempt] })],
);

export const notificationOptouts = pgTable(
  'notification_optouts',
  {
    recipientHash: text('recipient_hash').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recipientHash, t.channel] })],
);
