/**
 * /admin: the console's start page — the sections the signed-in user may open (admins: everything;
 * catalog editors: services; office heads: the offices of their scope).
 */

import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorNotice, Loading } from '../app/components.js';
import { type MessageKey, useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { hasRole, useMe } from '../staff/auth.js';

type Section = { to: string; title: MessageKey; text: MessageKey };
const adminSections: Section[] = [
  { to: '/admin/offices', title: 'admin.offices', text: 'admin.officesText' },
  { to: '/admin/districts', title: 'admin.districts', text: 'admin.districtsText' },
  { to: '/admin/agencies', title: 'admin.agencies', text: 'admin.agenciesText' },
  { to: '/admin/calendar', title: 'admin.calendar', text: 'admin.calendarText' },
  { to: '/admin/users', title: 'admin.users', text: 'admin.usersText' },
];
const catalogSections: Section[] = [
  { to: '/admin/services', title: 'admin.services', text: 'admin.servicesText' },
];

export function AdminHomePage() {
  const { t } = useT();
  useTitle(t('admin.title'));
  const { me } = useMe();
  const sections = [
    ...(hasRole(me, 'admin', 'catalog_editor') ? catalogSections : []),
    ...(hasRole(me, 'admin') ? adminSections : []),
  ];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.welcome', { name: me?.fullName ?? '' })}</p>
      {sections.length > 0 && (
        <ul className="card-list card-list-compact">
          {sections.map((s) => (
            <li key={s.to} className="card">
              <h2 className="card-title">
                <Link to={s.to}>{t(s.title)}</Link>
              </h2>
              <p className="muted">{t(s.text)}</p>
            </li>
          ))}
        </ul>
      )}
      {!hasRole(me, 'admin') && hasRole(me, 'office_head') && <MyOffices />}
    </>
  );
}

/** An office head's offices: those listed in the grants, and every office of a granted district. */
function MyOffices() {
  const { t } = useT();
  const { me } = useMe();
  const grants = (me?.grants ?? []).filter((g) => g.role === 'office_head');
  const listed = grants.flatMap((g) => (g.scope.kind === 'offices' ? g.scope.offices : []));
  const districts = grants.flatMap((g) => (g.scope.kind === 'district' ? [g.scope.district] : []));
  const region = grants.some((g) => g.scope.kind === 'region');
  const lists = useQueries({
    queries: (region ? [{}] : districts.map((district) => ({ district }))).map((params) =>
      portalQueries.offices(params),
    ),
  });
  const loading = lists.some((l) => l.isPending);
  const failed = lists.find((l) => l.error);
  const found = lists.flatMap((l) => l.data ?? []);
  const codes = new Set(listed);
  const offices = [
    ...listed.map((code) => ({ code, name: code })),
    ...found.filter((o) => !codes.has(o.code)),
  ].map((o) => ({ code: o.code, name: found.find((f) => f.code === o.code)?.name ?? o.name }));
  return (
    <section aria-labelledby="my-offices-title">
      <h2 id="my-offices-title">{t('admin.myOffices')}</h2>
      {failed?.error && <ErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />}
      {loading && !failed && <Loading />}
      <ul className="link-list">
        {offices.map((o) => (
          <li key={o.code}>
            <Link to={`/admin/offices/${o.code}`}>{o.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
