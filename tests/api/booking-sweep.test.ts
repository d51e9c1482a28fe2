import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../../src/server/db/client.js';
import { forgetKept } from '../../src/server/db/kept.js';
import { sweepBookings } from '../../src/server/modules/booking/booking.sweep.js';
import type { Booking } from '../../src/shared/booking.js';
import { describeOnBackends } from '../support/app.js';

/**
 * What time does to bookings (issue 10): the reminder the day before from 12:00 office time (once), a
 * booking not checked in by the end of its window becomes a no-show, three no-shows pause the phone, and
 * with confirmation by SMS a hold not confirmed in time is released — its seat free again.
 */
let now = new Date('2026-12-07T06:00:00Z'); // Monday 09:00 Moscow
const office = 'izmalkovo-main';
const service = 'egrn-extract';

describeOnBackends(
  'booking sweep',
  (ctx) => {
    const db = () => ctx().database.db;
    const deps = () => ({
      db: db(),
      cipher: ctx().app.personalData,
      outbox: () => ctx().app.outbox.deps(),
      now,
    });
    const book = (phone: string, start: string, svc = service) =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          office,
          service: svc,
          start,
          name: 'Олег',
          phone,
          email: 'oleg@example.ru',
          consents: { personalData: true, sms: true },
        },
      });
    const messages = (code: string, event: string) =>
      rows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from outbox_messages where subject_ref = ${code} and event = ${event}`,
      ).then((r) => r[0].n);
    const statusOf = (code: string) =>
      rows<{ status: string }>(db(), sql`select status from bookings where code = ${code}`).then(
        (r) => r[0].status,
      );

    beforeAll(() => {
      now = new Date('2026-12-07T06:00:00Z');
    });

    it('reminds the day before from 12:00 office time, once, by SMS and e-mail', async () => {
      const res = await book('+79125551001', '2026-12-09T10:00:00+03:00');
      expect(res.statusCode, res.body).toBe(201);
      const { code } = res.json() as Booking;
      now = new Date('2026-12-08T08:59:00Z'); // Tuesday 11:59 Moscow
      await sweepBookings(deps());
      expect(await messages(code, 'booking.reminder')).toBe(0);
      now = new Date('2026-12-08T09:00:00Z'); // 12:00
      expect((await sweepBookings(deps())).reminded).toBe(1);
      expect(await messages(code, 'booking.reminder')).toBe(2);
      await sweepBookings(deps());
      expect(await messages(code, 'booking.reminder')).toBe(2);
    });

    it('marks a booking not checked in by the end of its window a no-show, and three pause the phone', async () => {
      now = new Date('2026-12-07T06:00:00Z');
      const phone = '+79125551002';
      const codes: string[] = [];
      for (const [svc, start] of [
        ['egrn-extract', '2026-12-10T10:00:00+03:00'],
        ['snils-issue', '2026-12-10T11:00:00+03:00'],
        ['inn-issue', '2026-12-10T14:00:00+03:00'],
      ]) {
        const res = await book(phone, start, svc);
        expect(res.statusCode, res.body).toBe(201);
        codes.push(res.json().code);
      }
      now = new Date('2026-12-10T07:14:00Z'); // 10:14: still within +15
      await sweepBookings(deps());
      expect(await statusOf(codes[0])).toBe('booked');
      now = new Date('2026-12-10T12:00:00Z'); // 15:00: all three missed
      const swept = await sweepBookings(deps());
      expect(swept.noShows).toBeGreaterThanOrEqual(3);
      for (const code of codes) expect(await statusOf(code)).toBe('no_show');
      const refused = await book(phone, '2026-12-14T10:00:00+03:00');
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('PHONE_LIMITED');
      expect(refused.json().error.details.until).toBe('2027-01-09T15:00:00+03:00');
    });

    describe('with confirmation by SMS', () => {
      beforeAll(async () => {
        await db().execute(sql`update booking_settings set confirm_by_phone = true, hold_minutes = 10`);
        forgetKept(db());
      });
      afterAll(async () => {
        await db().execute(sql`update booking_settings set confirm_by_phone = false`);
        forgetKept(db());
      });

      it('holds the time until the SMS code, and releases a hold not confirmed in time', async () => {
        now = new Date('2026-12-07T06:00:00Z');
        const start = '2026-12-15T10:00:00+03:00';
        const res = await book('+79125551003', start);
        expect(res.statusCode, res.body).toBe(201);
        const held: Booking = res.json();
        expect(held.status).toBe('held');
        expect(held.holdExpiresAt).toBe('2026-12-07T09:10:00+03:00');
        expect(await messages(held.code, 'booking.confirm_code')).toBe(1);
        expect(await messages(held.code, 'booking.confirmed')).toBe(0);
        const wrong = await ctx().app.inject({
          method: 'POST',
          url: `/api/bookings/${held.code}/confirm`,
          payload: { phone: '+79125551003', pin: '00000' },
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.details[0].code).toBe('wrong_code');
        const slotFree = async () =>
          (
            await ctx().app.inject({
              method: 'GET',
              url: `/api/offices/${office}/slots?service=${service}&date=2026-12-15`,
            })
          )
            .json()
            .slots.find((s: { start: string }) => s.start === start).free;
        expect(await slotFree()).toBe(0);
        now = new Date('2026-12-07T06:11:00Z');
        expect((await sweepBookings(deps())).expired).toBe(1);
        expect(await statusOf(held.code)).toBe('expired');
        expect(await slotFree()).toBe(1);
      });
    });
  },
  { clock: () => now },
);
