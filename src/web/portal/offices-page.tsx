/**
 * "/offices" — the offices list, filtered by district, kind and "open now" (kept in the URL), in the order
 * of districts; with the person's consent («Показать ближайшие» asks the browser for the location) nearest
 * first, each with its distance. The location stays in this page's state: never in the address or history.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OfficeKind } from '../../shared/network.js';
import { QueryStatus, SelectField } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { NearestButton, useNearby } from './nearby.js';
import { hoursText, OpenBadge } from './office-hours.js';
import { LoadLine, useLoads } from './office-load.js';
import { portalQueries } from './queries.js';

const kinds: OfficeKind[] = ['main', 'remote', 'kiosk'];

export function OfficesPage() {
  const { t, tn, number } = useT();
  useTitle(t('offices.title'), t('meta.offices'));
  const { nearby, point, ask, reset } = useNearby();
  const [params, setParams] = useSearchParams();
  const district = params.get('district') ?? '';
  const kindParam = params.get('kind') ?? '';
  const kind = (kinds as string[]).includes(kindParam) ? (kindParam as OfficeKind) : undefined;
  const openNow = params.get('openNow') === 'true';
  const openNowId = useId();

  const offices = useQuery(
    portalQueries.offices({
      district: district || undefined,
      kind,
      openNow: openNow ? 'true' : undefined,
      // «lat,lon» to 4 decimals
      near: point ? `${point.lat.toFixed(4)},${point.lon.toFixed(4)}` : undefined,
    }),
  );
  const districts = useQuery(portalQueries.districts());
  const loads = useLoads({ offices: offices.data?.map((o) => o.code) }, offices.data !== undefined);

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true, preventScrollReset: true });
  };

  return (
    <>
      <h1>{t('offices.title')}</h1>
      <form className="filters filters-row" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="district"
          label={t('offices.district')}
          value={district}
          onChange={(v) => update('district', v)}
          options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
        <SelectField
          name="kind"
          label={t('offices.kind')}
          value={kind ?? ''}
          onChange={(v) => update('kind', v)}
          options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <div className="field field-check">
          <input
            id={openNowId}
            type="checkbox"
            name="openNow"
            checked={openNow}
            onChange={(e) => update('openNow', e.target.checked ? 'true' : '')}
          />
          <label htmlFor={openNowId}>{t('offices.openNow')}</label>
        </div>
      </form>
      <div className="nearby">
        {nearby.state === 'on' ? (
          <>
            <p aria-live="polite">{t('offices.sortedByDistance')}</p>
            <button type="button" className="button" onClick={reset}>
              {t('offices.byDistrict')}
            </button>
          </>
        ) : (
          <NearestButton nearby={nearby} onAsk={ask} failed="offices.locationFailed" />
        )}
      </div>

      <section aria-labelledby="offices-count">
        <h2 id="offices-count" className="result-count" aria-live="polite">
          {offices.data
            ? tn('offices.found', offices.data.length)
            : offices.error
              ? t('common.notLoaded')
              : t('common.loading')}
        </h2>
        <QueryStatus query={offices} space="space-results" />
        {offices.data && offices.data.length === 0 && <p className="notice">{t('offices.empty')}</p>}
        {offices.data && offices.data.length > 0 && (
          <ul className="card-list" aria-busy={offices.isFetching}>
            {offices.data.map((office) => (
              <li key={office.code} className="card office-card" data-district={office.district.code}>
                <h3 className="card-title">
                  <Link to={`/offices/${encodeURIComponent(office.code)}`}>{office.name}</Link>
                </h3>
                <p className="muted">
                  {t(`kind.${office.kind}`)} · {office.district.name}
                  {office.distanceKm != null && (
                    <>
                      {' · '}
                      <span className="distance">
                        {t('offices.distance', { km: number(Math.round(office.distanceKm * 10) / 10) })}
                      </span>
                    </>
                  )}
                </p>
                <p>{office.address}</p>
                {office.phone && (
                  <p>
                    <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
                  </p>
                )}
                <p>
                  <OpenBadge openNow={office.openNow} /> {t('offices.today')}: {hoursText(office.today, t)}
                </p>
                <LoadLine load={loads.get(office.code)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
