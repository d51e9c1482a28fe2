/** "/offices/:code" — one office: address and contacts, open now, this week's hours with holidays, services. */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { compareNames } from '../../shared/collation.js';
import type { OfficeDetail } from '../../shared/network.js';
import { ErrorNotice, Loading, NotFoundPanel } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { HoursCell, OpenBadge, reasonText } from './office-hours.js';
import { LoadFacts } from './office-load.js';
import { portalQueries } from './queries.js';
import { RussianOnlyNotice, useLocalTitle } from './service-list.js';

export function OfficePage() {
  const { code = '' } = useParams();
  const { t } = useT();
  const office = useQuery(portalQueries.office(code));
  useTitle(
    office.data?.name ?? (office.error?.isNotFound ? t('office.notFound') : null),
    office.data ? t('meta.office', { name: office.data.name }) : null,
  );

  if (office.error?.isNotFound) {
    return (
      <NotFoundPanel
        title={t('office.notFound')}
        text={t('office.notFoundText', { code })}
        link="/offices"
        linkText={t('office.toList')}
      />
    );
  }
  if (office.error) return <ErrorNotice error={office.error} onRetry={() => void office.refetch()} />;
  if (!office.data || office.data.code !== code) return <Loading space="space-page" />;
  return <OfficeDetails office={office.data} />;
}

function OfficeDetails({ office }: { office: OfficeDetail }) {
  const { t, tn, date, weekdayOf } = useT();
  const today = office.today.date;
  return (
    <article className="office">
      <p className="breadcrumbs">
        <Link to="/offices">{t('nav.offices')}</Link>
        {' / '}
        <Link to={`/offices?district=${encodeURIComponent(office.district.code)}`}>
          {office.district.name}
        </Link>
      </p>
      <h1>{office.name}</h1>
      <RussianOnlyNotice />
      <p>
        {office.status === 'closed' ? (
          <span className="badge badge-warn">{t('office.suspended')}</span>
        ) : (
          <OpenBadge openNow={office.openNow} />
        )}
      </p>
      <dl className="facts facts-large">
        <div>
          <dt>{t('office.address')}</dt>
          <dd>{office.address}</dd>
        </div>
        {office.phone && (
          <div>
            <dt>{t('office.phone')}</dt>
            <dd>
              <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
            </dd>
          </div>
        )}
        {office.email && (
          <div>
            <dt>{t('office.email')}</dt>
            <dd>
              <a href={`mailto:${office.email}`}>{office.email}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('office.kind')}</dt>
          <dd>{t(`kind.${office.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('office.district')}</dt>
          <dd>{office.district.name}</dd>
        </div>
        <div>
          <dt>{t('office.windows')}</dt>
          <dd>{tn('common.windows', office.windowCount)}</dd>
        </div>
      </dl>

      {office.status !== 'closed' && <LoadFacts office={office.code} />}

      <section aria-labelledby="office-hours">
        <h2 id="office-hours">{t('office.hours')}</h2>
        {/* scrolls sideways on a narrow screen: focusable so keyboard users can scroll it too (axe scrollable-region-focusable) */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus */}
        <section className="table-wrap" tabIndex={0} aria-labelledby="office-hours">
          <table className="hours">
            <thead>
              <tr>
                <th scope="col">{t('office.day')}</th>
                <th scope="col">{t('office.time')}</th>
                <th scope="col" className="remark">
                  {t('office.remark')}
                </th>
              </tr>
            </thead>
            <tbody>
              {office.week.map((day) => (
                <tr
                  key={day.date}
                  data-date={day.date}
                  data-reason={day.reason}
                  className={[
                    day.date === today ? 'today' : '',
                    day.open ? '' : 'closed',
                    day.reason !== 'regular' ? 'special' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <th scope="row">
                    <span className="weekday">{weekdayOf(day.date)}</span>, {date(day.date)}
                    {day.date === today && <span className="badge badge-neutral">{t('office.today')}</span>}
                  </th>
                  <td>
                    <HoursCell day={day} />
                    {/* on a phone the notes column gives way to this line under the hours (CSS shows one of the two) */}
                    {reasonText(day, t) && <span className="remark-inline">{reasonText(day, t)}</span>}
                  </td>
                  <td className="remark">{reasonText(day, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      <OfficeServices office={office} />
    </article>
  );
}

function OfficeServices({ office }: { office: OfficeDetail }) {
  const { t, tn } = useT();
  const localTitle = useLocalTitle();
  const categories = useQuery(portalQueries.categories());
  const [filter, setFilter] = useState('');
  const id = useId();
  const needle = filter.trim().toLocaleLowerCase();
  const matching = needle
    ? office.services.filter((s) => s.title.toLocaleLowerCase().includes(needle))
    : office.services;
  // Hundreds of services at a main centre: grouped by category, folded, unless the citizen filters them.
  const groups = new Map<string, OfficeDetail['services']>();
  for (const service of office.services) {
    const key = service.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), service]);
  }
  const categoryTitle = (code: string) => {
    const category = categories.data?.find((c) => c.code === code);
    return category ? localTitle(category) : code || t('office.otherServices');
  };
  // categories by their title in one Russian order (collation.ts); services without one come last
  const sortedGroups = [...groups.entries()].sort(
    ([a], [b]) => Number(a === '') - Number(b === '') || compareNames(categoryTitle(a), categoryTitle(b)),
  );
  const serviceLinks = (services: OfficeDetail['services']) => (
    <ul className="link-list columns">
      {services.map((service) => (
        <li key={service.code}>
          <Link to={`/services/${encodeURIComponent(service.code)}`}>{service.title}</Link>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="office-services">
      <h2 id="office-services">
        {t('office.services')}{' '}
        <span className="count">({tn('common.services', office.services.length)})</span>
      </h2>
      {office.services.length === 0 ? (
        <p>{t('office.noServices')}</p>
      ) : office.services.length <= 12 ? (
        serviceLinks(office.services)
      ) : (
        <>
          <div className="field">
            <label htmlFor={id}>{t('office.servicesFilter')}</label>
            <input id={id} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          {needle ? (
            <>
              <p className="muted" aria-live="polite">
                {tn('common.services', matching.length)}
              </p>
              {serviceLinks(matching)}
            </>
          ) : (
            sortedGroups.map(([code, services]) => (
              <details key={code} className="service-group">
                <summary>
                  {categoryTitle(code)}{' '}
                  <span className="count">{tn('common.services', services.length)}</span>
                </summary>
                {serviceLinks(services)}
              </details>
            ))
          )}
          <p>
            <Link to={`/services?office=${encodeURIComponent(office.code)}`}>{t('office.inCatalog')} →</Link>
          </p>
        </>
      )}
    </section>
  );
}
