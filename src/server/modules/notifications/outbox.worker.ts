import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Channel } from '../../../shared/notifications.js';
import type { Database } from '../../db/client.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import type { ChannelAdapter, SendResult } from './channels/channel.js';
import { outboxChannel, type StoredContent } from './outbox.enqueue.js';
import {
  type AttemptOutcome,
  type ClaimedMessage,
  claimDue,
  recordAttempt,
  releaseClaim,
  unsubscribedEmails,
} from './outbox.repository.js';
import { isQuietTime, sendNotBefore } from './quiet-hours.js';
import { retryDelaySeconds } from './retry-backoff.js';

export type WorkerPolicy = {
  batch: number;
  pollMs: number;
  retryBaseSeconds: number;
  retryCapSeconds: number;
  /**
   * How long a claimed message is held before another worker may take it (a worker that died). A worker
   * starts no send after half of it and gives a send at most the other half, so its hold never lapses
   * while it still has the message in hand.
   */
  holdSeconds?: number;
  /** Messages handed over at once. */
  concurrency?: number;
};

export type WorkerDeps = {
  database: Database;
  channels: Partial<Record<Channel, ChannelAdapter>>;
  cipher: PersonalDataCipher;
  policy: WorkerPolicy;
  log?: FastifyBaseLogger;
  clock?: () => Date;
  /** Names the worker in the attempts (host and process by default). */
  name?: string;
};

export type OutboxWorker = {
  /** One round: claims a batch and hands it over; the number of messages handled. */
  runOnce(): Promise<number>;
  /** Rounds until nothing is due; the number handled in all. */
  drain(): Promise<number>;
  /** Begins the background loop: woken at the commit of every new message, else every pollMs. */
  start(): Promise<void>;
  /** Ends the loop once its round is done; the channels are their builder's to close. */
  stop(): Promise<void>;
};

/**
 * The outbox worker: takes due messages (any number of workers share them, outbox.repository.ts), opens
 * their sealed address and text, hands each to its channel and records the outcome — sent; a retry after
 * an exponential backoff with a cap, until the message's attempts are used up; a permanent refusal, failed
 * at once; expired, failed without sending. Nothing personal is logged: ids, channels, outcomes.
 */
