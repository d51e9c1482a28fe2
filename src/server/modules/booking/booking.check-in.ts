import type { CheckedInTicket } from '../../../shared/booking.js';
import { checkInVerdict } from '../../../shared/booking.slots.js';
import { isoInZone } from '../../../shared/zoned-time.js';
import { AppError, notFound } from '../../errors.js';
import { type Issuer, issueTicket } from '../queue/tickets.service.js';
import { instantOf } from './booking.mappers.js';
import { officePlan } from './booking.plan.js';
import { type BookingDeps, notActive } from './booking.service.js';
import { bookingSettingsOf } from './booking.settings.js';
import * as repo from './bookings.repository.js';

/**
 * Checking in a booked visitor at the office (a kiosk or its staff): within the window around the booked
 * time, a ticket the queue calls at that time ahead of walk-ins. Too early: told when to come back; too late:
 * an ordinary ticket, or refused (the region's choice).
 */
export async function checkIn(
  deps: BookingDeps,
  officeCode: string,
  code: string,
  issuer: Issuer,
): Promise<CheckedInTicket> {
  const { db, now } = deps;
  const found = await repo.findBookingByCode(db, code);
  // a code of another office is as unknown here as a code of no booking
  if (!found || found.officeCode !== officeCode) throw notFound('booking');
  if (found.status !== 'booked') throw notActive(found);
  const settings = await bookingSettingsOf(db);
  const start = instantOf(found.startsAt);
  const verdict = checkInVerdict({
    start,
    now: now.getTime(),
    earlyMinutes: settings.checkInEarlyMinutes,
    lateMinutes: settings.checkInLateMinutes,
    lateAction: settings.lateCheckIn,
  });
  const timeZone = (
    await officePlan(db, { officeCode, serviceCode: found.serviceCode, now }).catch(() => undefined)
  )?.office.timeZone;
  const zoned = (t: number) => (timeZone ? isoInZone(t, timeZone) : new Date(t).toISOString());
  if (verdict.kind === 'early') {
    throw new AppError('CHECK_IN_TOO_EARLY', 'too early to check in', {
      comeAt: zoned(verdict.comeAt),
      start: zoned(start),
    });
  }
  if (verdict.kind === 'late' && verdict.action === 'refuse') {
    throw new AppError('CHECK_IN_TOO_LATE', 'the booked time has passed', { start: zoned(start) });
  }
  const late = verdict.kind === 'late';
  const at = now.toISOString();
  // claim the booking first: two check-ins of one code never both get a ticket
  const claimed = await db.transaction(async (tx) => {
    const row = await repo.claimBooking(tx, found.id, 'booked', { status: 'checked_in', checkedInAt: at });
    if (row)
      await repo.appendBookingEvent(tx, { bookingId: row.id, kind: 'checked_in', at, details: { late } });
    return row;
  });
  // another check-in of the same code was quicker: the booking is no longer booked
  if (!claimed) throw notActive((await repo.findBookingById(db, found.id)) ?? found);
  try {
    const ticket = await issueTicket(
      deps,
      officeCode,
      {
        service: found.serviceCode,
        locale: found.locale,
        ...(found.consentSms ? { phone: deps.cipher.open(found.phone) } : {}),
      },
      issuer,
      { bookingId: found.id, bookedFor: late ? null : new Date(start).toISOString() },
    );
    await repo.updateBooking(db, found.id, { ticketId: ticket.id });
    return { ...ticket, bookedFor: late ? null : zoned(start) };
  } catch (err) {
    // no ticket (the office closed, the service is no longer offered): the booking is as it was
    await db.transaction(async (tx) => {
      await repo.updateBooking(tx, found.id, { status: 'booked', checkedInAt: null });
      await repo.appendBookingEvent(tx, {
        bookingId: found.id,
        kind: 'checked_in',
        at,
        details: { undone: (err as AppError).code ?? 'error' },
      });
    });
    throw err;
  }
}
