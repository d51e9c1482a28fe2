import { beforeAll, expect, it } from 'vitest';
import { rows, sql } from '../../src/server/db/client.js';
import type { Availability, Booking, DaySlots } from '../../src/shared/booking.js';
import type { IssuedTicket } from '../../src/shared/queue.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

/**
 * Booking end to end through the API (issue 10): free days and times, a booking, its holder's view,
 * reschedule and cancel, the refusals that name the field, and check-in into the queue, called ahead of a
 * walk-in who came earlier.
 */

// Monday 7 December 2026, 09:00 in Lipetsk (UTC+3): an ordinary working week.
let now = new Date('2026-12-07T06:00:00Z');
const office = 'izmalkovo-main'; // 3 windows, 08:00–17:00, break 12:00–12:48: one booking lane
const service = 'egrn-extract';
const kiosk = { 'x-kiosk-token': `demo-kiosk-${office}` };

const person = (phone: string, start: string, extra: Record<string, unknown> = {}) => ({
  office,
  service,
  start,
  name: 'Мария Петрова',
  phone,
  email: 'maria@example.ru',
  consents: { personalData: true, sms: true },
  ...extra,
});

describeOnBackends(
  'booking',
  (ctx) => {
    beforeAll(() => {
      now = new Date('2026-12-07T06:00:00Z');
    });
    const inject = (
      method: 'GET' | 'POST',
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ) => ctx().app.inject({ method, url, payload: payload as Record<string, unknown>, headers });

    it('lists free days: weekends and days past the horizon have none, working days do', async () => {
      const res = await inject(
        'GET',
        `/api/offices/${office}/availability?service=${service}&from=2026-12-07&to=2026-12-13`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body: Availability = res.json();
      expect(body.timeZone).toBe('Europe/Moscow');
      const free = Object.fromEntries(body.days.map((d) => [d.date, d.free]));
      // Saturday and Sunday closed; Monday from 11:00 (two hours' notice) to 17:00 without the break
      expect(free['2026-12-12']).toBe(0);
      expect(free['2026-12-13']).toBe(0);
      expect(free['2026-12-08']).toBeGreaterThan(free['2026-12-07']);
      expect(free['2026-12-07']).toBeGreaterThan(0);
    });

    it('gives the times of a day on the grid, none within the notice, none across the break', async () => {
      const res = await inject('GET', `/api/offices/${office}/slots?service=${service}&date=2026-12-07`);
      expect(res.statusCode, res.body).toBe(200);
      const body: DaySlots = res.json();
      const starts = body.slots.map((s) => s.start.slice(11, 16));
      expect(starts[0]).toBe('11:00');
      expect(starts).toContain('11:45');
      expect(starts).not.toContain('12:00');
      expect(starts).not.toContain('12:45');
      expect(starts).toContain('13:00');
      expect(starts.at(-1)).toBe('16:45');
      expect(body.slots[0].start).toBe('2026-12-07T11:00:00+03:00');
      expect(body.slots[0].end).toBe('2026-12-07T11:15:00+03:00');
    });

    it('books a time, shows it to its holder only with the right phone, and takes its seat', async () => {
      const start = '2026-12-08T10:00:00+03:00';
      const res = await inject('POST', '/api/bookings', person('8 (912) 555-01-01', start), {
        'idempotency-key': 'key-00000001',
      });
      expect(res.statusCode, res.body).toBe(201);
      const booking: Booking = res.json();
      expect(booking.code).toMatch(/^[ACEFHJKMNPRTUVWXY3479]{8}$/);
      expect(booking.start).toBe(start);
      expect(booking.channel).toBe('portal');
      expect(booking.phoneMasked).toBe('+7 *** ***-**-01');
      expect(booking.documents.length).toBeGreaterThan(0);

      const again = await inject('POST', '/api/bookings', person('8 (912) 555-01-01', start), {
        'idempotency-key': 'key-00000001',
      });
      expect(again.statusCode).toBe(201);
      expect(again.json().code).toBe(booking.code);

      const seen = await inject('GET', `/api/bookings/${booking.code.toLowerCase()}?phone=%2B79125550101`);
      expect(seen.statusCode, seen.body).toBe(200);
      const wrong = await inject('GET', `/api/bookings/${booking.code}?phone=%2B79125550102`);
      const unknown = await inject('GET', `/api/bookings/AAAAAAAA?phone=%2B79125550101`);
      expect(wrong.statusCode).toBe(404);
      expect(wrong.body).toBe(unknown.body);

      const slots: DaySlots = (
        await inject('GET', `/api/offices/${office}/slots?service=${service}&date=2026-12-08`)
      ).json();
      expect(slots.slots.find((s) => s.start === start)?.free).toBe(0);

      const taken = await inject('POST', '/api/bookings', person('+7 912 555 01 02', start));
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('SLOT_TAKEN');
      expect(taken.json().error.details.nearest.length).toBeGreaterThan(0);
      expect(taken.json().error.details.nearest.map((s: { start: string }) => s.start)).not.toContain(start);
    });

    it('refuses a bad time or phone with a 400 naming the field and the rule', async () => {
      const cases: [string, string][] = [
        ['2026-12-01T10:00:00+03:00', 'in_past'],
        ['2026-12-07T10:00:00+03:00', 'too_soon'],
        ['2027-02-01T10:00:00+03:00', 'beyond_horizon'],
        ['2026-12-12T10:00:00+03:00', 'day_off'],
        ['2026-12-08T10:07:00+03:00', 'not_on_grid'],
        ['2026-12-08T12:00:00+03:00', 'outside_hours'],
      ];
      for (const [start, rule] of cases) {
        const res = await inject('POST', '/api/bookings', person('+79125550199', start));
        expect(res.statusCode, `${start}: ${res.body}`).toBe(400);
        const detail = res.json().error.details[0];
        expect(detail.field).toBe('body.start');
        expect(detail.params.rule).toBe(rule);
      }
      const landline = await inject(
        'POST',
        '/api/bookings',
        person('+7 4742 22-33-44', '2026-12-08T10:30:00+03:00'),
      );
      expect(landline.statusCode).toBe(400);
      expect(landline.json().error.details[0].field).toBe('body.phone');
    });

    it('reschedules in one step and cancels, freeing the seat at once', async () => {
      const made: Booking = (
        await inject('POST', '/api/bookings', person('+79125550301', '2026-12-09T10:00:00+03:00'))
      ).json();
      const moved = await inject('POST', `/api/bookings/${made.code}/reschedule`, {
        phone: '+79125550301',
        start: '2026-12-09T10:15:00+03:00',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().start).toBe('2026-12-09T10:15:00+03:00');
      const day: DaySlots = (
        await inject('GET', `/api/offices/${office}/slots?service=${service}&date=2026-12-09`)
      ).json();
      expect(day.slots.find((s) => s.start === '2026-12-09T10:00:00+03:00')?.free).toBe(1);
      expect(day.slots.find((s) => s.start === '2026-12-09T10:15:00+03:00')?.free).toBe(0);

      const cancelled = await inject('POST', `/api/bookings/${made.code}/cancel`, { phone: '+79125550301' });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json().status).toBe('cancelled');
      const after: DaySlots = (
        await inject('GET', `/api/offices/${office}/slots?service=${service}&date=2026-12-09`)
      ).json();
      expect(after.slots.find((s) => s.start === '2026-12-09T10:15:00+03:00')?.free).toBe(1);
      const twice = await inject('POST', `/api/bookings/${made.code}/cancel`, { phone: '+79125550301' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('BOOKING_NOT_ACTIVE');
      const sent = await rows<{ event: string }>(
        ctx().database.db,
        sql`select event from outbox_messages where subject_ref = ${made.code} order by created_at, event`,
      );
      expect(sent.map((m) => m.event)).toEqual(
        expect.arrayContaining(['booking.confirmed', 'booking.rescheduled', 'booking.cancelled']),
      );
    });

    it('checks a booked visitor in at the kiosk, and the queue calls them before an earlier walk-in', async () => {
      const made: Booking = (
        await inject('POST', '/api/bookings', person('+79125550401', '2026-12-10T10:00:00+03:00'))
      ).json();
      now = new Date('2026-12-10T06:50:00Z'); // 09:50: the walk-in comes first
      const walkIn = await inject('POST', `/api/offices/${office}/tickets`, { service }, kiosk);
      expect(walkIn.statusCode, walkIn.body).toBe(201);
      now = new Date('2026-12-10T06:55:00Z'); // 09:55: within −30/+15 of 10:00
      const early = await inject('POST', `/api/offices/${office}/check-in`, { code: made.code }, kiosk);
      expect(early.statusCode, early.body).toBe(201);
      const ticket: IssuedTicket = early.json();
      const again = await inject('POST', `/api/offices/${office}/check-in`, { code: made.code }, kiosk);
      expect(again.json().error.code).toBe('BOOKING_NOT_ACTIVE');

      now = new Date('2026-12-10T07:00:00Z'); // 10:00: the booked time
      const operator = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
      const opened = await operator.call({ method: 'POST', url: `/api/offices/${office}/windows/2/open` });
      expect(opened.statusCode, opened.body).toBe(200);
      const called = await operator.call({
        method: 'POST',
        url: `/api/offices/${office}/windows/2/call-next`,
      });
      expect(called.statusCode, called.body).toBe(200);
      expect(called.json().ticket.number).toBe(ticket.number);
      await operator.call({ method: 'POST', url: `/api/offices/${office}/windows/2/close` });
    });

    it('tells a visitor who comes too early when to come back', async () => {
      now = new Date('2026-12-07T06:00:00Z');
      const made: Booking = (
        await inject('POST', '/api/bookings', person('+79125550501', '2026-12-11T15:00:00+03:00'))
      ).json();
      now = new Date('2026-12-11T11:00:00Z'); // 14:00
      const res = await inject('POST', `/api/offices/${office}/check-in`, { code: made.code }, kiosk);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CHECK_IN_TOO_EARLY');
      expect(res.json().error.details.comeAt).toBe('2026-12-11T14:30:00+03:00');
    });
  },
  { clock: () => now },
);
