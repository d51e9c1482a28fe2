import { and, eq, inArray } from 'drizzle-orm';
import type { Channel, MessageStatus, NotificationEvent } from '../../../shared/notifications.js';
import { type Db, rows, sql, textArray } from '../../db/client.js';
import { notificationOptouts, outboxAttempts, outboxMessages } from './notifications.schema.js';

/** The outbox's hot queries: write messages, take due ones, record what became of an attempt. */

export type NewMessage = Required<
  Pick<
    typeof outboxMessages.$inferInsert,
    | 'event'
    | 'channel'
    | 'recipient'
    | 'recipientHash'
    | 'recipientMasked'
    | 'locale'
    | 'content'
    | 'officeCode'
    | 'subjectKind'
    | 'subjectRef'
    | 'attemptLimit'
    | 'nextAttemptAt'
    | 'expiresAt'
    | 'quietZone'
  >
>;

/**
 * Writes the messages, except those whose address unsubscribed from their channel, in one statement (the
 * hottest write of okno: every booking, stage and ticket call makes one). The ids and channels written.
 */
export async function insertUnlessUnsubscribed(
  tx: Db,
  messages: readonly NewMessage[],
): Promise<{ id: string; channel: Channel }[]> {
  if (!messages.length) return [];
  const m = outboxMessages;
  const o = notificationOptouts;
  const values = sql.join(
    messages.map(
      (r) =>
        sql`(${r.event}, ${r.channel}, ${r.recipient}, ${r.recipientHash}, ${r.recipientMasked}, ${r.locale},
          ${r.content}, ${r.officeCode}, ${r.subjectKind}, ${r.subjectRef}, ${r.attemptLimit}::int,
          ${r.nextAttemptAt}::timestamptz, ${r.expiresAt}::timestamptz, ${r.quietZone})`,
    ),
    sql`, `,
  );
  return rows<{ id: string; channel: Channel }>(
    tx,
    sql`insert into ${m} (event, channel, recipient, recipient_hash, recipient_masked, locale, content,
          office_code, subject_kind, subject_ref, attempt_limit, next_attempt_at, expires_at, quiet_zone)
        select * from (values ${values}) as v (event, channel, recipient, recipient_hash, recipient_masked,
          locale, content, office_code, subject_kind, subject_ref, attempt_limit, next_attempt_at, expires_at,
          quiet_zone)
        where not exists (select 1 from ${o} where ${o.recipientHash} = v.recipient_hash and ${o.channel} = v.channel)
        returning ${m.id}, ${m.channel}`,
  );
}

export type ClaimedMessage = {
  id: string;
  event: NotificationEvent;
  channel: Channel;
  recipient: string;
  recipientHash: string;
  content: string;
  attempts: number;
  attemptLimit: number;
  expiresAt: string | null;
  quietZone: string | null;
};

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Takes up to `limit` due messages of the given channels for this worker: marks them `sending`, counts the
 * attempt and holds them until `holdUntil` (a worker that dies leaves them due again then). `SKIP LOCKED`
 * lets any number of workers on any number of instances claim at once without waiting on or sharing a row.
 */
export async function claimDue(
  db: Db,
  p: { now: Date; holdUntil: Date; channels: readonly Channel[]; limit: number },
): Promise<ClaimedMessage[]> {
  if (p.channels.length === 0) return [];
  const m = outboxMessages;
  return rows<ClaimedMessage>(
    db,
    sql`with due as (
          select ${m.id} from ${m}
          where ${m.status} in ('queued', 'sending') and ${m.nextAttemptAt} <= ${ts(p.now)}
            and ${m.channel} = any(${textArray(p.channels)})
          order by ${m.nextAttemptAt}
          limit ${p.limit}
          for update skip locked
        )
        update ${m} set status = 'sending', attempts = ${m}.attempts + 1, next_attempt_at = ${ts(p.holdUntil)}
        from due where ${m}.id = due.id
        returning ${m}.id, ${m}.event, ${m}.channel, ${m}.recipient, ${m}.recipient_hash as "recipientHash",
          ${m}.content, ${m}.attempts, ${m}.attempt_limit as "attemptLimit", ${m}.expires_at as "expiresAt",
          ${m}.quiet_zone as "quietZone"`,
  );
}

export type AttemptOutcome =
  | { outcome: 'sent'; provider: string; providerId: string | null }
  | { outcome: 'retry'; reason: string; retryAt: Date }
  | { outcome: 'permanent' | 'expired'; reason: string };

/**
 * Records an attempt and the message's new state in one transaction. The update holds only while this
 * worker still holds the message (`sending`, same attempt): a worker whose hold lapsed and was taken over
 * writes its attempt but never overwrites the newer state.
 */
export async function recordAttempt(
  db: Db,
  message: ClaimedMessage,
  a: { startedAt: Date; finishedAt: Date; worker: string; result: AttemptOutcome },
): Promise<MessageStatus | null> {
  const r = a.result;
  const exhausted = r.outcome === 'retry' && message.attempts >= message.attemptLimit;
  const status: MessageStatus =
    r.outcome === 'sent' ? 'sent' : r.outcome === 'retry' && !exhausted ? 'queued' : 'failed';
  const at = a.finishedAt.toISOString();
  const reason = r.outcome === 'sent' ? null : exhausted ? `attempts used up: ${r.reason}` : r.reason;
  return db.transaction(async (tx) => {
    await tx.insert(outboxAttempts).values({
      messageId: message.id,
      attempt: message.attempts,
      startedAt: a.startedAt.toISOString(),
      finishedAt: at,
      outcome: r.outcome,
      detail: r.outcome === 'sent' ? (r.providerId ?? null) : r.reason,
      worker: a.worker,
    });
    const changed = await tx
      .update(outboxMessages)
      .set({
        status,
        lastError: reason,
        ...(r.outcome === 'sent' ? { provider: r.provider, providerId: r.providerId, sentAt: at } : {}),
        ...(status === 'queued' && r.outcome === 'retry' ? { nextAttemptAt: r.retryAt.toISOString() } : {}),
        ...(status === 'failed' ? { failedAt: at } : {}),
      })
      .where(
        and(
          eq(outboxMessages.id, message.id),
          eq(outboxMessages.status, 'sending'),
          eq(outboxMessages.attempts, message.attempts),
        ),
      )
      .returning({ id: outboxMessages.id });
    // Null: another worker had taken the message over meanwhile; its state stands.
    return changed.length ? status : null;
  });
}

/**
 * Gives a claimed message back untried — not counted as an attempt — to be taken again at `at`: the quiet
 * hours began, or this worker's hold on it is running out before it got to it.
 */
export async function releaseClaim(db: Db, message: ClaimedMessage, at: Date): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: 'queued', attempts: sql`${outboxMessages.attempts} - 1`, nextAttemptAt: at.toISOString() })
    .where(
      and(
        eq(outboxMessages.id, message.id),
        eq(outboxMessages.status, 'sending'),
        eq(outboxMessages.attempts, message.attempts),
      ),
    );
}

/** Of these keyed hashes, those whose address unsubscribed from e-mail. */
export async function unsubscribedEmails(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const found = await db
    .select({ hash: notificationOptouts.recipientHash })
    .from(notificationOptouts)
    .where(
      and(eq(notificationOptouts.channel, 'email'), inArray(notificationOptouts.recipientHash, [...hashes])),
    );
  return new Set(found.map((f) => f.hash));
}
