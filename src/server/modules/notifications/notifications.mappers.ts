import type { OutboxAttempt, OutboxMessage } from '../../../shared/notifications.admin.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import type { OutboxMessageRow, outboxAttempts } from './notifications.schema.js';

const iso = (value: string | null) => (value === null ? null : isoTimestamp(value));

/** A message as the admin and the call center see it: masked address, no text. */
export function toOutboxMessageDto(r: OutboxMessageRow): OutboxMessage {
  const waiting = r.status === 'queued' || r.status === 'sending';
  return {
    id: r.id,
    event: r.event,
    channel: r.channel,
    status: r.status,
    recipient: r.recipientMasked,
    locale: r.locale,
    office: r.officeCode,
    about: r.subjectKind && r.subjectRef ? { kind: r.subjectKind, ref: r.subjectRef } : null,
    attempts: r.attempts,
    attemptLimit: r.attemptLimit,
    createdAt: isoTimestamp(r.createdAt),
    nextAttemptAt: waiting ? isoTimestamp(r.nextAttemptAt) : null,
    sentAt: iso(r.sentAt),
    deliveredAt: iso(r.deliveredAt),
    failedAt: iso(r.failedAt),
    lastError: r.lastError,
    provider: r.provider,
  };
}

export function toOutboxAttemptDto(a: typeof outboxAttempts.$inferSelect): OutboxAttempt {
  return {
    attempt: a.attempt,
    startedAt: isoTimestamp(a.startedAt),
    finishedAt: isoTimestamp(a.finishedAt),
    outcome: a.outcome,
    detail: a.detail,
    worker: a.worker,
  };
}
