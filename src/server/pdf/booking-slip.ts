import type { Booking, BookingStatus } from '../../shared/booking.js';
import { formatBookingCode } from '../../shared/booking-code.js';
import { localDateTime, longDate, type PdfLocale, shortDate } from './pdf-dates.js';
import { type PdfBlock, type PdfPageSize, renderPdf } from './pdf-document.js';

/**
 * The printable slip of a booking (issue 10): the code big, what, where and when on the office's clock,
 * when to check in, what to bring, and a QR code of the manage link that the kiosk's scanner reads the
 * code from. Only the masked phone is printed: the slip may be left lying about.
 */

export type BookingSlipOptions = {
  /** `${publicUrl}/book/manage?code=XXXX-XXXX`: the QR's content. */
  manageUrl: string;
  locale: PdfLocale;
  /** Printed in the footer and written as the PDF's creation date. */
  generatedAt: Date;
  /** A4 (the default: home and office printers) or A6. */
  page?: PdfPageSize;
};

type Words = {
  title: string;
  code: string;
  service: string;
  date: string;
  time: string;
  timeNote: string;
  office: string;
  address: string;
  phone: string;
  checkIn: (from: string, until: string) => string;
  bring: string;
  required: string;
  noDocuments: string;
  qrCaption: string;
  manage: (url: string) => string;
  generated: (date: string, time: string) => string;
  status: Partial<Record<BookingStatus, string>>;
};

const words: Record<PdfLocale, Words> = {
  ru: {
    title: 'Талон предварительной записи',
    code: 'Код записи',
    service: 'Услуга',
    date: 'Дата',
    time: 'Время',
    timeNote: 'местное время офиса',
    office: 'Офис',
    address: 'Адрес',
    phone: 'Телефон',
    checkIn: (from, until) =>
      `Подойдите к инфомату с ${from} до ${until}: введите код записи или поднесите QR-код к сканеру — ` +
      'вас вызовут к окну в назначенное время.',
    bring: 'Что взять с собой',
    required: 'обязательно',
    noDocuments: 'Список документов уточните в офисе.',
    qrCaption: 'Отсканируйте у инфомата, чтобы отметиться',
    manage: (url) => `Перенести или отменить запись (понадобится телефон):\n${url}`,
    generated: (date, time) => `Талон сформирован ${date} в ${time} (время офиса)`,
    status: {
      held: 'Запись ещё не подтверждена: введите код из SMS, иначе время освободится',
      checked_in: 'По этой записи уже выдан талон очереди',
      cancelled: 'Запись отменена',
      no_show: 'Запись не состоялась: отметки у инфомата не было',
      expired: 'Запись не подтверждена и снята',
    },
  },
  en: {
    title: 'Booking slip',
    code: 'Booking code',
    service: 'Service',
    date: 'Date',
    time: 'Time',
    timeNote: 'the office’s local time',
    office: 'Office',
    address: 'Address',
    phone: 'Phone',
    checkIn: (from, until) =>
      `Check in at the kiosk between ${from} and ${until}: type the booking code or hold the QR code to the ` +
      'scanner, and you will be called to a window at your time.',
    bring: 'What to bring',
    required: 'required',
    noDocuments: 'Ask the office which documents to bring.',
    qrCaption: 'Scan at the kiosk to check in',
    manage: (url) => `To reschedule or cancel (you will need your phone number):\n${url}`,
    generated: (date, time) => `Slip generated on ${date} at ${time} (office time)`,
    status: {
      held: 'Not confirmed yet: enter the code from the SMS, or the time is released',
      checked_in: 'A queue ticket has already been issued for this booking',
      cancelled: 'This booking is cancelled',
      no_show: 'This booking lapsed: nobody checked in',
      expired: 'This booking was never confirmed and has lapsed',
    },
  },
};

/** The slip as a document description: what renderBookingSlip prints. */
export function bookingSlipBlocks(booking: Booking, opts: BookingSlipOptions): PdfBlock[] {
  const w = words[opts.locale];
  const zone = booking.office.timeZone;
  const start = localDateTime(booking.start, zone);
  const end = localDateTime(booking.end, zone);
  const checkInFrom = localDateTime(booking.checkIn.from, zone);
  const checkInUntil = localDateTime(booking.checkIn.until, zone);
  const status = w.status[booking.status];
  return [
    { kind: 'title', text: w.title },
    { kind: 'code', label: w.code, value: formatBookingCode(booking.code) },
    ...(status ? [{ kind: 'notice', text: status } as const] : []),
    {
      kind: 'fields',
      rows: [
        { label: w.service, value: booking.service.title },
        { label: w.date, value: longDate(start.date, opts.locale) },
        { label: w.time, value: `${start.time}–${end.time} (${w.timeNote})` },
        { label: w.office, value: booking.office.name },
        { label: w.address, value: booking.office.address },
        { label: w.phone, value: booking.phoneMasked },
      ],
    },
    { kind: 'text', text: w.checkIn(checkInFrom.time, checkInUntil.time) },
    {
      kind: 'list',
      heading: w.bring,
      items: booking.documents.map((d) =>
        d.required ? { text: d.name, note: w.required } : { text: d.name },
      ),
      empty: w.noDocuments,
    },
    { kind: 'qr', data: opts.manageUrl, caption: w.qrCaption, detail: w.manage(opts.manageUrl) },
  ];
}

export function renderBookingSlip(booking: Booking, opts: BookingSlipOptions): Promise<Buffer> {
  const w = words[opts.locale];
  const generated = localDateTime(opts.generatedAt, booking.office.timeZone);
  return renderPdf({
    page: opts.page ?? 'A4',
    title: `${w.title} ${formatBookingCode(booking.code)}`,
    lang: opts.locale,
    createdAt: opts.generatedAt,
    blocks: bookingSlipBlocks(booking, opts),
    footer: w.generated(shortDate(generated.date), generated.time),
  });
}
