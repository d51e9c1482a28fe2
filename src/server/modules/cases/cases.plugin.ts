import type { FastifyInstance } from 'fastify';
import { runEveryMinute } from '../../every-minute.js';
import { caseReceiptRoutes } from './case-receipt.routes.js';
import { ensureYearSequences } from './case-settings.js';
import { caseStatusRoutes } from './case-status.routes.js';
import { sweepCases } from './case-sweep.js';
import { casesRoutes } from './cases.routes.js';

/**
 * The cases module in the app: the staff routes, the public status, this year's and next year's number
 * sequences made at start, and each minute (CASE_SWEEP=on) the sweep: return reminders, next year's sequence.
 */
export async function registerCases(app: FastifyInstance): Promise<void> {
  await app.register(casesRoutes);
  await app.register(caseStatusRoutes);
  await app.register(caseReceiptRoutes);
  const db = app.deps.database.db;
  const clock = () => app.deps.clock?.() ?? new Date();
  app.addHook('onReady', async () => {
    const year = clock().getUTCFullYear();
    await ensureYearSequences(db, [year, year + 1]);
  });
  if (app.deps.config.caseSweep) {
    runEveryMinute(app, 'case sweep', () =>
      sweepCases({ db, cipher: app.personalData, outbox: () => app.outbox.deps(), now: clock() }),
    );
  }
}
