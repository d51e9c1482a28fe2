import {
  type BookingChannel,
  type BookingReport,
  type BookingStatus,
  bookingChannels,
  bookingStatusSchema,
  type CancelReason,
  type StaffBooking,
} from '../../../shared/booking.js';
import { addCalendarDays, daysBetween } from '../../../shared/calendar.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { serviceTitles } from '../catalog/services.lookup.js';
import { officesNow } from '../network/network.service.js';
import { firstCallTimes } from '../queue/tickets.service.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { scopeCoversOffice } from '../staff/scope-office.js';
import { instantOf, toStaffBookingDto } from './booking.mappers.js';
import type { BookingRow } from './booking.schema.js';
import * as repo from './bookings.repository.js';

/** Bookings for staff: an office's list (masked), the office head's report, a caller's bookings for the call center. */

type StaffDeps = { db: Db; cipher: PersonalDataCipher; now: Date };

async function officeInScope(db: Db, scope: ActorScope, office: string, now: Date) {
  if (!(await scopeCoversOffice(db, scope, office))) throw notFound(`office ${office}`);
  const [found] = await officesNow(db, now, [office]);
  if (!found) throw notFound(`office ${office}`);
  return found;
}

async function titlesOf(db: Db, rows: readonly BookingRow[]) {
  const codes = [...new Set(rows.map((r) => r.serviceCode))];
  return new Map((await serviceTitles(db, codes)).map((s) => [s.code, s.title]));
}

const maxDays = 92;
function period(from: string, to: string) {
  if (daysBetween(from, to) < 0 || daysBetween(from, to) >= maxDays) {
    throw new AppError('VALIDATION', `invalid querystring.to: a period of 1 to ${maxDays} days`, [
      {
        field: 'querystring.to',
        message: `a period of 1 to ${maxDays} days`,
        code: 'too_big',
        params: { maximum: maxDays },
      },
    ]);
  }
}

/** An office's bookings: a day (today by default), or a period; by status or cancel reason. */
export async function staffBookings(
  deps: StaffDeps,
  scope: ActorScope,
  officeCode: string,
  q: { date?: string; from?: string; to?: string; status?: BookingStatus; cancelReason?: CancelReason },
): Promise<StaffBooking[]> {
  const office = await officeInScope(deps.db, scope, officeCode, deps.now);
  const from = q.from ?? q.date ?? office.local.date;
  const to = q.to ?? (q.from ? addCalendarDays(q.from, 30) : from);
  period(from, to);
  const rows = await repo.officeBookings(deps.db, {
    officeCode,
    from,
    to,
    status: q.status,
    cancelReason: q.cancelReason,
  });
  const titles = await titlesOf(deps.db, rows);
  return rows.map((r) =>
    toStaffBookingDto(r, {
      timeZone: office.timeZone,
      serviceTitle: titles.get(r.serviceCode) ?? r.serviceCode,
      cipher: deps.cipher,
    }),
  );
}

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** The office head's report of a period: per channel and status, the no-show rate, how soon booked visitors were called. */
export async function bookingReport(
  deps: StaffDeps,
  scope: ActorScope,
  officeCode: string,
  q: { from: string; to: string },
): Promise<BookingReport> {
  await officeInScope(deps.db, scope, officeCode, deps.now);
  period(q.from, q.to);
  const counts = await repo.bookingCounts(deps.db, officeCode, q.from, q.to);
  const byChannel = Object.fromEntries(bookingChannels.map((c) => [c, 0])) as Record<BookingChannel, number>;
  const byStatus = Object.fromEntries(bookingStatusSchema.options.map((s) => [s, 0])) as Record<
    BookingStatus,
    number
  >;
  let total = 0;
  let cancelledByClosure = 0;
  for (const c of counts) {
    const n = Number(c.n);
    total += n;
    byChannel[c.channel] += n;
    byStatus[c.status] += n;
    if (c.cancelReason === 'office_closed') cancelledByClosure += n;
  }
  const checkedIn = await repo.checkedInOf(deps.db, officeCode, q.from, q.to);
  const called = await firstCallTimes(
    deps.db,
    checkedIn.map((b) => b.ticketId).filter((id): id is string => id !== null),
  );
  const delays = checkedIn
    .filter((b) => b.ticketId && called.has(b.ticketId))
    .map((b) => instantOf(called.get(b.ticketId as string) as string) - instantOf(b.startsAt));
  const within = (minutes: number) => delays.filter((d) => d <= minutes * 60_000).length;
  return {
    office: officeCode,
    from: q.from,
    to: q.to,
    total,
    byChannel,
    byStatus,
    noShowRate: share(byStatus.no_show, byStatus.no_show + byStatus.checked_in),
    calledWithin5: share(within(5), delays.length),
    calledWithin15: share(within(15), delays.length),
    cancelledByClosure,
  };
}

/** Whether a caller's phone has a booking of this code (the call center's verification question). */
export async function phoneHasBookingCode(db: Db, phoneHash: string, code: string): Promise<boolean> {
  const found = await repo.findBookingByCode(db, code);
  return found !== undefined && found.phoneHash === phoneHash;
}
