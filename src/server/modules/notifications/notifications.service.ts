import { eq } from 'drizzle-orm';
import type { ChannelFigures, OutboxFigures, OutboxQuery } from '../../../shared/notifications.admin.js';
import { type Channel, channels, messageStatuses } from '../../../shared/notifications.js';
import type { Db } from '../../db/client.js';
import type { LiveHub } from '../../db/live-hub.js';
import { invalidField, notFound } from '../../errors.js';
import { keptContact } from '../../privacy/contacts.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { regionTimeZone } from '../network/service-offices.js';
import { toOutboxAttemptDto, toOutboxMessageDto } from './notifications.mappers.js';
import { notificationOptouts, type OutboxMessageRow, outboxMessages } from './notifications.schema.js';
import * as admin from './outbox.admin.repository.js';
import {
  enqueueNotification,
  type OutboxDeps,
  outboxChannel,
  type StoredContent,
  unsubscribeHash,
} from './outbox.enqueue.js';

/** What the admin console, the call center and the public pages ask of the notifications. */

export async function listMessages(db: Db, query: OutboxQuery) {
  const { items, total } = await admin.findMessages(db, query, await regionTimeZone(db));
  return { items: items.map(toOutboxMessageDto), total };
}

export async function getMessage(db: Db, id: string) {
  const found = await admin.findMessage(db, id);
  if (!found) throw notFound('message');
  return { ...toOutboxMessageDto(found.message), attempts: found.attempts.map(toOutboxAttemptDto) };
}

/** Failed messages go back to the queue at once; the workers are woken at commit. */
export async function retryMessages(
  db: Db,
  hub: LiveHub,
  ids: readonly string[],
  attempts: number,
): Promise<{ retried: number }> {
  return db.transaction(async (tx) => {
    const done = await admin.requeueFailed(tx, ids, attempts);
    if (done.length) await hub.publish(tx, outboxChannel, '');
    return { retried: done.length };
  });
}

/** Per channel: counts by status, success and delivery rates, lag percentiles, attempts. */
export async function deliveryFigures(
  db: Db,
  configured: Partial<Record<Channel, unknown>>,
  from?: string,
  to?: string,
): Promise<OutboxFigures> {
  const totals = await admin.channelTotals(db, await regionTimeZone(db), from, to);
  return {
    channels: channels.map((channel): ChannelFigures => {
      const mine = totals.filter((t) => t.channel === channel);
      const byStatus = Object.fromEntries(messageStatuses.map((s) => [s, 0])) as ChannelFigures['byStatus'];
      for (const t of mine) byStatus[t.status] = t.n;
      const handed = byStatus.sent + byStatus.delivered;
      const ended = handed + byStatus.failed;
      const total = mine.reduce((sum, t) => sum + t.n, 0);
      // The lag of handed-over messages: the larger share's percentile stands for both (sent dominate).
      const lagRows = mine
        .filter((t) => t.status === 'sent' || t.status === 'delivered')
        .sort((a, b) => b.n - a.n);
      const round = (x: number | null | undefined) =>
        x === null || x === undefined ? null : Math.round(x * 1000) / 1000;
      const attempts = mine.filter((t) => t.status !== 'queued' && t.status !== 'sending');
      const attemptSum = attempts.reduce((sum, t) => sum + (t.attempts ?? 0) * t.n, 0);
      const attemptN = attempts.reduce((sum, t) => sum + t.n, 0);
      return {
        channel,
        configured: Boolean(configured[channel]),
        total,
        byStatus,
        successRate: ended ? handed / ended : null,
        deliveryRate: handed ? byStatus.delivered / handed : null,
        lagP50Seconds: round(lagRows[0]?.lagP50),
        lagP99Seconds: round(lagRows[0]?.lagP99),
        averageAttempts: attemptN ? Math.round((attemptSum / attemptN) * 100) / 100 : null,
      };
    }),
  };
}

/** Applies a gateway's delivery reports; the number of messages they changed. */
export async function applyDeliveryReports(
  db: Db,
  provider: string,
  reports: readonly { providerId: string; status: 'delivered' | 'failed'; reason?: string }[],
): Promise<number> {
  let changed = 0;
  for (const report of reports) changed += await admin.markDelivery(db, provider, report);
  return changed;
}

