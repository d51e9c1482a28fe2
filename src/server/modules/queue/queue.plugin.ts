import type { FastifyInstance } from 'fastify';
import { closeEndedDays } from './day-end.js';

/** Each minute, this instance closes the queue's ended days (QUEUE_DAY_END=on; every instance may: idempotent). */
export function registerQueueDayEnd(app: FastifyInstance): void {
  if (!app.deps.config.queueDayEnd) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = closeEndedDays(app.deps.database.db, app.deps.clock?.() ?? new Date()).catch((err) =>
      app.log.error({ err: { message: (err as Error).message } }, 'queue day end failed'),
    );
  };
  app.addHook('onReady', async () => {
    tick();
    timer = setInterval(tick, 60_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