export function createOutboxWorker(deps: WorkerDeps): OutboxWorker {
  const clock = deps.clock ?? (() => new Date());
  const name = deps.name ?? `${hostname()}:${process.pid}`;
  const holdMs = (deps.policy.holdSeconds ?? 300) * 1000;
  const concurrency = deps.policy.concurrency ?? 16;
  const configured = (Object.keys(deps.channels) as Channel[]).filter((c) => deps.channels[c]);
  let stopped = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  async function handle(
    message: ClaimedMessage,
    claimedAt: number,
    unsubscribed: Set<string>,
  ): Promise<void> {
    const startedAt = clock();
    // Half the hold gone before this one's turn (a slow gateway, a large batch): give it back untried
    // rather than risk a second worker taking it while this one sends it.
    if (startedAt.getTime() - claimedAt > holdMs / 2)
      return releaseClaim(deps.database.db, message, startedAt);
    // The quiet hours hold every SMS of an event that can wait, whenever it is taken: a retry, a re-send
    // and a retake as much as the first try.
    if (message.quietZone && isQuietTime(startedAt, message.quietZone))
      return releaseClaim(
        deps.database.db,
        message,
        sendNotBefore(startedAt, message.channel, message.event, message.quietZone),
      );
    const result = await attempt(message, startedAt, unsubscribed);
    const status = await recordAttempt(deps.database.db, message, {
      startedAt,
      finishedAt: clock(),
      worker: name,
      result,
    });
    deps.log?.info(
      {
        message: message.id,
        channel: message.channel,
        outcome: result.outcome,
        status: status ?? 'superseded',
      },
      'outbox attempt',
    );
  }

  async function attempt(
    message: ClaimedMessage,
    now: Date,
    unsubscribed: Set<string>,
  ): Promise<AttemptOutcome> {
    if (message.expiresAt && Date.parse(message.expiresAt) <= now.getTime())
      return { outcome: 'expired', reason: 'expired before it could be sent' };
    // A hold that lapsed with the last attempt in hand (the worker stopped while sending): not forever.
    if (message.attempts > message.attemptLimit)
      return { outcome: 'permanent', reason: 'attempts used up (a worker stopped while sending it)' };
    if (message.channel === 'email' && unsubscribed.has(message.recipientHash))
      return { outcome: 'permanent', reason: 'unsubscribed' };
    const adapter = deps.channels[message.channel];
    if (!adapter)
      return { outcome: 'retry', reason: 'channel not configured', retryAt: retryAt(message, now) };
    let to: string;
    let rendered: StoredContent;
    try {
      to = deps.cipher.open(message.recipient);
      rendered = JSON.parse(deps.cipher.open(message.content)) as StoredContent;
    } catch {
      return { outcome: 'permanent', reason: 'cannot open the sealed message (personal-data key changed?)' };
    }
    let sent: SendResult;
    try {
      sent = await withTimeout(
        adapter.send({
          id: message.id,
          channel: message.channel,
          to,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          headers: rendered.headers,
        }),
        holdMs / 2,
      );
    } catch (err) {
      sent = { outcome: 'retry', reason: `adapter error: ${(err as Error).message}`.slice(0, 300) };
    }
    if (sent.outcome === 'sent')
      return { outcome: 'sent', provider: adapter.name, providerId: sent.providerId ?? null };
    if (sent.outcome === 'retry')
      return { outcome: 'retry', reason: sent.reason, retryAt: retryAt(message, now) };
    return { outcome: 'permanent', reason: sent.reason };
  }

  function retryAt(message: ClaimedMessage, now: Date): Date {
    const seconds = retryDelaySeconds(message.attempts, {
      baseSeconds: deps.policy.retryBaseSeconds,
      capSeconds: deps.policy.retryCapSeconds,
    });
    const at = new Date(now.getTime() + seconds * 1000);
    return message.quietZone ? sendNotBefore(at, message.channel, message.event, message.quietZone) : at;
  }

  async function runOnce(): Promise<number> {
    const now = clock();
    const claimed = await claimDue(deps.database.db, {
      now,
      holdUntil: new Date(now.getTime() + holdMs),
      channels: configured,
      limit: deps.policy.batch,
    });
    // An address may have unsubscribed since its e-mail was written (a retry, a re-send): asked once a round.
    const unsubscribed = await unsubscribedEmails(
      deps.database.db,
      claimed.filter((m) => m.channel === 'email').map((m) => m.recipientHash),
    );
    for (let i = 0; i < claimed.length; i += concurrency) {
      await Promise.all(claimed.slice(i, i + concurrency).map((m) => handle(m, now.getTime(), unsubscribed)));
    }
    return claimed.length;
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        deps.log?.error({ err }, 'outbox round failed');
      }
      if (stopped) break;
      if (handled >= deps.policy.batch) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deps.policy.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    runOnce,
    async drain() {
      let total = 0;
      for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
      return total;
    },
    async start() {
      if (loop) return;
      stopped = false;
      unsubscribe = await deps.database.hub.subscribe(outboxChannel, {
        onEvent: () => wake?.(),
        onResync: () => wake?.(),
      });
      loop = run();
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      wake?.();
      await loop;
      loop = undefined;
    },
  };
}

/** The send's own answer, or a retry when it takes longer than `ms` (the gateway may still deliver it). */
function withTimeout(send: Promise<SendResult>, ms: number): Promise<SendResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<SendResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ outcome: 'retry', reason: `no answer within ${Math.round(ms / 1000)} s` }),
      ms,
    );
  });
  return Promise.race([send, late]).finally(() => clearTimeout(timer));
}