/** Whether an unsubscribe token is one okno signed. */
export function checkUnsubscribeToken(cipher: PersonalDataCipher, token: string): boolean {
  return unsubscribeHash(cipher, token) !== null;
}

/** Records that the address behind the token wants no more e-mail; idempotent. */
export async function unsubscribe(db: Db, cipher: PersonalDataCipher, token: string): Promise<void> {
  const hash = unsubscribeHash(cipher, token);
  if (!hash) throw notFound('unsubscribe link');
  await db
    .insert(notificationOptouts)
    .values({ recipientHash: hash, channel: 'email' })
    .onConflictDoNothing();
}

/** The keyed hashes a phone or an e-mail address is found by; none when it is neither. */
export function contactHashes(cipher: PersonalDataCipher, contact: string): string[] {
  return (['phone', 'email'] as const).flatMap((kind) => keptContact(cipher, kind, contact)?.hash ?? []);
}

/** The newest messages to a phone or an e-mail address (masked, without text), newest first. */
export async function messagesTo(db: Db, cipher: PersonalDataCipher, contact: string, limit = 20) {
  const hashes = contactHashes(cipher, contact);
  if (!hashes.length) return [];
  return (await admin.messagesToHashes(db, hashes, limit)).map(toOutboxMessageDto);
}

/**
 * A message in full — its address and text — for a view that is itself logged as an access to personal
 * data (the caller records it). Undefined when there is no such message.
 */
export async function openMessage(db: Db, cipher: PersonalDataCipher, id: string) {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!row) return undefined;
  const content = JSON.parse(cipher.open(row.content)) as StoredContent;
  return {
    ...toOutboxMessageDto(row),
    to: cipher.open(row.recipient),
    subject: content.subject ?? null,
    text: content.text,
  };
}

/**
 * Sends the newest message to a contact again (the call center's "send it again"): a new message with the
 * same text, due at once (the quiet hours still hold an SMS that can wait), marked as re-sent from the old
 * one. The newest whatever became of it — a rescheduling still held for the night is newer than the
 * confirmation it replaced. Only a message to that contact, of the given channel if any; undefined when
 * there is none.
 */
export async function resendLatest(
  tx: Db,
  deps: { cipher: PersonalDataCipher; maxAttempts: number },
  contact: string,
  channel?: Channel,
): Promise<OutboxMessageRow | undefined> {
  const hashes = contactHashes(deps.cipher, contact);
  if (!hashes.length) return undefined;
  const [latest] = await admin.messagesToHashes(tx, hashes, 1, channel);
  if (!latest) return undefined;
  const {
    id,
    createdAt,
    status,
    attempts,
    nextAttemptAt,
    provider,
    providerId,
    lastError,
    sentAt,
    deliveredAt,
    failedAt,
    ...copy
  } = latest;
  const [made] = await tx
    .insert(outboxMessages)
    .values({ ...copy, expiresAt: null, attemptLimit: deps.maxAttempts, resentFrom: id })
    .returning();
  return made;
}

/**
 * Writes a test message (`channel.test`) to an address the admin gives, on one channel: the way to check a
 * gateway's settings end to end. Refused with VALIDATION when the address is not one for the channel or
 * asked for no more messages.
 */
export async function sendTestMessage(
  db: Db,
  deps: OutboxDeps,
  body: { channel: Channel; to: string; locale: 'ru' | 'en' },
): Promise<{ id: string }> {
  const timeZone = await regionTimeZone(db);
  const recipient =
    body.channel === 'sms'
      ? { phone: body.to, email: null, smsConsent: true, locale: body.locale }
      : { phone: null, email: body.to, smsConsent: false, locale: body.locale };
  const result = await db.transaction((tx) =>
    enqueueNotification(tx, deps, { event: 'channel.test', recipient, context: { timeZone } }),
  );
  const queued = result.queued.find((q) => q.channel === body.channel);
  if (queued) return { id: queued.id };
  const reason = result.skipped.find((s) => s.channel === body.channel)?.reason ?? 'invalid_address';
  throw invalidField(
    'to',
    reason === 'unsubscribed'
      ? 'this address unsubscribed'
      : `not ${body.channel === 'sms' ? 'a Russian phone number' : 'an e-mail address'}`,
    reason,
  );
}
