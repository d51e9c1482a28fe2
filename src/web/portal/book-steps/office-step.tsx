/**
 * Step 2 of /book: the offices offering the service (GET /api/bookings/offices), each with its first free
 * time; nearest first once the browser gives the person's location (asked only on their press, never kept).
 * An office with no free time in the horizon is listed, without a link.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { bookingQueries } from '../booking-queries.js';
import { NearestButton, useNearby } from '../nearby.js';
import { useBookingFormat } from './format.js';

export function OfficeStep({ service, stepLink }: { service: string; stepLink: (office: string) => string }) {
  const { t, number } = useT();
  const format = useBookingFormat();
  const { nearby, point, ask } = useNearby();
  const offices = useQuery(bookingQueries.offices({ service, lat: point?.lat, lon: point?.lon }));

  return (
    <>
      <div className="nearby">
        {nearby.state === 'on' ? (
          <p aria-live="polite">{t('offices.sortedByDistance')}</p>
        ) : (
          <NearestButton nearby={nearby} onAsk={ask} failed="book.office.locationFailed" />
        )}
      </div>
      <QueryStatus query={offices} space="space-results" />
      {offices.data && offices.data.offices.length === 0 && <p className="notice">{t('book.office.none')}</p>}
      {offices.data && offices.data.offices.length > 0 && (
        <ul className="card-list" aria-busy={offices.isFetching} data-testid="book-offices">
          {offices.data.offices.map((office) => (
            <li key={office.code} className="card" data-office={office.code}>
              <h3 className="card-title">
                {office.firstFree ? <Link to={stepLink(office.code)}>{office.name}</Link> : office.name}
              </h3>
              <p className="muted">
                {office.address}
                {office.distanceKm !== null && (
                  <>
                    {' · '}
                    <span className="nowrap">
                      {t('book.office.distance', { km: number(Math.round(office.distanceKm * 10) / 10) })}
                    </span>
                  </>
                )}
              </p>
              <p>
                {office.firstFree
                  ? t('book.office.firstFree', {
                      when: format.dateTime(office.firstFree.start, office.timeZone),
                    })
                  : t('book.office.noFree')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
