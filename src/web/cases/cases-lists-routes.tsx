/**
 * The cases' lists under /cases, inside the case screens' tree (case-routes.tsx: `caseRoutes({ nav,
 * children })` in staff-routes.tsx): the work lists and search (/cases), registers (/cases/registers,
 * /cases/registers/:id) and interagency requests (/cases/requests), with their menu items. Operators, the
 * back office, office heads and admins work here; the call center reads the lists (the pages offer it no
 * writes); registers are the back office's, requests the API's request roles'.
 */
import './cases-lists.css';
import { Route } from 'react-router';
import type { Role } from '../../shared/auth.js';
import type { NavItem } from '../app/layout.js';
import { RequireStaff } from '../staff/require-staff.js';
import { CasesListsPage } from './cases-lists-page.js';
import { RegisterItemPage } from './registers-item-page.js';
import { RegistersPage } from './registers-page.js';
import { registerRoles, requestRoles } from './registers-words.js';
import { RequestsPage } from './requests-page.js';

/** Who may open the cases' lists. */
export const caseListRoles: Role[] = ['operator', 'backoffice', 'office_head', 'callcenter', 'admin'];

/** The menu items of the lists: each shows when the user holds one of its roles. */
export const caseListsNav: (NavItem & { roles?: Role[] })[] = [
  { to: '/cases', label: 'clist.menu', end: true, roles: caseListRoles },
  { to: '/cases/registers', label: 'clist.reg.menu', roles: registerRoles },
  { to: '/cases/requests', label: 'clist.req.menu', end: true, roles: requestRoles },
];

export const caseListsRoutes = (
  <>
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
  </>
);
