import type { Booking, BookingOffice } from '../../src/shared/booking.js';
import { formatBookingCode, parseBookingCode } from '../../src/shared/booking-code.js';
import { describeOnBackends } from '../support/app.js';
import { readPdf } from '../support/pdf.js';

/** 09:00 in Moscow on a Tuesday: the demo offices have free times ahead. */
const clock = () => new Date('2026-12-01T06:00:00Z');
const phone = '+79001234567';
const service = 'egrn-extract';
/** PUBLIC_URL: the address the notifications' links use, and the slip's. */
const publicUrl = 'https://mfc.example.ru';

const flat = (text: string[]) => text.join(' ').replace(/\s+/g, ' ');

describeOnBackends(
  'the booking slip: GET /api/bookings/{code}/slip.pdf',
  (ctx) => {
    let booking: Booking;

    beforeAll(async () => {
      const { app } = ctx();
      const found = await app.inject({ method: 'GET', url: `/api/bookings/offices?service=${service}` });
      expect(found.statusCode).toBe(200);
      const office = (found.json() as { offices: BookingOffice[] }).offices.find((o) => o.firstFree);
      if (!office?.firstFree) throw new Error(`no office has a free time for ${service}`);
      const created = await app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: { 'idempotency-key': 'booking-slip-test' },
        payload: {
          office: office.code,
          service,
          start: office.firstFree.start,
          name: 'Иван Петров',
          phone: '8 (900) 123-45-67',
          consents: { personalData: true },
        },
      });
      expect(created.statusCode).toBe(201);
      booking = created.json() as Booking;
    });

    it('gives the holder a PDF of the slip with the code, inline and never cached', async () => {
      const { app } = ctx();
      const code = formatBookingCode(booking.code);
      // the code as a person types it: lower case, no dash
      const res = await app.inject({
        method: 'GET',
        url: `/api/bookings/${booking.code.toLowerCase()}/slip.pdf?phone=${encodeURIComponent('8 900 123-45-67')}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="booking-${code}.pdf"`);
      expect(res.headers['cache-control']).toBe('no-store');
      const read = await readPdf(res.rawPayload);
      const text = flat(read.text);
      expect(read.text[0].split('\n')[0]).toBe('Талон предварительной записи');
      expect(text).toContain(code);
      expect(text).toContain(booking.office.name);
      // the booked time as the office's clock shows it (the API writes it with the office's offset)
      expect(text).toContain(`${booking.start.slice(11, 16)}–${booking.end.slice(11, 16)}`);
      // the manage link (the QR's content, printed under it too) gives the kiosk's scanner the code back
      const link = /\S+\/book\/manage\?code=\S+/.exec(text)?.[0] ?? '';
      expect(link).toBe(`${publicUrl}/book/manage?code=${code}`);
      expect(parseBookingCode(link)).toBe(booking.code);
      expect(text).toContain(booking.phoneMasked);
      expect(text.replace(/\D/g, '')).not.toContain(phone.slice(2));
    });

    it('prints it in English when asked', async () => {
      const res = await ctx().app.inject({
        method: 'GET',
        url: `/api/bookings/${booking.code}/slip.pdf?phone=${encodeURIComponent(phone)}&locale=en`,
      });
      expect(res.statusCode).toBe(200);
      expect((await readPdf(res.rawPayload)).text[0].split('\n')[0]).toBe('Booking slip');
    });

    it('answers a wrong phone exactly like an unknown code', async () => {
      const { app } = ctx();
      const wrongPhone = await app.inject({
        method: 'GET',
        url: `/api/bookings/${booking.code}/slip.pdf?phone=${encodeURIComponent('+79001234568')}`,
      });
      const unknown = booking.code === 'AAAAAAAA' ? 'CCCCCCCC' : 'AAAAAAAA';
      const unknownCode = await app.inject({
        method: 'GET',
        url: `/api/bookings/${unknown}/slip.pdf?phone=${encodeURIComponent(phone)}`,
      });
      expect(wrongPhone.statusCode).toBe(404);
      expect(wrongPhone.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
      expect(unknownCode.statusCode).toBe(404);
      expect(unknownCode.body).toBe(wrongPhone.body);
      expect(unknownCode.headers['content-type']).toBe(wrongPhone.headers['content-type']);
    });

    it('refuses what cannot be a code or a phone with VALIDATION naming the field', async () => {
      const { app } = ctx();
      const badCode = await app.inject({
        method: 'GET',
        url: `/api/bookings/not-a-code/slip.pdf?phone=${encodeURIComponent(phone)}`,
      });
      expect(badCode.statusCode).toBe(400);
      expect(badCode.json().error.code).toBe('VALIDATION');
      expect(JSON.stringify(badCode.json().error.details)).toContain('booking_code');
      const badPhone = await app.inject({
        method: 'GET',
        url: `/api/bookings/${booking.code}/slip.pdf?phone=12`,
      });
      expect(badPhone.statusCode).toBe(400);
      expect(JSON.stringify(badPhone.json().error.details)).toContain('russian_mobile');
    });
  },
  { clock, config: { publicUrl } },
);
