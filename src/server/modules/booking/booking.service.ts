import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  type Availability,
  activeBookingStatuses,
  type Booking,
  type BookingChannel,
  type BookingOffice,
  type CancelReason,
  type DaySlots,
} from '../../../shared/booking.js';
import {
  bookingSpan,
  bookingWindow,
  type FreeTime,
  locateStart,
  nearestFree,
  phoneBlockedUntil,
  type StartRefusal,
  toSlotDto,
} from '../../../shared/booking.slots.js';
import { formatBookingCode, newBookingCode } from '../../../shared/booking-code.js';
import { addCalendarDays, daysBetween } from '../../../shared/calendar.js';
import type { NotificationEvent } from '../../../shared/notifications.js';
import { isoInZone } from '../../../shared/zoned-time.js';
import { type Db, pgErrorOf } from '../../db/client.js';
import { lockKeyForTransaction } from '../../db/locks.js';
import { AppError, notFound } from '../../errors.js';
import { keptContact } from '../../privacy/contacts.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { messageContextFor } from '../notifications/message-context.js';
import { enqueueNotification, type OutboxDeps } from '../notifications/outbox.enqueue.js';
import { type BookingFacts, instantOf, toBookingDto } from './booking.mappers.js';
import { freeTimesOf, keptFreeTimes, type OfficePlan, officePlan, seatsChanged } from './booking.plan.js';
import type { BookingRow } from './booking.schema.js';
import * as repo from './bookings.repository.js';
import { releaseSeats, takeSeats } from './seats.repository.js';

/** Booking a time, and the holder's own view of it: see, cancel, reschedule, confirm by SMS code. */

export type BookingDeps = { db: Db; cipher: PersonalDataCipher; outbox: () => OutboxDeps; now: Date };
/** Who makes a booking: the channel, and the staff member or kiosk behind it. */
export type Booker = { channel: BookingChannel; userId?: string; kioskId?: string };

export type BookingInput = {
  office: string;
  service: string;
  start: string;
  name: string;
  /** Already in its normal form (+79…). */
  phone: string;
  email?: string;
  consents: { personalData: true; sms?: boolean };
  locale?: 'ru' | 'en';
};

const startMessages: Record<StartRefusal, string> = {
  in_past: 'the time has passed',
  too_soon: 'the time is within the minimum notice',
  beyond_horizon: 'the time is beyond the booking horizon',
  day_off: 'the office does not work that day',
  not_on_grid: 'the time is not on the office’s grid of times',
  outside_hours: 'the time does not fit the office’s hours',
};

/** 400 naming body.start, with the rule it broke (params.rule). */
export const startRefused = (refusal: StartRefusal) =>
  new AppError('VALIDATION', `invalid body.start: ${startMessages[refusal]}`, [
    { field: 'body.start', message: startMessages[refusal], code: 'custom', params: { rule: refusal } },
  ]);

/** The start located on the plan's grid, or 400. */
export function requireStart(plan: OfficePlan, start: string, now: Date) {
  const at = Date.parse(start);
  const located = locateStart({
    start: at,
    now: now.getTime(),
    noticeMinutes: plan.settings.noticeMinutes,
    horizonDays: plan.settings.horizonDays,
    timeZone: plan.office.timeZone,
    rules: plan.rules,
    dayOf: plan.dayOf,
  });
  if (!located.ok) throw startRefused(located.refusal);
  const span = bookingSpan(located.date, located.minutes, plan.rules, plan.office.timeZone);
  return { start: at, end: span.end, date: located.date, cells: span.cells };
}

/** The seats a booking claims: one per cell in the office's scope and in its service's. */
export const claimsOf = (plan: OfficePlan, cells: readonly number[]) =>
  cells.flatMap((cell) => [
    { cell, scope: '*', capacity: plan.rules.officeLanes },
    { cell, scope: plan.service.code, capacity: plan.rules.serviceLanes },
  ]);

