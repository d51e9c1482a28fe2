import type { FastifyInstance } from 'fastify';
import { runEveryMinute } from '../../every-minute.js';
import { closeEndedDays } from './day-end.js';

/** Each minute, this instance closes the queue's ended days (QUEUE_DAY_END=on; every instance may: idempotent). */
export function registerQueueDayEnd(app: FastifyInstance): void {
  if (!app.deps.config.queueDayEnd) return;
  runEveryMinute(app, 'queue day end', () =>
    closeEndedDays(app.deps.database.db, app.deps.clock?.() ?? new Date()),
  );
}
