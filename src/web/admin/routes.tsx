/**
 * The staff console's routes under /admin, guarded: every role has a home (its roles, the offices of its
 * scope, the catalog) and «Мои офисы»; admins see everything, catalog editors the services, office heads
 * the hours and windows of their offices (the API checks the scope; outside it the page says «Нет доступа»).
 */
import type { ReactNode } from 'react';
import './admin.css';
import { Outlet, Route } from 'react-router';
import { type Role, roles } from '../../shared/auth.js';
import { UnknownPage } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import type { NavItem } from '../app/layout.js';
import { hasRole, useMe } from '../staff/auth.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { AgenciesPage } from './agencies/agencies-page.js';
import { CalendarPage } from './calendar/calendar-page.js';
import { AdminHomePage } from './home-page.js';
import { KiosksPage } from './kiosks/kiosks-page.js';
import { MyOfficesPage } from './my-offices.js';
import { DistrictsPage } from './network/districts-page.js';
import { NotificationsPage } from './notifications/notifications-page.js';
import { NewOfficePage, OfficePage } from './offices/office-page.js';
import { OfficesPage } from './offices/offices-page.js';
import { ServicePage } from './services/service-page.js';
import { NewServicePage, ServicesPage } from './services/services-page.js';
import { SecurityLogPage } from './users/security-log-page.js';
import { UsersPage } from './users/users-page.js';

/** Who may open the console at all: every staff role has a home here. */
export const adminRoles: Role[] = [...roles];
/** Every role but the admin (whose menu has the offices and the services already). */
const notAdmin = roles.filter((role) => role !== 'admin');

/** The menu: an item shows when the user holds one of its roles and, with `unless`, none of those. */
const adminNav: (NavItem & { roles: Role[]; unless?: Role[] })[] = [
  { to: '/admin', label: 'admin.home', end: true, roles: adminRoles },
  { to: '/admin/my-offices', label: 'staff.myOffices', roles: notAdmin, unless: ['admin'] },
  { to: '/services', label: 'staff.catalog', roles: notAdmin, unless: ['admin', 'catalog_editor'] },
  { to: '/callcenter', label: 'callcenter.title', roles: ['callcenter'], unless: ['admin'] },
  {
    to: '/cases',
    label: 'clist.menu',
    roles: ['operator', 'backoffice', 'office_head', 'callcenter', 'admin'],
  },
  { to: '/quality', label: 'quality.menu', roles: ['office_head', 'analyst', 'admin'] },
  { to: '/admin/services', label: 'admin.services', roles: ['admin', 'catalog_editor'] },
  { to: '/admin/offices', label: 'admin.offices', roles: ['admin'] },
  { to: '/admin/districts', label: 'admin.districts', roles: ['admin'] },
  { to: '/admin/agencies', label: 'admin.agencies', roles: ['admin'] },
  { to: '/admin/calendar', label: 'admin.calendar', roles: ['admin'] },
  { to: '/admin/users', label: 'admin.users', roles: ['admin'] },
  { to: '/admin/notifications', label: 'admin.notifications', roles: ['admin'] },
  { to: '/admin/kiosks', label: 'kiosks.title', roles: ['admin'] },
];

/** The staff frame with the menu items the user's roles open. */
function AdminLayout() {
  const { me } = useMe();
  const nav = adminNav.filter(
    (item) => hasRole(me, ...item.roles) && !(item.unless && hasRole(me, ...item.unless)),
  );
  return <StaffLayout nav={nav} />;
}

function AdminNotFound() {
  const { t } = useT();
  return <UnknownPage link="/admin" linkText={t('admin.toHome')} />;
}

const only = (roles: Role[], page: ReactNode) => <RequireStaff roles={roles}>{page}</RequireStaff>;

export const adminRoutes = (
  <Route
    path="admin"
    element={
      <RequireStaff>
        <AdminLayout />
      </RequireStaff>
    }
  >
    <Route element={only(adminRoles, <Outlet />)}>
      <Route index element={<AdminHomePage />} />
      <Route path="my-offices" element={<MyOfficesPage />} />
      <Route path="services" element={only(['admin', 'catalog_editor'], <ServicesPage />)} />
      <Route path="services/new" element={only(['admin', 'catalog_editor'], <NewServicePage />)} />
      <Route path="services/:code" element={only(['admin', 'catalog_editor'], <ServicePage />)} />
      <Route path="offices" element={only(['admin'], <OfficesPage />)} />
      <Route path="offices/new" element={only(['admin'], <NewOfficePage />)} />
      <Route path="offices/:code" element={only(['admin', 'office_head'], <OfficePage />)} />
      <Route path="districts" element={only(['admin'], <DistrictsPage />)} />
      <Route path="agencies" element={only(['admin'], <AgenciesPage />)} />
      <Route path="calendar" element={only(['admin'], <CalendarPage />)} />
      <Route path="users" element={only(['admin'], <UsersPage />)} />
      <Route path="security-log" element={only(['admin'], <SecurityLogPage />)} />
      <Route path="notifications" element={only(['admin'], <NotificationsPage />)} />
      <Route path="kiosks" element={only(['admin'], <KiosksPage />)} />
      <Route path="*" element={<AdminNotFound />} />
    </Route>
  </Route>
);
