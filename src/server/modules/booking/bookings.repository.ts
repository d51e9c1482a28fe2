import { and, asc, count, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { activeBookingStatuses, type BookingStatus, type CancelReason } from '../../../shared/booking.js';
import type { Db } from '../../db/client.js';
import {
  type BookingEventKind,
  type BookingRow,
  bookingEvents,
  bookingRequests,
  bookings,
} from './booking.schema.js';

/** Named queries of bookings, their idempotent requests and their trail. */

export type NewBooking = typeof bookings.$inferInsert;

export async function insertBooking(tx: Db, row: NewBooking): Promise<BookingRow> {
  const [inserted] = await tx.insert(bookings).values(row).returning();
  return inserted;
}

/** A booking by its code; `lock` holds its row until the transaction ends. */
export async function findBookingByCode(db: Db, code: string, lock = false): Promise<BookingRow | undefined> {
  const query = db.select().from(bookings).where(eq(bookings.code, code));
  const [found] = lock ? await query.for('update') : await query;
  return found;
}

export async function findBookingById(db: Db, id: string): Promise<BookingRow | undefined> {
  const [found] = await db.select().from(bookings).where(eq(bookings.id, id));
  return found;
}

export async function codeExists(db: Db, code: string): Promise<boolean> {
  const [found] = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.code, code));
  return found !== undefined;
}

export type BookingChange = Partial<Omit<BookingRow, 'id' | 'code' | 'createdAt'>>;
export async function updateBooking(tx: Db, id: string, change: BookingChange): Promise<BookingRow> {
  const [updated] = await tx
    .update(bookings)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(bookings.id, id))
    .returning();
  return updated;
}

/** Moves a booking from one status to another only if it is still in `from` (a claim under concurrency). */
export async function claimBooking(
  tx: Db,
  id: string,
  from: BookingStatus,
  change: BookingChange,
): Promise<BookingRow | undefined> {
  const [updated] = await tx
    .update(bookings)
    .set({ ...change, updatedAt: sql`now()` })
    .where(and(eq(bookings.id, id), eq(bookings.status, from)))
    .returning();
  return updated;
}

/** Active bookings of a phone (held or booked), by service. */
export async function activeOfPhone(db: Db, phoneHash: string) {
  return db
    .select({ id: bookings.id, serviceCode: bookings.serviceCode, startsAt: bookings.startsAt })
    .from(bookings)
    .where(and(eq(bookings.phoneHash, phoneHash), inArray(bookings.status, [...activeBookingStatuses])));
}

/** When the phone's bookings were marked no-show since an instant. */
export async function noShowsOfPhone(db: Db, phoneHash: string, since: string): Promise<string[]> {
  const found = await db
    .select({ at: bookings.noShowAt })
    .from(bookings)
    .where(
      and(eq(bookings.phoneHash, phoneHash), eq(bookings.status, 'no_show'), gte(bookings.noShowAt, since)),
    );
  return found.map((r) => r.at as string);
}

/** Active bookings of offices from an instant on, of some local dates or all (those a schedule change may remove), locked. */
export async function activeFromForUpdate(
  db: Db,
  officeCodes: readonly string[] | 'all',
  from: string,
  dates?: readonly string[],
) {
  return db
    .select()
    .from(bookings)
    .where(
      and(
        officeCodes === 'all' ? undefined : inArray(bookings.officeCode, [...officeCodes]),
        inArray(bookings.status, [...activeBookingStatuses]),
        gte(bookings.startsAt, from),
        dates ? inArray(bookings.localDate, [...dates]) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .for('update');
}

/** An office's bookings for a staff list: a day, a period, a status, a reason for cancelling. */
export async function officeBookings(
  db: Db,
  p: {
    officeCode: string;
    from: string;
    to: string;
    status?: BookingStatus;
    cancelReason?: CancelReason;
  },
): Promise<BookingRow[]> {
  return db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.officeCode, p.officeCode),
        gte(bookings.localDate, p.from),
        lte(bookings.localDate, p.to),
        p.status ? eq(bookings.status, p.status) : undefined,
        p.cancelReason ? eq(bookings.cancelReason, p.cancelReason) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .limit(2000);
}

/** Due for a step of the sweep: held past their hold, booked past the check-in window, a reminder due. */
export async function expiredHolds(tx: Db, now: string, limit: number) {
  return tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.status, 'held'), lt(bookings.holdExpiresAt, now)))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function missedBookings(tx: Db, startedBefore: string, limit: number) {
  return tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.status, 'booked'), lt(bookings.startsAt, startedBefore)))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Booked, not yet reminded, starting between two instants (tomorrow in some office's zone). */
export async function unremindedBetween(tx: Db, from: string, to: string, limit: number) {
  return tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'booked'),
        sql`${bookings.remindedAt} is null`,
        gte(bookings.startsAt, from),
        lt(bookings.startsAt, to),
      ),
    )
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function appendBookingEvent(
  tx: Db,
  e: {
    bookingId: string;
    kind: BookingEventKind;
    at: string;
    actorId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(bookingEvents).values({
    bookingId: e.bookingId,
    kind: e.kind,
    at: e.at,
    actorId: e.actorId ?? null,
    details: e.details ?? null,
  });
}

export const bookingEventsOf = (db: Db, bookingId: string) =>
  db
    .select()
    .from(bookingEvents)
    .where(eq(bookingEvents.bookingId, bookingId))
    .orderBy(asc(bookingEvents.id));

/** Claims an Idempotency-Key (waits for a racing holder of it to finish); the existing claim if there is one. */
export async function claimRequestKey(
  tx: Db,
  key: string,
  fingerprint: string,
): Promise<{ claimed: true } | { claimed: false; fingerprint: string; bookingId: string | null }> {
  const inserted = await tx
    .insert(bookingRequests)
    .values({ key, fingerprint })
    .onConflictDoNothing()
    .returning({ key: bookingRequests.key });
  if (inserted.length > 0) return { claimed: true };
  const [existing] = await tx.select().from(bookingRequests).where(eq(bookingRequests.key, key));
  return { claimed: false, fingerprint: existing.fingerprint, bookingId: existing.bookingId };
}

export async function settleRequestKey(tx: Db, key: string, bookingId: string): Promise<void> {
  await tx.update(bookingRequests).set({ bookingId }).where(eq(bookingRequests.key, key));
}

export async function forgetRequestKeysBefore(db: Db, before: string): Promise<void> {
  await db.delete(bookingRequests).where(lt(bookingRequests.createdAt, before));
}

/** Counts for the office head's report, by channel and status, of bookings dated in a period. */
export async function bookingCounts(db: Db, officeCode: string, from: string, to: string) {
  return db
    .select({
      channel: bookings.channel,
      status: bookings.status,
      cancelReason: bookings.cancelReason,
      n: count(),
    })
    .from(bookings)
    .where(
      and(eq(bookings.officeCode, officeCode), gte(bookings.localDate, from), lte(bookings.localDate, to)),
    )
    .groupBy(bookings.channel, bookings.status, bookings.cancelReason);
}

/** Checked-in bookings of a period with their tickets (to measure how soon they were called). */
export async function checkedInOf(db: Db, officeCode: string, from: string, to: string) {
  return db
    .select({ startsAt: bookings.startsAt, ticketId: bookings.ticketId })
    .from(bookings)
    .where(
      and(
        eq(bookings.officeCode, officeCode),
        eq(bookings.status, 'checked_in'),
        gte(bookings.localDate, from),
        lte(bookings.localDate, to),
      ),
    );
}
