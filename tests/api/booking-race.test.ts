import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Db, rows, sql } from '../../src/server/db/client.js';
import type { Booking, DaySlots } from '../../src/shared/booking.js';
import { adminGrants, staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { buildOffice } from '../support/factories.js';

/**
 * Bookings under concurrency (issue 10, "Tests"): the database, not a check-then-insert, holds each time to
 * its capacity — 200 requests at once at one time of capacity k give exactly k bookings — and every
 * change that takes or gives back seats (idempotent retries, cancel, reschedule, closing a day) leaves the
 * seat counters equal to the bookings that hold them.
 */

/** Monday 30 November 2026, 09:00 in Moscow (the region's zone): the clock stands still. */
const now = new Date('2026-11-30T06:00:00Z');
/** The next day, a Tuesday: every office built here is open 09:00–18:00 with a break 13:00–14:00. */
const day = '2026-12-01';
/** 'HH:MM' of minutes past midnight. */
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const at = (time: string, date = day) => `${date}T${time}:00+03:00`;
const service = 'egrn-extract';
const otherServices = ['snils-issue', 'inn-issue', 'mfc-consultation'];
/** Statuses whose seats stay taken (a no-show's time has passed: nobody can book it). */
const seatHolding = ['held', 'booked', 'checked_in', 'no_show'];

let phoneCounter = 0;
/** A Russian mobile number no other request of this file uses. */
const newPhone = () => `+7912${String(1_000_000 + phoneCounter++).slice(-7)}`;

type Body = Record<string, unknown>;
const bookingBody = (office: string, start: string, over: Body = {}): Body => ({
  office,
  service,
  start,
  name: 'Иван Петров',
  phone: newPhone(),
  consents: { personalData: true, sms: true },
  ...over,
});

const post = (app: FastifyInstance, url: string, payload: Body, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload, headers });
const book = (app: FastifyInstance, body: Body, key?: string) =>
  post(app, '/api/bookings', body, key ? { 'idempotency-key': key } : {});
const errorOf = (res: LightMyRequestResponse) =>
  (res.json() as { error: { code: string; details?: unknown } }).error;

/** Seats left at a time of the day, as the public slots say. */
async function freeAt(
  app: FastifyInstance,
  office: string,
  start: string,
  date = day,
  of = service,
): Promise<number> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/offices/${office}/slots?service=${of}&date=${date}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  const slot = (res.json() as DaySlots).slots.find((s) => s.start === start);
  if (!slot) throw new Error(`no slot ${start} at ${office}: ${res.body}`);
  return slot.free;
}

/**
 * Every seat counter of an office against a recount from the bookings that hold seats: for each cell, the
 * office's scope '*' counts every such booking covering it, a service's scope those of that service. Lists
 * each difference (an empty list: consistent), and every counter past its capacity.
 */
