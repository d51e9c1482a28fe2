/**
 * The cases' lists under /cases, in the staff frame with their own short menu: the work lists and search
 * (/cases), registers (/cases/registers, /cases/registers/:id) and interagency requests (/cases/requests).
 * Operators, the back office, office heads and admins work here; the call center reads (the API refuses
 * its writes, and the pages offer none). The case page (/cases/:id) and acceptance are the case screens'.
 */
import './cases-lists.css';
import { Route } from 'react-router';
import type { Role } from '../../shared/auth.js';
import type { NavItem } from '../app/layout.js';
import { hasRole, useMe } from '../staff/auth.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { CasesListsPage } from './cases-lists-page.js';
import { RegisterItemPage } from './registers-item-page.js';
import { RegistersPage } from './registers-page.js';
import { registerRoles, requestRoles } from './registers-words.js';
import { RequestsPage } from './requests-page.js';

/** Who may open the cases' lists. */
export const caseListRoles: Role[] = ['operator', 'backoffice', 'office_head', 'callcenter', 'admin'];

/** The menu: an item shows when the user holds one of its roles (registers are the back office's). */
const caseListsNav: (NavItem & { roles?: Role[] })[] = [
  { to: '/cases', label: 'clist.menu', end: true },
  { to: '/cases/registers', label: 'clist.reg.menu', roles: registerRoles },
  { to: '/cases/requests', label: 'clist.req.menu', end: true, roles: requestRoles },
  { to: '/admin', label: 'admin.home', end: true },
];

function CaseListsLayout() {
  const { me } = useMe();
  return <StaffLayout nav={caseListsNav.filter((item) => !item.roles || hasRole(me, ...item.roles))} />;
}

export const caseListsRoutes = (
  <Route
    path="cases"
    element={
      <RequireStaff>
        <CaseListsLayout />
      </RequireStaff>
    }
  >
    <Route
      index
      element={
        <RequireStaff roles={caseListRoles}>
          <CasesListsPage />
        </RequireStaff>
      }
    />
    <Route
      path="registers"
      element={
        <RequireStaff roles={registerRoles}>
          <RegistersPage />
        </RequireStaff>
      }
    />
    <Route
      path="registers/:id"
      element={
        <RequireStaff roles={registerRoles}>
          <RegisterItemPage />
        </RequireStaff>
      }
    />
    <Route
      path="requests"
      element={
        <RequireStaff roles={requestRoles}>
          <RequestsPage />
        </RequireStaff>
      }
    />
  </Route>
);
