import { pageContents, readPdf, rectangles } from '../../../tests/support/pdf.js';
import type { Booking } from '../../shared/booking.js';
import { type BookingSlipOptions, renderBookingSlip } from './booking-slip.js';
import { qrMatrix, qrRuns } from './pdf-document.js';

const fullPhone = '+79001234567';

function buildBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    code: 'ACEFHJKM',
    status: 'booked',
    office: {
      code: 'lip-kosmonavtov',
      name: 'МФЦ на Космонавтов',
      address: 'г. Липецк, ул. Космонавтов, д. 56а',
      timeZone: 'Europe/Moscow',
    },
    service: { code: 'egrn-extract', title: 'Выписка из ЕГРН' },
    start: '2026-12-01T10:30:00+03:00',
    end: '2026-12-01T10:45:00+03:00',
    name: 'Иван Петров',
    phoneMasked: '+7 900 ***-**-67',
    emailMasked: null,
    channel: 'portal',
    createdAt: '2026-11-30T07:00:00.000Z',
    holdExpiresAt: null,
    cancelReason: null,
    documents: [
      { name: 'Паспорт гражданина РФ', required: true },
      { name: 'Доверенность представителя', required: false },
    ],
    checkIn: { from: '2026-12-01T10:00:00+03:00', until: '2026-12-01T10:45:00+03:00' },
    ...overrides,
  };
}

const manageUrl = 'https://mfc.example.ru/book/manage?code=ACEF-HJKM';
const options = (overrides: Partial<BookingSlipOptions> = {}): BookingSlipOptions => ({
  manageUrl,
  locale: 'ru',
  generatedAt: new Date('2026-11-30T07:25:00Z'),
  ...overrides,
});

/** The text of a PDF's pages with line breaks as spaces: a wrapped value reads as one phrase. */
const flat = (text: string[]) => text.join(' ').replace(/\s+/g, ' ');