async function seatMismatches(db: Db, office: string): Promise<string[]> {
  const seats = await rows<{ cell: number | string; scope: string; used: number; capacity: number }>(
    db,
    sql`select (extract(epoch from cell_start) * 1000)::bigint as cell, scope, used, capacity
        from booking_seats where office_code = ${office}`,
  );
  const holders = await rows<{ service: string; cells: (number | string)[] }>(
    db,
    sql`select service_code as service, cells from bookings
        where office_code = ${office} and status = any(${`{${seatHolding.join(',')}}`}::text[])`,
  );
  const expected = new Map<string, number>();
  for (const b of holders) {
    for (const cell of b.cells) {
      for (const scope of ['*', b.service]) {
        const key = `${Number(cell)}|${scope}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of seats) {
    const key = `${Number(s.cell)}|${s.scope}`;
    seen.add(key);
    const want = expected.get(key) ?? 0;
    if (s.used !== want) problems.push(`${key}: used ${s.used}, bookings ${want}`);
    if (s.used > s.capacity) problems.push(`${key}: used ${s.used} > capacity ${s.capacity}`);
  }
  for (const [key, want] of expected)
    if (!seen.has(key)) problems.push(`${key}: no counter, bookings ${want}`);
  return problems;
}

/** Bookings of an office by status, from the table. */
async function statusesOf(db: Db, office: string) {
  const list = await rows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from bookings where office_code = ${office} group by status`,
  );
  return Object.fromEntries(list.map((r) => [r.status, r.n]));
}

describeOnBackends(
  'bookings under concurrency',
  (ctx) => {
    const db = () => ctx().database.db;
    const app = () => ctx().app;
    /** An office of the region's zone with `windows` windows for every service, Monday–Friday 09:00–18:00. */
    const office = (windows: number) =>
      buildOffice(db(), {
        kind: 'main',
        windows: Array.from({ length: windows }, (_, k) => ({
          number: k + 1,
          label: `Окно ${k + 1}`,
          serviceCodes: [],
          categoryCodes: [],
        })),
      });

    it('gives exactly k of 200 simultaneous requests for a time of capacity k, and SLOT_TAKEN to the rest', {
      timeout: 120_000,
    }, async () => {
      const code = await office(6);
      const start = at('10:00');
      const k = await freeAt(app(), code, start);
      expect(k).toBeGreaterThanOrEqual(2);
      expect(k).toBeLessThan(200);

      const results = await Promise.all(
        Array.from({ length: 200 }, () => book(app(), bookingBody(code, start))),
      );
      const created = results.filter((r) => r.statusCode === 201);
      const refused = results.filter((r) => r.statusCode === 409);
      expect(results.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).map((r) => r.body)).toEqual(
        [],
      );
      expect(created).toHaveLength(k);
      expect(refused).toHaveLength(200 - k);
      for (const r of refused) expect(errorOf(r).code).toBe('SLOT_TAKEN');
      // the refusals point at other times, each with a seat left
      const nearest = (errorOf(refused[0]).details as { nearest: { start: string; free: number }[] }).nearest;
      expect(nearest.length).toBeGreaterThan(0);
      for (const n of nearest) {
        expect(n.start).not.toBe(start);
        expect(n.free).toBeGreaterThan(0);
      }

      const codes = created.map((r) => (r.json() as Booking).code);
      expect(new Set(codes).size).toBe(k);
      for (const r of created) expect((r.json() as Booking).start).toBe(start);
      expect(await statusesOf(db(), code)).toEqual({ booked: k });
      expect(await seatMismatches(db(), code)).toEqual([]);
      const [cell] = await rows<{ used: number; capacity: number }>(
        db(),
        sql`select used, capacity from booking_seats
            where office_code = ${code} and scope = '*' and cell_start = ${start}::timestamptz`,
      );
      expect(cell).toEqual({ used: k, capacity: expect.any(Number) });
      expect(await freeAt(app(), code, start)).toBe(0);
    });

    it('gives a 30-minute booking both cells or none, with 200 racing for overlapping times', {
      timeout: 120_000,
    }, async () => {
      const code = await office(4);
      const times = [at('11:00'), at('11:15'), at('11:30')];
      const body = (i: number) =>
        bookingBody(code, times[i % times.length], { service: 'realty-reg-transfer' });
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => book(app(), body(i))));
      expect(results.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).map((r) => r.body)).toEqual(
        [],
      );
      // two lanes over the cells 11:00–11:45: at most 2 × 11:00 + 2 × 11:30, at least 2 × 11:15
      const created = results.filter((r) => r.statusCode === 201).length;
      expect(created).toBeGreaterThanOrEqual(2);
      expect(created).toBeLessThanOrEqual(4);
      for (const r of results.filter((r) => r.statusCode === 409)) expect(errorOf(r).code).toBe('SLOT_TAKEN');
      const cells = await rows<{ n: number }>(
        db(),
        sql`select jsonb_array_length(cells)::int as n from bookings where office_code = ${code}`,
      );
      expect(cells.map((c) => c.n)).toEqual(Array(created).fill(2));
      expect(await seatMismatches(db(), code)).toEqual([]);
      // seats only fill during the race: a time still free at the end would have taken its requests
      for (const t of times) expect(await freeAt(app(), code, t, day, 'realty-reg-transfer')).toBe(0);
    });

    it("leaves no office seat taken by a booking its service's windows refused", async () => {
      // four windows, one of them for every service, three for passports only: the office has two lanes,
      // the extract one
      const code = await buildOffice(db(), {
        kind: 'main',
        windows: [
          { number: 1, label: 'Окно 1', serviceCodes: [], categoryCodes: [] },
          ...[2, 3, 4].map((number) => ({
            number,
            label: `Окно ${number}`,
            serviceCodes: ['passport-rf-replace'],
            categoryCodes: [],
          })),
        ],
      });
      const start = at('09:30');
      expect(await freeAt(app(), code, start)).toBe(1);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => book(app(), bookingBody(code, start))),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(19);
      expect(await seatMismatches(db(), code)).toEqual([]);
      // the office's second lane is still there for a passport at that time
      const passport = await book(app(), bookingBody(code, start, { service: 'passport-rf-replace' }));
      expect(passport.statusCode, passport.body).toBe(201);
      expect(await seatMismatches(db(), code)).toEqual([]);
    });

    describe('idempotent retries', () => {
      it('returns the same booking for the same key and body, and stores it once', async () => {
        const code = await office(2);
        const body = bookingBody(code, at('12:00'));
        const key = `retry-${phoneCounter}-${Date.now()}`;
        const first = await book(app(), body, key);
        expect(first.statusCode, first.body).toBe(201);
        const again = await book(app(), body, key);
        expect(again.statusCode, again.body).toBe(201);
        expect((again.json() as Booking).code).toBe((first.json() as Booking).code);
        expect(await statusesOf(db(), code)).toEqual({ booked: 1 });
        expect(await seatMismatches(db(), code)).toEqual([]);
      });

      it('gives one booking to 20 simultaneous retries with one key', async () => {
        const code = await office(2);
        const body = bookingBody(code, at('12:15'));
        const key = `burst-${phoneCounter}-${Date.now()}`;
        const results = await Promise.all(Array.from({ length: 20 }, () => book(app(), body, key)));
        // a retry that meets the first in flight waits on its key, then is given what the first made
        expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
        expect(new Set(results.map((r) => (r.json() as Booking).code)).size).toBe(1);
        expect(await statusesOf(db(), code)).toEqual({ booked: 1 });
        expect(await seatMismatches(db(), code)).toEqual([]);
      });

      it('refuses the same key with another body: IDEMPOTENCY_KEY_REUSED', async () => {
        const code = await office(2);
        const body = bookingBody(code, at('12:30'));
        const key = `reused-${phoneCounter}-${Date.now()}`;
        expect((await book(app(), body, key)).statusCode).toBe(201);
        const other = await book(app(), { ...body, start: at('12:45') }, key);
        expect(other.statusCode, other.body).toBe(409);
        expect(errorOf(other).code).toBe('IDEMPOTENCY_KEY_REUSED');
        expect(await statusesOf(db(), code)).toEqual({ booked: 1 });
        expect(await seatMismatches(db(), code)).toEqual([]);
      });
    });

    it('never leaves two active bookings or a lost seat when a cancel and a reschedule of one booking race', {
      timeout: 60_000,
    }, async () => {
      const code = await office(2);
      for (let round = 0; round < 10; round++) {
        const body = bookingBody(code, at(clock(9 * 60 + round * 15), '2026-12-02'));
        const made = await book(app(), body);
        expect(made.statusCode, made.body).toBe(201);
        const booking = made.json() as Booking;
        const target = at(clock(15 * 60 + round * 15), '2026-12-02');
        const [cancelled, moved] = await Promise.all([
          post(app(), `/api/bookings/${booking.code}/cancel`, { phone: body.phone }),
          post(app(), `/api/bookings/${booking.code}/reschedule`, { phone: body.phone, start: target }),
        ]);
        expect(cancelled.statusCode, cancelled.body).toBe(200);
        expect([200, 409]).toContain(moved.statusCode);
        const after = await app().inject({
          method: 'GET',
          url: `/api/bookings/${booking.code}?phone=${encodeURIComponent(String(body.phone))}`,
        });
        expect(after.statusCode).toBe(200);
        // the cancel answered yes: whichever went first, the booking ends cancelled
        expect((after.json() as Booking).status).toBe('cancelled');
        const active = await rows<{ n: number }>(
          db(),
          sql`select count(*)::int as n from bookings
              where office_code = ${code} and status in ('held', 'booked')`,
        );
        expect(active[0].n).toBe(0);
        expect(await seatMismatches(db(), code)).toEqual([]);
      }
    });

    it('gives the last seat to exactly one of two reschedules racing for it; the other keeps its time', async () => {
      const code = await office(4);
      const target = at('16:00');
      const k = await freeAt(app(), code, target);
      for (let i = 0; i < k - 1; i++)
        expect((await book(app(), bookingBody(code, target))).statusCode).toBe(201);
      expect(await freeAt(app(), code, target)).toBe(1);
      const a = bookingBody(code, at('15:00'));
      const b = bookingBody(code, at('15:15'));
      const madeA = (await book(app(), a)).json() as Booking;
      const madeB = (await book(app(), b)).json() as Booking;
      const [movedA, movedB] = await Promise.all([
        post(app(), `/api/bookings/${madeA.code}/reschedule`, { phone: a.phone, start: target }),
        post(app(), `/api/bookings/${madeB.code}/reschedule`, { phone: b.phone, start: target }),
      ]);
      const statuses = [movedA.statusCode, movedB.statusCode].sort();
      expect(statuses, `${movedA.body} ${movedB.body}`).toEqual([200, 409]);
      const [winner, loser] = movedA.statusCode === 200 ? [movedA, movedB] : [movedB, movedA];
      const loserBody = loser === movedA ? a : b;
      const loserBooking = loser === movedA ? madeA : madeB;
      expect(errorOf(loser).code).toBe('SLOT_TAKEN');
      expect((winner.json() as Booking).start).toBe(target);
      const kept = await app().inject({
        method: 'GET',
        url: `/api/bookings/${loserBooking.code}?phone=${encodeURIComponent(String(loserBody.phone))}`,
      });
      expect(kept.json()).toMatchObject({ status: 'booked', start: loserBooking.start });
      expect(await freeAt(app(), code, target)).toBe(0);
      expect(await seatMismatches(db(), code)).toEqual([]);
    });

    it("cancels a closed day's bookings (office_closed), frees their seats and tells each person", async () => {
      const code = await office(4);
      const closedDay = '2026-12-03';
      const bodies = ['10:00', '10:00', '11:30'].map((t) => bookingBody(code, at(t, closedDay)));
      const made = [];
      for (const body of bodies) {
        const res = await book(app(), body);
        expect(res.statusCode, res.body).toBe(201);
        made.push(res.json() as Booking);
      }
      const spared = await book(app(), bookingBody(code, at('10:00', '2026-12-04')));
      expect(spared.statusCode).toBe(201);
      const admin = await staffClient(app(), ctx().database, adminGrants);
      const closed = await admin.call({
        method: 'PUT',
        url: `/api/admin/offices/${code}/exceptions/${closedDay}`,
        payload: { kind: 'closed', note: 'Авария водопровода' },
      });
      expect(closed.statusCode, closed.body).toBe(200);

      for (const [i, booking] of made.entries()) {
        const res = await app().inject({
          method: 'GET',
          url: `/api/bookings/${booking.code}?phone=${encodeURIComponent(String(bodies[i].phone))}`,
        });
        expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'office_closed' });
      }
      expect(
        (
          await app().inject({
            method: 'GET',
            url: `/api/offices/${code}/slots?service=${service}&date=${closedDay}`,
          })
        ).json().slots,
      ).toEqual([]);
      expect(await statusesOf(db(), code)).toEqual({ cancelled: 3, booked: 1 });
      expect(await seatMismatches(db(), code)).toEqual([]);
      const used = await rows<{ used: number }>(
        db(),
        sql`select coalesce(sum(used), 0)::int as used from booking_seats
            where office_code = ${code} and cell_start < ${`${'2026-12-04'}T00:00:00+03:00`}::timestamptz`,
      );
      expect(used[0].used).toBe(0);
      const messages = await rows<{ ref: string; n: number }>(
        db(),
        sql`select subject_ref as ref, count(*)::int as n from outbox_messages
            where event = 'booking.cancelled' and subject_ref = any(${`{${made.map((m) => m.code).join(',')}}`}::text[])
            group by subject_ref`,
      );
      expect(messages.map((m) => m.ref).sort()).toEqual(made.map((m) => m.code).sort());
      for (const m of messages) expect(m.n).toBe(1); // SMS only: consent to SMS, no e-mail
      // the office head sees the list
      const head = await staffClient(app(), ctx().database, [
        { role: 'office_head', scope: { kind: 'offices', offices: [code] } },
      ]);
      const list = await head.call({
        method: 'GET',
        url: `/api/staff/offices/${code}/bookings?date=${closedDay}&cancelReason=office_closed`,
      });
      expect(list.statusCode, list.body).toBe(200);
      const listed = list.json() as { code: string; notified: boolean }[];
      expect(listed.map((b) => b.code).sort()).toEqual(made.map((m) => m.code).sort());
      expect(listed.every((b) => b.notified)).toBe(true);
    });

    describe('per-person rules', () => {
      it('refuses a second active booking of one service for one phone, even when both race', async () => {
        const code = await office(4);
        const phone = newPhone();
        const results = await Promise.all(
          ['09:00', '09:15', '09:30', '09:45', '10:00'].map((t) =>
            book(app(), bookingBody(code, at(t, '2026-12-04'), { phone })),
          ),
        );
        expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
        for (const r of results.filter((r) => r.statusCode !== 201)) {
          expect(r.statusCode, r.body).toBe(409);
          expect(errorOf(r)).toMatchObject({ code: 'BOOKING_LIMIT', details: { rule: 'one_per_service' } });
        }
        expect(await seatMismatches(db(), code)).toEqual([]);
      });

      it('refuses more active bookings than the limit per phone (3 in the demo region)', async () => {
        const code = await office(4);
        const phone = newPhone();
        const services = [service, ...otherServices];
        const results = [];
        for (const [i, s] of services.entries())
          results.push(
            await book(
              app(),
              bookingBody(code, at(clock(9 * 60 + i * 60), '2026-12-07'), { phone, service: s }),
            ),
          );
        expect(results.slice(0, 3).map((r) => r.statusCode)).toEqual([201, 201, 201]);
        expect(results[3].statusCode, results[3].body).toBe(409);
        expect(errorOf(results[3])).toMatchObject({ code: 'BOOKING_LIMIT', details: { rule: 'max_active' } });
        // a cancelled one makes room
        const first = results[0].json() as Booking;
        expect((await post(app(), `/api/bookings/${first.code}/cancel`, { phone })).statusCode).toBe(200);
        const again = await book(
          app(),
          bookingBody(code, at('14:00', '2026-12-07'), { phone, service: services[3] }),
        );
        expect(again.statusCode, again.body).toBe(201);
      });

      it('limits a phone with repeated no-shows until the block ends', async () => {
        const code = await office(4);
        const phone = newPhone();
        const made: Booking[] = [];
        for (const [i, s] of [service, ...otherServices].slice(0, 3).entries()) {
          const res = await book(
            app(),
            bookingBody(code, at(`1${i}:00`, '2026-12-08'), { phone, service: s }),
          );
          expect(res.statusCode, res.body).toBe(201);
          made.push(res.json() as Booking);
        }
        // three no-shows in the last weeks (the visits themselves are in the past by then)
        for (const [i, b] of made.entries()) {
          await db().execute(
            sql`update bookings set status = 'no_show', no_show_at = ${new Date(now.getTime() - (i + 1) * 7 * 86_400_000).toISOString()}::timestamptz
                where code = ${b.code}`,
          );
        }
        const refused = await book(app(), bookingBody(code, at('15:00', '2026-12-08'), { phone }));
        expect(refused.statusCode, refused.body).toBe(409);
        const error = errorOf(refused) as { code: string; details: { until: string } };
        expect(error.code).toBe('PHONE_LIMITED');
        // 30 days after the last no-show, a week ago
        expect(Date.parse(error.details.until)).toBe(now.getTime() - 7 * 86_400_000 + 30 * 86_400_000);
        // another phone books the same time
        expect((await book(app(), bookingBody(code, at('15:00', '2026-12-08')))).statusCode).toBe(201);
      });
    });
  },
  { clock: () => now, config: { rateLimitPerMinute: 100_000_000 } },
);