/** 409 SLOT_TAKEN with the nearest free times of the same office and service (that day and the next three). */
export async function slotTaken(db: Db, plan: OfficePlan, wanted: number, date: string, now: Date) {
  const times = await freeTimesOf(db, plan, { from: date, to: addCalendarDays(date, 3), now });
  const nearest = nearestFree([...times.values()].flat(), wanted).map((t) =>
    toSlotDto(t, plan.office.timeZone),
  );
  return new AppError('SLOT_TAKEN', 'the time has no seat left', { nearest });
}

export const factsOf = (plan: OfficePlan): BookingFacts => ({
  office: {
    code: plan.office.code,
    name: plan.office.name,
    address: plan.office.address,
    timeZone: plan.office.timeZone,
  },
  service: { code: plan.service.code, title: plan.service.title, documents: plan.service.documents },
  checkIn: { earlyMinutes: plan.settings.checkInEarlyMinutes, lateMinutes: plan.settings.checkInLateMinutes },
});

/** A booking's message (confirmed, rescheduled, reminder, cancelled) into the outbox, in the caller's transaction. */
export async function notifyBooking(
  tx: Db,
  deps: Pick<BookingDeps, 'cipher' | 'outbox' | 'now'>,
  row: BookingRow,
  event: NotificationEvent,
): Promise<boolean> {
  const outbox = deps.outbox();
  const context = await messageContextFor(tx, { officeCode: row.officeCode, serviceCode: row.serviceCode });
  const start = instantOf(row.startsAt);
  const result = await enqueueNotification(tx, outbox, {
    event,
    recipient: {
      phone: deps.cipher.open(row.phone),
      email: row.email ? deps.cipher.open(row.email) : null,
      name: deps.cipher.open(row.name),
      locale: row.locale,
      smsConsent: row.consentSms,
    },
    context: {
      ...context,
      at: isoInZone(start, context.timeZone),
      bookingCode: formatBookingCode(row.code),
      link: `${outbox.publicUrl}/book/manage?code=${row.code}`,
    },
    officeCode: row.officeCode,
    about: { kind: 'booking', ref: row.code },
    // a reminder or a confirmation is worth nothing once the visit is over
    expiresAt: new Date(instantOf(row.endsAt)),
  });
  return result.queued.length > 0;
}

const fingerprintOf = (input: BookingInput) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        input.office,
        input.service,
        Date.parse(input.start),
        input.name.trim(),
        input.phone,
        input.email?.trim().toLowerCase() ?? null,
        input.consents.sms === true,
        input.locale ?? 'ru',
      ]),
    )
    .digest('hex');

/** A fresh code no booking has (a clash of 21⁸ codes is rare; it is tried again). */
async function freshCode(tx: Db): Promise<string> {
  for (;;) {
    const code = newBookingCode(randomInt);
    if (!(await repo.codeExists(tx, code))) return code;
  }
}

const confirmPinHash = (bookingId: string, pin: string) =>
  createHash('sha256').update(`${bookingId}:${pin}`).digest('hex');

const onePerService = () =>
  new AppError('BOOKING_LIMIT', 'this phone already has a booking for this service', {
    rule: 'one_per_service',
    max: 1,
  });

/** The per-person rules, checked under the phone's lock: the no-show block, max active, one per service. */
async function checkPhoneRules(tx: Db, plan: OfficePlan, phoneHash: string, now: Date) {
  const s = plan.settings;
  const since = new Date(now.getTime() - s.noShowWithinDays * 86_400_000).toISOString();
  const until = phoneBlockedUntil({
    noShows: (await repo.noShowsOfPhone(tx, phoneHash, since)).map(instantOf),
    now: now.getTime(),
    limit: s.noShowLimit,
    withinDays: s.noShowWithinDays,
    blockDays: s.noShowBlockDays,
  });
  if (until !== null) {
    throw new AppError('PHONE_LIMITED', 'bookings from this phone are paused after missed visits', {
      until: isoInZone(until, plan.office.timeZone),
    });
  }
  const active = await repo.activeOfPhone(tx, phoneHash);
  if (active.some((b) => b.serviceCode === plan.service.code)) throw onePerService();
  if (active.length >= s.maxActivePerPhone) {
    throw new AppError('BOOKING_LIMIT', `at most ${s.maxActivePerPhone} active bookings per phone`, {
      rule: 'max_active',
      max: s.maxActivePerPhone,
    });
  }
}

