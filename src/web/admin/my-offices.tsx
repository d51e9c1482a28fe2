/**
 * The offices of the signed-in user's scope, read-only: name, district, address, today's hours and
 * whether it is open now (the public list of offices, filtered by the grants, in the one Russian order).
 * An office head's own offices link to their hours and windows in the console and to the office's queue
 * (/office/:code); the rest to the portal.
 * Shown on the home page of every role but the admin, and as /admin/my-offices.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { sortedBy } from '../../shared/collation.js';
import { QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { hoursText, OpenBadge, reasonText } from '../portal/office-hours.js';
import { portalQueries } from '../portal/queries.js';
import { hasRole, useMe } from '../staff/auth.js';
import { coversOffice, officesInScope } from '../staff/scope.js';

export function OfficesInScope({ level = 2 }: { level?: 1 | 2 }) {
  const { t } = useT();
  const { me } = useMe();
  const list = useQuery(portalQueries.offices({}));
  const grants = me?.grants ?? [];
  const offices = sortedBy(
    officesInScope(grants, list.data ?? []),
    (o) => o.district.name,
    (o) => o.name,
  );
  const Heading = level === 1 ? 'h1' : 'h2';
  const OfficeHeading = level === 1 ? 'h2' : 'h3';
  const editable = (office: (typeof offices)[number]) =>
    hasRole(me, 'admin') || coversOffice(grants, office, ['office_head']);
  return (
    <section aria-labelledby="my-offices-title" data-testid="my-offices">
      <Heading id="my-offices-title">{t('staff.myOffices')}</Heading>
      <p className="muted">{t('staff.myOfficesText')}</p>
      <QueryStatus query={list} />
      {list.data && offices.length === 0 && <p>{t('staff.myOfficesEmpty')}</p>}
      {offices.length > 0 && (
        <ul className="card-list card-list-compact">
          {offices.map((office) => {
            const reason = office.today.reason === 'regular' ? '' : reasonText(office.today, t);
            return (
              <li key={office.code} className="card">
                <OfficeHeading className="card-title">
                  {editable(office) ? (
                    <Link to={`/admin/offices/${office.code}`}>{office.name}</Link>
                  ) : (
                    <Link to={`/offices/${office.code}`}>{office.name}</Link>
                  )}
                </OfficeHeading>
                <p className="muted">
                  {office.district.name} · {office.address}
                </p>
                {editable(office) && (
                  <p>
                    <Link to={`/office/${encodeURIComponent(office.code)}`}>{t('officeHead.title')}</Link>
                  </p>
                )}
                <p>
                  {t('staff.today', { hours: hoursText(office.today, t) })}
                  {reason && <span className="muted"> ({reason})</span>}{' '}
                  <OpenBadge openNow={office.openNow} />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function MyOfficesPage() {
  const { t } = useT();
  useTitle(t('staff.myOffices'));
  return <OfficesInScope level={1} />;
}
