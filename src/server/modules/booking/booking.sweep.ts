import { addCalendarDays } from '../../../shared/calendar.js';
import { instantToLocal, localToInstant } from '../../../shared/zoned-time.js';
import { officesNow } from '../network/network.service.js';
import { instantOf } from './booking.mappers.js';
import { seatsChanged } from './booking.plan.js';
import { type BookingDeps, notifyBooking } from './booking.service.js';
import { bookingSettingsOf } from './booking.settings.js';
import * as repo from './bookings.repository.js';
import { releaseSeats } from './seats.repository.js';

/**
 * What time does to bookings, once a minute on every instance (rows taken with SKIP LOCKED, so instances
 * share the work and never do a step twice): holds not confirmed in time are released; bookings not checked
 * in by the end of their window become no-shows; the day before, from the region's reminder time in the
 * office's zone, a reminder goes out; Idempotency-Keys older than a day are forgotten.
 */
const batch = 200;

export async function sweepBookings(
  deps: BookingDeps,
): Promise<{ expired: number; noShows: number; reminded: number }> {
  const { db, now } = deps;
  const settings = await bookingSettingsOf(db);
  const at = now.toISOString();

  const expired = await db.transaction(async (tx) => {
    const due = await repo.expiredHolds(tx, at, batch);
    for (const b of due) {
      await releaseSeats(tx, b);
      await repo.updateBooking(tx, b.id, { status: 'expired', holdExpiresAt: null });
      await repo.appendBookingEvent(tx, { bookingId: b.id, kind: 'expired', at });
    }
    return due.length;
  });

  const noShows = await db.transaction(async (tx) => {
    const before = new Date(now.getTime() - settings.checkInLateMinutes * 60_000).toISOString();
    const due = await repo.missedBookings(tx, before, batch);
    for (const b of due) {
      // the time has passed: its seats stay taken (no one can book the past), the phone's record counts it
      await repo.updateBooking(tx, b.id, { status: 'no_show', noShowAt: at });
      await repo.appendBookingEvent(tx, { bookingId: b.id, kind: 'no_show', at });
    }
    return due.length;
  });

  const reminded = await db.transaction(async (tx) => {
    const due = await repo.unremindedBetween(
      tx,
      at,
      new Date(now.getTime() + 2 * 86_400_000).toISOString(),
      batch,
    );
    if (due.length === 0) return 0;
    const zones = new Map(
      (await officesNow(tx, now, [...new Set(due.map((b) => b.officeCode))])).map((o) => [
        o.code,
        o.timeZone,
      ]),
    );
    let sent = 0;
    for (const b of due) {
      const zone = zones.get(b.officeCode);
      if (!zone) continue;
      const dayBefore = addCalendarDays(b.localDate, -1);
      const remindFrom = localToInstant(dayBefore, settings.reminderTime, zone);
      if (now.getTime() < remindFrom) continue;
      // booked after the reminder time of the day before: the confirmation was the reminder
      const fresh =
        instantOf(b.createdAt) >= remindFrom || instantToLocal(now.getTime(), zone).date === b.localDate;
      if (!fresh) await notifyBooking(tx, deps, b, 'booking.reminder');
      await repo.updateBooking(tx, b.id, { remindedAt: at });
      await repo.appendBookingEvent(tx, { bookingId: b.id, kind: 'reminded', at, details: { sent: !fresh } });
      if (!fresh) sent++;
    }
    return sent;
  });

  if (expired > 0) seatsChanged(db);
  await repo.forgetRequestKeysBefore(db, new Date(now.getTime() - 86_400_000).toISOString());
  return { expired, noShows, reminded };
}