/** PostgreSQL's deadlock: two reschedules crossing each other's seats; one is tried again. */
const isDeadlock = (err: unknown) => pgErrorOf(err).code === '40P01';
async function retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= 3 || !isDeadlock(err)) throw err;
    }
  }
}

/**
 * Books a time. The seats are taken by the database (a conditional increment per cell); the per-person rules
 * are checked under the phone's lock; a retry with the same Idempotency-Key and body returns the same booking
 * (`replayed`), another body under the key is refused.
 */
export async function createBooking(
  deps: BookingDeps,
  input: BookingInput,
  booker: Booker,
  idempotencyKey?: string,
): Promise<{ booking: Booking; replayed: boolean }> {
  const { db, now, cipher } = deps;
  const plan = await officePlan(db, {
    officeCode: input.office,
    serviceCode: input.service,
    now,
    fresh: true,
  });
  const slot = requireStart(plan, input.start, now);
  const phone = keptContact(cipher, 'phone', input.phone);
  if (!phone)
    throw new AppError('VALIDATION', 'invalid body.phone', [{ field: 'body.phone', message: 'not a phone' }]);
  const email = input.email ? keptContact(cipher, 'email', input.email) : null;
  if (input.email && !email) {
    throw new AppError('VALIDATION', 'invalid body.email', [
      { field: 'body.email', message: 'not an e-mail address' },
    ]);
  }
  const fingerprint = fingerprintOf(input);
  // staff (call center, the window) book for a person they talk to: no SMS code to wait for
  const hold = plan.settings.confirmByPhone && (booker.channel === 'portal' || booker.channel === 'kiosk');
  const at = now.toISOString();
  let pin: string | null = null;

  const outcome = await db
    .transaction(async (tx) => {
      if (idempotencyKey) {
        const claim = await repo.claimRequestKey(tx, idempotencyKey, fingerprint);
        if (!claim.claimed) {
          if (claim.fingerprint !== fingerprint) {
            throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for another booking');
          }
          const earlier = claim.bookingId ? await repo.findBookingById(tx, claim.bookingId) : undefined;
          if (earlier) return { row: earlier, replayed: true };
        }
      }
      await lockKeyForTransaction(tx, 'bookingPhone', phone.hash);
      await checkPhoneRules(tx, plan, phone.hash, now);
      // a full cell: throw, so the transaction rolls back the seats this booking did take in other cells
      // and scopes (returning would commit them — a 30-minute booking refused at its second cell kept its first)
      if (!(await takeSeats(tx, plan.office.code, claimsOf(plan, slot.cells)))) throw new SlotFull();
      const id = randomUUID();
      pin = hold ? String(randomInt(0, 10_000)).padStart(4, '0') : null;
      const row = await repo.insertBooking(tx, {
        id,
        code: await freshCode(tx),
        officeCode: plan.office.code,
        serviceCode: plan.service.code,
        startsAt: new Date(slot.start).toISOString(),
        endsAt: new Date(slot.end).toISOString(),
        localDate: slot.date,
        cells: slot.cells,
        status: hold ? 'held' : 'booked',
        name: cipher.seal(input.name.trim()),
        phone: cipher.seal(phone.normalized),
        phoneHash: phone.hash,
        email: email ? cipher.seal(email.normalized) : null,
        locale: input.locale ?? 'ru',
        consentSms: input.consents.sms === true,
        channel: booker.channel,
        createdBy: booker.userId ?? null,
        kioskId: booker.kioskId ?? null,
        createdAt: at,
        updatedAt: at,
        holdExpiresAt: hold
          ? new Date(now.getTime() + plan.settings.holdMinutes * 60_000).toISOString()
          : null,
        confirmHash: pin ? confirmPinHash(id, pin) : null,
      });
      await repo.appendBookingEvent(tx, {
        bookingId: id,
        kind: hold ? 'held' : 'booked',
        at,
        actorId: booker.userId,
        details: { channel: booker.channel, ...(booker.kioskId ? { kiosk: booker.kioskId } : {}) },
      });
      if (idempotencyKey) await repo.settleRequestKey(tx, idempotencyKey, id);
      if (hold) await sendConfirmationCode(tx, deps, row, pin as string);
      else await notifyBooking(tx, deps, row, 'booking.confirmed');
      return { row, replayed: false };
    })
    .catch(async (err) => {
      if (err instanceof SlotFull) throw await slotTaken(db, plan, slot.start, slot.date, now);
      // the unique index of one active booking per service per phone, if a racer got past the lock's check
      const pg = pgErrorOf(err);
      if (pg.code === '23505' && pg.constraint === 'bookings_one_per_service') throw onePerService();
      throw err;
    });
  seatsChanged(db);
  return { booking: toBookingDto(outcome.row, factsOf(plan), cipher), replayed: outcome.replayed };
}

