/**
 * The call-center console at /callcenter, for the call center and admins, in the staff frame with its own
 * short menu (the console and the staff home).
 */
import './callcenter.css';
import { Route } from 'react-router';
import type { Role } from '../../shared/auth.js';
import { UnknownPage } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import type { NavItem } from '../app/layout.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { CallcenterPage } from './callcenter-page.js';

export const callcenterRoles: Role[] = ['callcenter', 'admin'];
const callcenterNav: NavItem[] = [
  { to: '/callcenter', label: 'callcenter.title', end: true },
  { to: '/admin', label: 'admin.home', end: true },
];

function CallcenterNotFound() {
  const { t } = useT();
  return <UnknownPage link="/callcenter" linkText={t('callcenter.title')} />;
}

export const callcenterRoutes = (
  <Route
    path="callcenter"
    element={
      <RequireStaff>
        <StaffLayout nav={callcenterNav} />
      </RequireStaff>
    }
  >
    <Route
      index
      element={
        <RequireStaff roles={callcenterRoles}>
          <CallcenterPage />
        </RequireStaff>
      }
    />
    <Route path="*" element={<CallcenterNotFound />} />
  </Route>
);