describe('the booking slip', () => {
  it('prints in Russian what, where and when, the big code, the check-in window and what to bring', async () => {
    const pdf = await renderBookingSlip(buildBooking(), options());
    const read = await readPdf(pdf);
    expect(read.pages).toBe(1);
    const text = flat(read.text);
    expect(read.text[0].split('\n')[0]).toBe('Талон предварительной записи');
    expect(text).toContain('ACEF-HJKM');
    expect(text).toContain('Выписка из ЕГРН');
    expect(text).toContain('МФЦ на Космонавтов');
    expect(text).toContain('г. Липецк, ул. Космонавтов, д. 56а');
    expect(text).toContain('1 декабря 2026 г., вторник');
    expect(text).toContain('10:30–10:45');
    expect(text).toContain('Подойдите к инфомату с 10:00 до 10:45');
    expect(text).toContain('Паспорт гражданина РФ — обязательно');
    expect(text).toMatch(/Доверенность представителя(?! — обязательно)/);
    expect(text).toContain('+7 900 ***-**-67');
    expect(text).toContain(manageUrl);
    expect(text).toContain('Талон сформирован 30.11.2026 в 10:25');
    expect(read.info.Title).toBe('Талон предварительной записи ACEF-HJKM');
  });

  it('prints in English when asked', async () => {
    const read = await readPdf(await renderBookingSlip(buildBooking(), options({ locale: 'en' })));
    const text = flat(read.text);
    expect(read.text[0].split('\n')[0]).toBe('Booking slip');
    expect(text).toContain('Tuesday, 1 December 2026');
    expect(text).toContain('Check in at the kiosk between 10:00 and 10:45');
    expect(text).toContain('Паспорт гражданина РФ — required');
    expect(text).not.toContain('Талон');
  });

  it('reads the times on the office’s clock whatever offset they are written with', async () => {
    const utc = buildBooking({
      start: '2026-12-01T07:30:00Z',
      end: '2026-12-01T07:45:00Z',
      checkIn: { from: '2026-12-01T07:00:00Z', until: '2026-12-01T07:45:00Z' },
    });
    expect(flat((await readPdf(await renderBookingSlip(utc, options()))).text)).toContain('10:30–10:45');

    // Yekaterinburg is two hours ahead of Moscow: 10:30 Moscow time is 12:30 there, still 1 December
    const yekaterinburg = buildBooking({
      office: { ...buildBooking().office, timeZone: 'Asia/Yekaterinburg' },
    });
    const text = flat((await readPdf(await renderBookingSlip(yekaterinburg, options()))).text);
    expect(text).toContain('12:30–12:45');
    expect(text).toContain('с 12:00 до 12:45');
    expect(text).toContain('Талон сформирован 30.11.2026 в 12:25');
    expect(text).not.toContain('10:30');

    // late in the evening in Moscow is already the next day in Vladivostok (+10)
    const late = buildBooking({
      start: '2026-12-01T20:00:00+03:00',
      end: '2026-12-01T20:15:00+03:00',
      office: { ...buildBooking().office, timeZone: 'Asia/Vladivostok' },
    });
    const lateText = flat((await readPdf(await renderBookingSlip(late, options()))).text);
    expect(lateText).toContain('2 декабря 2026 г., среда');
    expect(lateText).toContain('03:00–03:15');
  });

  it('never prints the full phone, nor the name', async () => {
    const text = flat((await readPdf(await renderBookingSlip(buildBooking(), options()))).text);
    expect(text).not.toContain(fullPhone);
    expect(text.replace(/\D/g, '')).not.toContain('9001234567');
    expect(text).not.toContain('Иван');
  });

  it('draws the QR code of the manage link as the squares of its matrix', async () => {
    const pdf = await renderBookingSlip(buildBooking(), options());
    const [content] = pageContents(pdf);
    const drawn = rectangles(content);
    const expected = qrRuns(qrMatrix(manageUrl));
    expect(expected.length).toBeGreaterThan(100);
    expect(drawn).toHaveLength(expected.length);
    // back from points to modules: the top-left dark module of the finder pattern is the origin
    const unit = drawn[0][3];
    const [x0, y0] = drawn[0];
    const modules = drawn.map(([x, y, w, h]) => {
      expect(h).toBeCloseTo(unit, 3);
      return [Math.round((x - x0) / unit), Math.round((y - y0) / unit), Math.round(w / unit)];
    });
    expect(modules).toEqual(expected);
  });

  it('frames a notice when the booking no longer stands', async () => {
    const booked = flat((await readPdf(await renderBookingSlip(buildBooking(), options()))).text);
    expect(booked).not.toContain('Запись отменена');
    const cancelled = await renderBookingSlip(
      buildBooking({ status: 'cancelled', cancelReason: 'citizen' }),
      options(),
    );
    expect(flat((await readPdf(cancelled)).text)).toContain('Запись отменена');
  });

  it('gives the same bytes for the same booking and moment, other bytes for another moment', async () => {
    const first = await renderBookingSlip(buildBooking(), options());
    const second = await renderBookingSlip(buildBooking(), options());
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    const later = await renderBookingSlip(
      buildBooking(),
      options({ generatedAt: new Date('2026-11-30T07:26:00Z') }),
    );
    expect(later.equals(first)).toBe(false);
    expect((await readPdf(first)).info.CreationDate).toMatch(/^D:20261130072500/);
  });

  it('says to ask the office when the catalog lists no documents', async () => {
    const text = flat(
      (await readPdf(await renderBookingSlip(buildBooking({ documents: [] }), options()))).text,
    );
    expect(text).toContain('Что взять с собой Список документов уточните в офисе.');
  });

  it('fits an A6 page, and continues a long list of documents on a second page with numbered footers', async () => {
    const a6 = await readPdf(await renderBookingSlip(buildBooking(), options({ page: 'A6' })));
    expect(a6.pages).toBe(1);
    expect(a6.sizes[0].width).toBeCloseTo(297.64, 1);
    expect(a6.sizes[0].height).toBeCloseTo(419.53, 1);

    const documents = Array.from({ length: 40 }, (_, i) => ({
      name: `Справка № ${String(i + 1).padStart(2, '0')}`,
      required: i % 2 === 0,
    }));
    const long = await readPdf(await renderBookingSlip(buildBooking({ documents }), options()));
    expect(long.pages).toBe(2);
    expect(long.text[0]).toContain('Талон сформирован 30.11.2026 в 10:25 (время офиса) · 1/2');
    expect(long.text[1]).toContain('Талон сформирован 30.11.2026 в 10:25 (время офиса) · 2/2');
    const all = flat(long.text);
    for (const d of documents) expect(all).toContain(d.name);
    expect(all).toContain(manageUrl);
  });
});
