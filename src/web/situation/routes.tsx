/**
 * The situational center at /situation (analysts, office heads, admins; the server narrows an office head
 * to their offices), in the staff frame with the staff home in its menu.
 */
import '../admin/admin.css';
import './situation.css';
import { Route } from 'react-router';
import type { Role } from '../../shared/auth.js';
import type { NavItem } from '../app/layout.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { SituationPage } from './situation-page.js';

export const situationRoles: Role[] = ['analyst', 'office_head', 'admin'];

const situationNav: NavItem[] = [
  { to: '/situation', label: 'situation.title', end: true },
  { to: '/admin', label: 'admin.home', end: true },
];

export const situationRoutes = (
  <Route
    path="situation"
    element={
      <RequireStaff>
        <StaffLayout nav={situationNav} />
      </RequireStaff>
    }
  >
    <Route
      index
      element={
        <RequireStaff roles={situationRoles}>
          <SituationPage />
        </RequireStaff>
      }
    />
  </Route>
);
