import type { FastifyInstance } from 'fastify';

/**
 * A task this instance runs once the app is ready and then each minute (the queue's day end, booking's
 * sweep): a failure is logged (its message only) and the next minute tries again; closing the app stops
 * the timer and waits for a run in progress.
 */
export function runEveryMinute(app: FastifyInstance, name: string, task: () => Promise<unknown>): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = task().catch((err) =>
      app.log.error({ err: { message: (err as Error).message } }, `${name} failed`),
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
