/**
 * /admin: every staff role's home — the roles the user holds with their scope and what each may do,
 * the sections they open (admins: everything; catalog editors: services), the service catalog, and for
 * everyone but the admin the offices of their scope with today's hours. Nobody signed in lands on
 * «Нет доступа» here.
 */

import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Grant, Role } from '../../shared/auth.js';
import { roles as allRoles } from '../../shared/auth.js';
import { sortedBy } from '../../shared/collation.js';
import { type MessageKey, type Translator, useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { hasRole, useMe } from '../staff/auth.js';
import { OfficesInScope } from './my-offices.js';

type Section = { to: string; title: MessageKey; text: MessageKey };
const adminSections: Section[] = [
  { to: '/admin/offices', title: 'admin.offices', text: 'admin.officesText' },
  { to: '/admin/districts', title: 'admin.districts', text: 'admin.districtsText' },
  { to: '/admin/agencies', title: 'admin.agencies', text: 'admin.agenciesText' },
  { to: '/admin/calendar', title: 'admin.calendar', text: 'admin.calendarText' },
  { to: '/admin/users', title: 'admin.users', text: 'admin.usersText' },
  { to: '/admin/notifications', title: 'admin.notifications', text: 'admin.notificationsText' },
];
const catalogSections: Section[] = [
  { to: '/admin/services', title: 'admin.services', text: 'admin.servicesText' },
];
const portalCatalog: Section = { to: '/services', title: 'staff.catalog', text: 'staff.catalogText' };
const operatorSection: Section = { to: '/operator', title: 'operator.title', text: 'operator.sectionText' };
const analyticsSection: Section = { to: '/analytics', title: 'an.title', text: 'an.sectionText' };
const qualitySection: Section = { to: '/quality', title: 'quality.title', text: 'quality.sectionText' };
const situationSection: Section = {
  to: '/situation',
  title: 'situation.title',
  text: 'situation.sectionText',
};
const callcenterSection: Section = {
  to: '/callcenter',
  title: 'callcenter.title',
  text: 'callcenter.sectionText',
};

export function AdminHomePage() {
  const { t } = useT();
  const { me } = useMe();
  const admin = hasRole(me, 'admin');
  const title = admin ? t('admin.title') : t('staff.homeTitle');
  useTitle(title);
  const sections = [
    ...(hasRole(me, 'operator', 'office_head', 'admin') ? [operatorSection] : []),
    ...(hasRole(me, 'callcenter', 'admin') ? [callcenterSection] : []),
    ...(hasRole(me, 'analyst', 'office_head', 'admin') ? [analyticsSection] : []),
    ...(hasRole(me, 'office_head', 'analyst', 'admin') ? [qualitySection] : []),
    ...(hasRole(me, 'analyst', 'office_head', 'admin') ? [situationSection] : []),
    ...(hasRole(me, 'admin', 'catalog_editor') ? catalogSections : [portalCatalog]),
    ...(admin ? adminSections : []),
  ];
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t('admin.welcome', { name: me?.fullName ?? '' })}</p>
      <MyRoles grants={me?.grants ?? []} />
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
      {!admin && <OfficesInScope />}
    </>
  );
}

/** Each role the user holds, where it applies, and what it lets them do here. */
function MyRoles({ grants }: { grants: Grant[] }) {
  const { t } = useT();
  const districts = useQuery({
    ...portalQueries.districts(),
    enabled: grants.some((g) => g.scope.kind === 'district'),
  });
  const offices = useQuery({
    ...portalQueries.offices({}),
    enabled: grants.some((g) => g.scope.kind === 'offices'),
  });
  const held = allRoles.filter((role) => grants.some((g) => g.role === role));
  return (
    <section aria-labelledby="my-roles-title">
      <h2 id="my-roles-title">{t('staff.myRoles')}</h2>
      <ul className="role-list">
        {held.map((role) => (
          <li key={role}>
            <strong>{t(`admin.role.${role}`)}</strong>:{' '}
            {grants
              .filter((g) => g.role === role)
              .map((g) => scopeText(g, t, districts.data, offices.data))
              .join('; ')}
            <span className="muted block">{t(canText[role])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const canText: Record<Role, MessageKey> = {
  operator: 'staff.can.operator',
  backoffice: 'staff.can.backoffice',
  callcenter: 'staff.can.callcenter',
  office_head: 'staff.can.office_head',
  analyst: 'staff.can.analyst',
  catalog_editor: 'staff.can.catalog_editor',
  admin: 'staff.can.admin',
};

/** A grant's scope in words, with names where the lists have come (codes until then). */
function scopeText(
  grant: Grant,
  t: Translator['t'],
  districts?: { code: string; name: string }[],
  offices?: { code: string; name: string }[],
): string {
  const { scope } = grant;
  if (scope.kind === 'region') return t('staff.scopeRegion');
  if (scope.kind === 'district')
    return t('staff.scopeDistrict', {
      name: districts?.find((d) => d.code === scope.district)?.name ?? scope.district,
    });
  const names = scope.offices.map((code) => offices?.find((o) => o.code === code)?.name ?? code);
  return t('staff.scopeOffices', { names: sortedBy(names, (n) => n).join(', ') });
}
