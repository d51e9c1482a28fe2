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
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { CasesListsPage } from './cases-lists-page.js';

/** Who may open the cases' lists. */
export const caseListRoles: Role[] = ['operator', 'backoffice', 'office_head', 'callcenter', 'admin'];
/** Who may change registers and requests (the call center only reads). */
export const caseWriteRoles: Role[] = ['operator', 'backoffice', 'office_head', 'admin'];

export const caseListsNav: NavItem[] = [
  { to: '/cases', label: 'clist.menu', end: true },
  { to: '/admin', label: 'admin.home', end: true },
];

export const caseListsRoutes = (
  <Route
    path="cases"
    element={
      <RequireStaff>
        <StaffLayout nav={caseListsNav} />
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
  </Route>
);
