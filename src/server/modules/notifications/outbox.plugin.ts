import type { FastifyInstance } from 'fastify';
import type { Channel } from '../../../shared/notifications.js';
import type { ChannelAdapter } from './channels/channel.js';
import { buildChannels, closeChannels } from './channels/channels.js';
import type { OutboxDeps } from './outbox.enqueue.js';
import { createOutboxWorker, type OutboxWorker } from './outbox.worker.js';

export type Outbox = {
  /** The channels with a gateway configured on this instance. */
  channels: Partial<Record<Channel, ChannelAdapter>>;
  /** What `enqueueNotification` needs, for the modules that send (bookings, tickets, cases). */
  deps(now?: Date): OutboxDeps;
  /** This instance's worker, when it runs one (OUTBOX_WORKER=on). */
  worker: OutboxWorker | undefined;
};

declare module 'fastify' {
  interface FastifyInstance {
    outbox: Outbox;
  }
}

/**
 * The outbox of this instance: its channels, the deps the sending modules pass to `enqueueNotification`,
 * and — unless OUTBOX_WORKER=off — a worker that starts with the app and stops with it. Every instance
 * may run one: they share the messages without sending one twice (outbox.repository.ts).
 */
export function registerOutbox(app: FastifyInstance): void {
  const { config, database } = app.deps;
  const n = config.notifications;
  const channels = buildChannels(n);
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const worker = n.worker
    ? createOutboxWorker({
        database,
        channels,
        cipher: app.personalData,
        log: app.log.child({ module: 'outbox' }),
        policy: {
          batch: n.batch,
          pollMs: n.pollMs,
          retryBaseSeconds: n.retryBaseSeconds,
          retryCapSeconds: n.retryCapSeconds,
        },
      })
    : undefined;
  app.decorate('outbox', {
    channels,
    worker,
    deps: (now?: Date) => ({
      cipher: app.personalData,
      publicUrl,
      maxAttempts: n.maxAttempts,
      now,
    }),
  });
  app.addHook('onReady', async () => {
    await worker?.start();
  });
  // The worker stops first (no send begins after), then the channels this plugin built are closed.
  app.addHook('onClose', async () => {
    await worker?.stop();
    await closeChannels(channels);
  });
}
