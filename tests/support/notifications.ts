import type { Notification, Recipient } from '../../src/server/modules/notifications/outbox.enqueue.js';

/**
 * A time zone where it is about midday while the tests run (`Etc/GMT-N`): an office there is out of its
 * quiet hours (21:00–09:00), so its SMS are written due and the worker sends them, whatever hour the
 * tests run at. Tests of the quiet hours themselves use a fake clock instead.
 */
export const daytimeZone = middayZone(new Date());

function middayZone(now: Date): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

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
      timeZone: daytimeZone,
      office: { name: 'МФЦ Советский', address: 'Липецк, ул. Советская, 1' },
      service: { title: 'Выдача паспорта', shortTitle: 'Паспорт', documents: ['Паспорт'] },
      at: '2027-01-12T07:30:00.000Z',
      bookingCode: ref,
    },
    officeCode: 'lip-sov',
    about: { kind: 'booking', ref },
  };
}
