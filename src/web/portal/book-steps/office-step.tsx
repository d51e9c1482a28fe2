/**
 * Step 2 of /book: the offices offering the service (GET /api/bookings/offices), each with its first free
 * time; nearest first once the browser gives the person's location (asked only on their press, never kept).
 * An office with no free time in the horizon is listed, without a link.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { bookingQueries } from '../booking-queries.js';
import { useBookingFormat } from './format.js';

type Point = { lat: number; lon: number };
type Nearby = { state: 'off' } | { state: 'locating' } | { state: 'failed' } | { state: 'on'; point: Point };

/** The person's location from the browser (it asks them first), to 4 decimals (~10 m). */
function locate(): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lat: Number(position.coords.latitude.toFixed(4)),
          lon: Number(position.coords.longitude.toFixed(4)),
        }),
      reject,
      { maximumAge: 5 * 60_000, timeout: 15_000 },
    );
  });
}

export function OfficeStep({ service, stepLink }: { service: string; stepLink: (office: string) => string }) {
  const { t, number } = useT();
  const format = useBookingFormat();
  const [nearby, setNearby] = useState<Nearby>({ state: 'off' });
  const point = nearby.state === 'on' ? nearby.point : undefined;
  const offices = useQuery(bookingQueries.offices({ service, lat: point?.lat, lon: point?.lon }));
  const showNearest = () => {
    setNearby({ state: 'locating' });
    locate().then(
      (found) => setNearby({ state: 'on', point: found }),
      () => setNearby({ state: 'failed' }),
    );
  };

  return (
    <>
      <div className="nearby">
        {nearby.state === 'on' ? (
          <p aria-live="polite">{t('offices.sortedByDistance')}</p>
        ) : (
          <>
            <button
              type="button"
              className="button"
              onClick={showNearest}
              disabled={nearby.state === 'locating'}
            >
              {t(nearby.state === 'locating' ? 'offices.locating' : 'offices.nearest')}
            </button>
            <p className="muted small" aria-live="polite">
              {t(nearby.state === 'failed' ? 'book.office.locationFailed' : 'offices.nearestHint')}
            </p>
          </>
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
