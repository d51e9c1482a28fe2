/**
 * A booking as its holder reads it: the code big (XXXX-XXXX), its state, the service, the office and its
 * address, the time on the office's clock, the check-in window, and what to bring. The confirmation of
 * /book and /book/manage show it.
 */
import { Link } from 'react-router';
import type { Booking } from '../../../shared/booking.js';
import { formatBookingCode } from '../../../shared/booking-code.js';
import { type MessageKey, useT } from '../../app/i18n/index.js';
import { useBookingFormat } from './format.js';

const statusKey: Record<Booking['status'], MessageKey> = {
  held: 'book.status.held',
  booked: 'book.status.booked',
  checked_in: 'book.status.checked_in',
  cancelled: 'book.status.cancelled',
  no_show: 'book.status.no_show',
  expired: 'book.status.expired',
};

export function BookingCard({ booking }: { booking: Booking }) {
  const { t } = useT();
  const format = useBookingFormat();
  const zone = booking.office.timeZone;
  const active = booking.status === 'held' || booking.status === 'booked';
  return (
    <div className="booking-card" data-testid="booking" data-status={booking.status}>
      <p className="booking-code-label">{t('book.done.code')}</p>
      <p className="booking-code" data-testid="booking-code">
        {formatBookingCode(booking.code)}
      </p>
      <p
        className={active ? 'booking-status' : 'booking-status booking-status-off'}
        data-testid="booking-status"
      >
        {t(statusKey[booking.status])}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('book.done.service')}</dt>
          <dd>
            <Link to={`/services/${encodeURIComponent(booking.service.code)}`}>{booking.service.title}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('book.done.time')}</dt>
          <dd data-testid="booking-time">
            <strong>{format.dateTime(booking.start, zone)}</strong>
            <span className="muted small">
              {' '}
              ({t('book.done.zone', { zone: format.zone(booking.start, zone) })})
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('book.done.office')}</dt>
          <dd>
            <Link to={`/offices/${encodeURIComponent(booking.office.code)}`}>{booking.office.name}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('book.done.address')}</dt>
          <dd>{booking.office.address}</dd>
        </div>
        {active && (
          <div>
            <dt>{t('book.done.checkIn')}</dt>
            <dd>
              {t('book.done.checkInWindow', {
                from: format.time(booking.checkIn.from, zone),
                until: format.time(booking.checkIn.until, zone),
              })}
            </dd>
          </div>
        )}
      </dl>
      {active && (
        <section aria-labelledby="booking-documents">
          <h3 id="booking-documents">{t('book.done.documents')}</h3>
          {booking.documents.length === 0 ? (
            <p>{t('book.done.noDocuments')}</p>
          ) : (
            <ul className="booking-documents">
              {booking.documents.map((document) => (
                <li key={document.name}>
                  {document.name}
                  {document.required && <span className="mark mark-required">{t('service.required')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
