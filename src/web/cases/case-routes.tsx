/**
 * The case screens under /cases (issue 11), in the staff frame: acceptance (`new`, at the window from a
 * ticket or in the back office without one) and the case page (`:id`). The work lists, search and
 * registers join the same tree: `caseRoutes({ nav, children })` takes their menu items and routes (see
 * staff-routes.tsx), so one layout serves them all.
 */
import './cases.css';
import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Role } from '../../shared/auth.js';
import type { NavItem } from '../app/layout.js';
import { hasRole, useMe } from '../staff/auth.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { AcceptPage } from './accept-page.js';
import { CasePage } from './case-page.js';
import { caseReadRoles, caseWorkRoles } from './case-roles.js';

/** A menu item shows when the user holds one of its `roles` (any signed-in staff member without). */
type CaseNavItem = NavItem & { roles?: Role[] };

export const casesNav: CaseNavItem[] = [
  { to: '/cases/new', label: 'cases.nav.accept', end: true, roles: caseWorkRoles },
  { to: '/operator', label: 'operator.title', end: true },
  { to: '/admin', label: 'admin.home', end: true },
];

function CasesLayout({ nav }: { nav: CaseNavItem[] }) {
  const { me } = useMe();
  return <StaffLayout nav={nav.filter((item) => !item.roles || hasRole(me, ...item.roles))} />;
}

export function caseRoutes({ nav = [], children }: { nav?: CaseNavItem[]; children?: ReactNode } = {}) {
  return (
    <Route
      path="cases"
      element={
        <RequireStaff>
          <CasesLayout nav={[...nav, ...casesNav]} />
        </RequireStaff>
      }
    >
      <Route
        path="new"
        element={
          <RequireStaff roles={caseWorkRoles}>
            <AcceptPage />
          </RequireStaff>
        }
      />
      <Route
        path=":id"
        element={
          <RequireStaff roles={caseReadRoles}>
            <CasePage />
          </RequireStaff>
        }
      />
      {children}
    </Route>
  );
}