/** The SMS with the code that confirms a held booking (never any other personal data). */
async function sendConfirmationCode(tx: Db, deps: BookingDeps, row: BookingRow, pin: string): Promise<void> {
  const outbox = deps.outbox();
  const context = await messageContextFor(tx, { officeCode: row.officeCode, serviceCode: row.serviceCode });
  await enqueueNotification(tx, outbox, {
    event: 'booking.confirm_code',
    recipient: { phone: deps.cipher.open(row.phone), locale: row.locale, smsConsent: true },
    context: { ...context, confirmCode: pin, link: `${outbox.publicUrl}/book/manage?code=${row.code}` },
    officeCode: row.officeCode,
    about: { kind: 'booking', ref: row.code },
    expiresAt: new Date(instantOf(row.holdExpiresAt as string)),
  });
}

/** The booking of `code` if `phone` is its phone; one 404 for an unknown code and a wrong phone alike. */
async function holderBooking(db: Db, cipher: PersonalDataCipher, code: string, phone: string, lock = false) {
  const kept = keptContact(cipher, 'phone', phone);
  const row = await repo.findBookingByCode(db, code, lock);
  if (!row || !kept || row.phoneHash !== kept.hash) throw notFound('booking');
  return row;
}

/** The facts a booking's DTO needs, planned from the database (its office and service may have changed). */
export async function factsFor(db: Db, row: BookingRow, now: Date): Promise<BookingFacts> {
  const plan = await officePlan(db, { officeCode: row.officeCode, serviceCode: row.serviceCode, now }).catch(
    () => undefined,
  );
  if (plan) return factsOf(plan);
  // the office no longer offers the service: the booking still shows what it was
  const context = await messageContextFor(db, { officeCode: row.officeCode });
  return {
    office: {
      code: row.officeCode,
      name: context.office?.name ?? row.officeCode,
      address: context.office?.address ?? '',
      timeZone: context.timeZone,
    },
    service: { code: row.serviceCode, title: row.serviceCode, documents: [] },
    checkIn: { earlyMinutes: 0, lateMinutes: 0 },
  };
}

export async function bookingForHolder(
  deps: Pick<BookingDeps, 'db' | 'cipher' | 'now'>,
  code: string,
  phone: string,
): Promise<Booking> {
  const row = await holderBooking(deps.db, deps.cipher, code, phone);
  return toBookingDto(row, await factsFor(deps.db, row, deps.now), deps.cipher);
}

export const notActive = (row: Pick<BookingRow, 'status'>) =>
  new AppError('BOOKING_NOT_ACTIVE', `the booking is ${row.status}`, { status: row.status });
const isActive = (row: BookingRow) => (activeBookingStatuses as readonly string[]).includes(row.status);

/**
 * Cancels an active booking in the caller's transaction: its seats given back at once, the person told if it
 * was booked (a hold was never confirmed to them), whether the message went out kept for the office head's
 * list, and the step recorded.
 */
