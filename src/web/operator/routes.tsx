/**
 * The operator's console at /operator (operators, office heads, admins), in the staff frame with a short
 * menu: the console and the staff home.
 */
import './operator.css';
import { Route } from 'react-router';
import { UnknownPage } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import type { NavItem } from '../app/layout.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { OperatorPage } from './operator-page.js';
import { queueRoles } from './window-picker.js';

const operatorNav: NavItem[] = [
  { to: '/operator', label: 'operator.title', end: true },
  { to: '/admin', label: 'admin.home', end: true },
];

function OperatorNotFound() {
  const { t } = useT();
  return <UnknownPage link="/operator" linkText={t('operator.title')} />;
}

export const operatorRoutes = (
  <Route
    path="operator"
    element={
      <RequireStaff>
        <StaffLayout nav={operatorNav} />
      </RequireStaff>
    }
  >
    <Route
      index
      element={
        <RequireStaff roles={queueRoles}>
          <OperatorPage />
        </RequireStaff>
      }
    />
    <Route path="*" element={<OperatorNotFound />} />
  </Route>
);
