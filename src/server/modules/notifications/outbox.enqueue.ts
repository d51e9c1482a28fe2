import type { Channel, Locale, MessageContext, NotificationEvent } from '../../../shared/notifications.js';
import type { Db } from '../../db/client.js';
import { type KeptContact, keptContact } from '../../privacy/contacts.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { insertUnlessUnsubscribed, type NewMessage } from './outbox.repository.js';
import { sendNotBefore, sentDuringQuietHours } from './quiet-hours.js';
import { missingContext, type RenderedMessage, renderMessage, withUnsubscribe } from './templates/render.js';

/** The live channel that wakes the outbox workers: a trigger on every insert (migration 0006), at commit. */
export const outboxChannel = 'outbox';

/** Who a message goes to, with what they agreed to. */
export type Recipient = {
  phone?: string | null;
  email?: string | null;
  /** Only the name: the one piece of personal data a message may carry. */
  name?: string | null;
  locale?: Locale;
  /** SMS only with consent to SMS; e-mail when an address was given (every e-mail can unsubscribe). */
  smsConsent: boolean;
};

export type Notification = {
  event: NotificationEvent;
  recipient: Recipient;
  context: Omit<MessageContext, 'locale' | 'name'>;
  officeCode?: string | null;
  /** What it is about, for the call center: `{ kind: 'booking', ref: code }`. */
  about?: { kind: string; ref: string };
  /** Not worth sending after this instant. */
  expiresAt?: Date;
};

export type OutboxDeps = {
  cipher: PersonalDataCipher;
  /** The address people open okno at, for unsubscribe links. */
  publicUrl: string;
  maxAttempts: number;
  now?: Date;
};

export type SkipReason = 'no_address' | 'invalid_address' | 'no_consent' | 'unsubscribed';
export type EnqueueResult = {
  queued: { id: string; channel: Channel }[];
  skipped: { channel: Channel; reason: SkipReason }[];
};

/**
 * Writes the messages an event sends to the outbox, in the caller's transaction `tx`: committed with the
 * event, or gone with its rollback. One message per channel the person can be reached on; the workers are
 * woken at commit (by the table's trigger). A template that lacks what it needs is the caller's bug and throws (so the event's
 * transaction fails too, rather than a citizen getting a message with a hole in it).
 */
export async function enqueueNotification(tx: Db, deps: OutboxDeps, n: Notification): Promise<EnqueueResult> {
  const locale = n.recipient.locale ?? 'ru';
  const context: MessageContext = { ...n.context, locale, name: n.recipient.name?.trim() || null };
  const missing = missingContext(n.event, context);
  if (missing.length) throw new Error(`notification ${n.event} lacks ${missing.join(', ')}`);
  const now = deps.now ?? new Date();
  const result: EnqueueResult = { queued: [], skipped: [] };
  const reachable: Reachable[] = [];
  for (const target of targets(deps.cipher, n.recipient)) {
    if ('reason' in target) result.skipped.push(target);
    else reachable.push(target);
  }
  const rows: NewMessage[] = reachable.map((target) => {
    const rendered = renderMessage(n.event, target.channel, context);
    const content: StoredContent =
      target.channel === 'email' ? unsubscribable(rendered, deps, target.hash, locale) : rendered;
    return {
      event: n.event,
      channel: target.channel,
      recipient: deps.cipher.seal(target.normalized),
      recipientHash: target.hash,
      recipientMasked: target.masked,
      locale,
      content: deps.cipher.seal(JSON.stringify(content), { compress: true }),
      officeCode: n.officeCode ?? null,
      subjectKind: n.about?.kind ?? null,
      subjectRef: n.about?.ref ?? null,
      attemptLimit: deps.maxAttempts,
      nextAttemptAt: sendNotBefore(now, target.channel, n.event, context.timeZone).toISOString(),
      expiresAt: n.expiresAt?.toISOString() ?? null,
      quietZone: target.channel === 'sms' && !sentDuringQuietHours.has(n.event) ? context.timeZone : null,
    };
  });
  // One statement for every channel, the opt-outs checked inside it: the outbox costs the event's
  // transaction one round trip.
  const made = await insertUnlessUnsubscribed(tx, rows);
  result.queued.push(...made);
  for (const target of reachable)
    if (!made.some((m) => m.channel === target.channel))
      result.skipped.push({ channel: target.channel, reason: 'unsubscribed' });
  return result;
}

type Reachable = KeptContact & { channel: Channel };
type Target = Reachable | { channel: Channel; reason: SkipReason };

function targets(cipher: PersonalDataCipher, r: Recipient): Target[] {
  const reach = (channel: Channel, kind: 'phone' | 'email', input: string): Target => {
    const contact = keptContact(cipher, kind, input);
    return contact ? { channel, ...contact } : { channel, reason: 'invalid_address' };
  };
  return [
    !r.phone
      ? { channel: 'sms', reason: 'no_address' }
      : !r.smsConsent
        ? { channel: 'sms', reason: 'no_consent' }
        : reach('sms', 'phone', r.phone),
    r.email ? reach('email', 'email', r.email) : { channel: 'email', reason: 'no_address' },
  ];
}

/** A message as the outbox keeps it (sealed): the rendered text, and for e-mail its headers. */
export type StoredContent = RenderedMessage & { headers?: Record<string, string> };

/**
 * An e-mail with its way out: a line and a link to the unsubscribe page in the text, and the one-click
 * List-Unsubscribe headers (RFC 8058) mail clients show as a button. The token is a signed keyed hash of
 * the address: nothing in it reads as the address.
 */
function unsubscribable(
  rendered: RenderedMessage,
  deps: OutboxDeps,
  hash: string,
  locale: Locale,
): StoredContent {
  const base = deps.publicUrl.replace(/\/$/, '');
  const token = unsubscribeToken(deps.cipher, hash);
  return {
    ...withUnsubscribe(rendered, `${base}/unsubscribe/${token}`, locale),
    headers: {
      'List-Unsubscribe': `<${base}/api/notifications/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** The unsubscribe token of an e-mail address's keyed hash; `unsubscribeHash` reads it back. */
export const unsubscribeToken = (cipher: PersonalDataCipher, hash: string) => cipher.sign(`e${hash}`);
export function unsubscribeHash(cipher: PersonalDataCipher, token: string): string | null {
  const value = cipher.verify(token);
  return value?.startsWith('e') && /^[0-9a-f]{64}$/.test(value.slice(1)) ? value.slice(1) : null;
}