export async function cancelActive(
  tx: Db,
  deps: Pick<BookingDeps, 'cipher' | 'outbox' | 'now'>,
  found: BookingRow,
  p: { reason: CancelReason; actorId?: string },
): Promise<BookingRow> {
  await releaseSeats(tx, found);
  const at = deps.now.toISOString();
  const notified =
    found.status === 'booked' ? await notifyBooking(tx, deps, found, 'booking.cancelled') : false;
  const cancelled = await repo.updateBooking(tx, found.id, {
    status: 'cancelled',
    cancelReason: p.reason,
    cancelledAt: at,
    holdExpiresAt: null,
    cancelNotified: notified,
  });
  await repo.appendBookingEvent(tx, {
    bookingId: found.id,
    kind: 'cancelled',
    at,
    actorId: p.actorId,
    details: { reason: p.reason, notified },
  });
  return cancelled;
}

/** Cancels a held or booked visit: its seats are free at once; the person is told. */
export async function cancelBooking(
  deps: BookingDeps,
  code: string,
  phone: string,
  actor?: { userId: string },
): Promise<Booking> {
  const { db, now, cipher } = deps;
  const row = await db.transaction(async (tx) => {
    const found = await holderBooking(tx, cipher, code, phone, true);
    if (!isActive(found)) throw notActive(found);
    return cancelActive(tx, deps, found, { reason: actor ? 'staff' : 'citizen', actorId: actor?.userId });
  });
  seatsChanged(db);
  return toBookingDto(row, await factsFor(db, row, now), cipher);
}

/**
 * Moves a booking to another free time in one transaction: its old seats are given back and the new ones
 * taken together — if the new time is full, the transaction rolls back and the old time is still held.
 */
export async function rescheduleBooking(
  deps: BookingDeps,
  code: string,
  input: { phone: string; start: string },
  actor?: { userId: string },
): Promise<Booking> {
  const { db, now, cipher } = deps;
  const current = await holderBooking(db, cipher, code, input.phone);
  const plan = await officePlan(db, {
    officeCode: current.officeCode,
    serviceCode: current.serviceCode,
    now,
    fresh: true,
  });
  const slot = requireStart(plan, input.start, now);
  const outcome = await retryingDeadlocks(() =>
    db.transaction(async (tx) => {
      const found = await holderBooking(tx, cipher, code, input.phone, true);
      if (!isActive(found)) throw notActive(found);
      if (instantOf(found.startsAt) === slot.start) return { row: found };
      await releaseSeats(tx, found);
      if (!(await takeSeats(tx, plan.office.code, claimsOf(plan, slot.cells)))) {
        // the old seats come back with the rollback
        throw new SlotFull();
      }
      const at = now.toISOString();
      const moved = await repo.updateBooking(tx, found.id, {
        startsAt: new Date(slot.start).toISOString(),
        endsAt: new Date(slot.end).toISOString(),
        localDate: slot.date,
        cells: slot.cells,
        remindedAt: null,
      });
      await repo.appendBookingEvent(tx, {
        bookingId: found.id,
        kind: 'rescheduled',
        at,
        actorId: actor?.userId,
        details: { from: found.startsAt, to: moved.startsAt },
      });
      if (moved.status === 'booked') await notifyBooking(tx, deps, moved, 'booking.rescheduled');
      return { row: moved };
    }),
  ).catch(async (err) => {
    if (err instanceof SlotFull) throw await slotTaken(db, plan, slot.start, slot.date, now);
    throw err;
  });
  seatsChanged(db);
  return toBookingDto(outcome.row, factsOf(plan), cipher);
}

class SlotFull extends Error {}

