/** A booking made: its code, big, to tell the person or print, the time and office, and the slip (PDF). */
import type { Booking } from '../../shared/booking.js';
import { bookingStaffApi } from './api.js';
import { codeText, useBookingWords } from './words.js';

export function BookingDone({ booking, phone }: { booking: Booking; phone: string }) {
  const w = useBookingWords(booking.office.timeZone);
  const { t } = w;
  return (
    <div className="bs-done notice notice-ok" role="status" data-testid="booking-done">
      <p>{t('bstaff.booked')}</p>
      <p className="bs-code">
        <span className="muted small block">{t('bstaff.code')}</span>
        <strong data-testid="booking-code">{codeText(booking.code)}</strong>
      </p>
      <p>
        {w.at(booking.start)} · {booking.office.name} · {booking.service.title}
      </p>
      <a
        className="button"
        href={bookingStaffApi.slipUrl(booking.code, phone, w.lang)}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="booking-slip"
      >
        {t('bstaff.slip')}
      </a>
    </div>
  );
}
