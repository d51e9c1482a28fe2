import type { FastifyInstance } from 'fastify';
import { runEveryMinute } from '../../every-minute.js';
import { onScheduleChange } from '../network/schedule-events.js';
import { cancelRemovedBookings } from './booking.closures.js';
import { sweepBookings } from './booking.sweep.js';

/**
 * Booking's hooks into the app: a schedule change (network) cancels the bookings it removes, in the change's
 * transaction; each minute this instance sweeps holds, no-shows and reminders (BOOKING_SWEEP=on; every
 * instance may: rows are taken with SKIP LOCKED).
 */
export function registerBooking(app: FastifyInstance): void {
  const clock = () => app.deps.clock?.() ?? new Date();
  const db = app.deps.database.db;
  const deps = () => ({ db, cipher: app.personalData, outbox: () => app.outbox.deps(), now: clock() });
  const off = onScheduleChange(db, async (tx, change) => {
    await cancelRemovedBookings(tx, deps(), change);
  });
  app.addHook('onClose', async () => off());

  if (app.deps.config.bookingSweep) runEveryMinute(app, 'booking sweep', () => sweepBookings(deps()));
}