/** Confirms a held booking with the code sent by SMS; five wrong codes release it. */
export async function confirmBooking(
  deps: BookingDeps,
  code: string,
  input: { phone: string; pin: string },
): Promise<Booking> {
  const { db, now, cipher } = deps;
  const result = await db.transaction(async (tx) => {
    const found = await holderBooking(tx, cipher, code, input.phone, true);
    if (found.status !== 'held' || instantOf(found.holdExpiresAt as string) <= now.getTime()) {
      throw notActive(found.status === 'held' ? { ...found, status: 'expired' } : found);
    }
    const at = now.toISOString();
    if (found.confirmHash !== confirmPinHash(found.id, input.pin)) {
      const attempts = found.confirmAttempts + 1;
      if (attempts >= 5) {
        await releaseSeats(tx, found);
        await repo.updateBooking(tx, found.id, {
          status: 'expired',
          holdExpiresAt: null,
          confirmAttempts: attempts,
        });
        await repo.appendBookingEvent(tx, {
          bookingId: found.id,
          kind: 'expired',
          at,
          details: { attempts },
        });
      } else {
        await repo.updateBooking(tx, found.id, { confirmAttempts: attempts });
      }
      return { wrong: true as const };
    }
    const confirmed = await repo.updateBooking(tx, found.id, {
      status: 'booked',
      holdExpiresAt: null,
      confirmHash: null,
    });
    await repo.appendBookingEvent(tx, { bookingId: found.id, kind: 'confirmed', at });
    await notifyBooking(tx, deps, confirmed, 'booking.confirmed');
    return { row: confirmed };
  });
  seatsChanged(db);
  if ('wrong' in result) {
    throw new AppError('VALIDATION', 'invalid body.pin: the code does not match', [
      { field: 'body.pin', message: 'the code does not match', code: 'wrong_code' },
    ]);
  }
  return toBookingDto(result.row, await factsFor(db, result.row, now), cipher);
}

// ── free times ──────────────────────────────────────────────────────────────────────────────────────────

const maxRangeDays = 62;

/** GET availability: every date of the range with the count of its times that have a seat left. */
export async function availability(
  deps: Pick<BookingDeps, 'db' | 'now'>,
  officeCode: string,
  q: { service: string; from?: string; to?: string },
): Promise<Availability> {
  const { db, now } = deps;
  const plan = await officePlan(db, { officeCode, serviceCode: q.service, now });
  const window = bookingWindow(now.getTime(), plan.office.timeZone, plan.settings.horizonDays);
  const from = q.from ?? window.first;
  const to = q.to ?? window.last;
  if (daysBetween(from, to) < 0) {
    throw new AppError('VALIDATION', 'invalid querystring.to: before from', [
      {
        field: 'querystring.to',
        message: 'must not be before from',
        code: 'custom',
        params: { rule: 'not_before_from' },
      },
    ]);
  }
  if (daysBetween(from, to) >= maxRangeDays) {
    throw new AppError('VALIDATION', `invalid querystring.to: at most ${maxRangeDays} days`, [
      {
        field: 'querystring.to',
        message: `at most ${maxRangeDays} days`,
        code: 'too_big',
        params: { maximum: maxRangeDays },
      },
    ]);
  }
  // only the dates one may book are computed; the rest of the range is 0
  // ISO dates compare as text
  const [, first] = [from, window.first].sort();
  const [last] = [to, window.last].sort();
  const times = first <= last ? await keptFreeTimes(db, plan, { from: first, to: last, now }) : new Map();
  const days: Availability['days'] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) {
    days.push({ date, free: (times.get(date) ?? []).filter((t: FreeTime) => t.free > 0).length });
  }
  return { office: plan.office.code, service: plan.service.code, timeZone: plan.office.timeZone, days };
}

/** GET slots: every time of the day a booking may start, with its seats left (none outside the horizon). */
export async function daySlotsOf(
  deps: Pick<BookingDeps, 'db' | 'now'>,
  officeCode: string,
  q: { service: string; date: string },
): Promise<DaySlots> {
  const { db, now } = deps;
  const plan = await officePlan(db, { officeCode, serviceCode: q.service, now });
  const window = bookingWindow(now.getTime(), plan.office.timeZone, plan.settings.horizonDays);
  const inWindow = q.date >= window.first && q.date <= window.last;
  const times = inWindow
    ? ((await keptFreeTimes(db, plan, { from: q.date, to: q.date, now })).get(q.date) ?? [])
    : [];
  return {
    office: plan.office.code,
    service: plan.service.code,
    date: q.date,
    timeZone: plan.office.timeZone,
    slots: times.map((t) => toSlotDto(t, plan.office.timeZone)),
  };
}

export type { BookingOffice };
