import type { Notification, Recipient } from '../../src/server/modules/notifications/outbox.enqueue.js';

/**
 * An instant at midday in Moscow. Messages written as of it (`app.outbox.deps(middayInMoscow)`) are due at
 * once: SMS are not held by the quiet hours (21:00–09:00 in the office's zone) whatever hour the test runs at.
 */
export const middayInMoscow = new Date('2026-11-02T09:00:00Z');

/**
 * A booking's notification (`booking.confirmed` unless told) as the bookings module will send it: to the
 * recipient given (a name, SMS consent when a phone is given), about the booking `ref`.
 */
export function bookingNotification(
  to: Partial<Recipient>,
  options: { event?: Notification['event']; ref?: string } = {},
): Notification {
  const ref = options.ref ?? 'K7M-4PX';
  return {
    event: options.event ?? 'booking.confirmed',
    recipient: { name: 'Анна', smsConsent: Boolean(to.phone), ...to },
    context: {
      timeZone: 'Europe/Moscow',
      office: { name: 'МФЦ Советский', address: 'Липецк, ул. Советская, 1' },
      service: { title: 'Выдача паспорта', shortTitle: 'Паспорт', documents: ['Паспорт'] },
      at: '2027-01-12T07:30:00.000Z',
      bookingCode: ref,
    },
    officeCode: 'lip-sov',
    about: { kind: 'booking', ref },
  };
}
