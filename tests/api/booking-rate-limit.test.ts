import { expect, it } from 'vitest';
import { describeOnBackends } from '../support/app.js';

/** Booking endpoints are rate-limited per address (issue 10): a script cannot hammer codes or seats. */
const now = new Date('2026-12-07T06:00:00Z');

describeOnBackends(
  'booking rate limits per address',
  (ctx) => {
    it('refuses the fourth lookup a minute from one address with 429, and counts another address apart', async () => {
      const lookup = (ip: string) =>
        ctx().app.inject({
          method: 'GET',
          url: '/api/bookings/ACEFHJKM?phone=%2B79125550000',
          remoteAddress: ip,
        });
      for (let i = 0; i < 3; i++) expect((await lookup('203.0.113.7')).statusCode).toBe(404);
      const limited = await lookup('203.0.113.7');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect((await lookup('203.0.113.8')).statusCode).toBe(404);
    });

    it('limits booking attempts the same way', async () => {
      const book = () =>
        ctx().app.inject({
          method: 'POST',
          url: '/api/bookings',
          remoteAddress: '203.0.113.9',
          payload: {
            office: 'izmalkovo-main',
            service: 'egrn-extract',
            start: '2026-12-01T10:00:00+03:00',
            name: 'Иван',
            phone: '+79125550000',
            consents: { personalData: true },
          },
        });
      for (let i = 0; i < 3; i++) expect((await book()).statusCode).toBe(400);
      expect((await book()).statusCode).toBe(429);
    });

    it('counts an enrolled kiosk by its device, with a hall’s allowance; an unknown token counts as its address', async () => {
      const checkIn = (token: string) =>
        ctx().app.inject({
          method: 'POST',
          url: '/api/offices/izmalkovo-main/check-in',
          remoteAddress: '203.0.113.10',
          headers: { 'x-kiosk-token': token },
          payload: { code: 'ACEFHJKM' },
        });
      for (let i = 0; i < 6; i++) expect((await checkIn('demo-kiosk-izmalkovo-main')).statusCode).toBe(404);
      for (let i = 0; i < 3; i++) expect((await checkIn('not-a-kiosk')).statusCode).toBe(401);
      expect((await checkIn('not-a-kiosk')).statusCode).toBe(429);
    });
  },
  { clock: () => now, config: { bookingRateLimitPerMinute: 3 } },
);
