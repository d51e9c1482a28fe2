/**
 * The quality screen under /quality (issue 12), for office heads (their offices), analysts (the region,
 * read only) and admins: «Обращения на контроле» (/quality) and «Оценки» (/quality/ratings). Operators
 * never see it (not in their menus; the API refuses them the ratings). Registered in staff-routes.tsx.
 */
import './quality.css';
import { Route } from 'react-router';
import type { NavItem } from '../app/layout.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { FollowUpsPage } from './follow-ups-page.js';
import { qualityRoles } from './quality-common.js';
import { RatingsPage } from './ratings-page.js';

const qualityNav: NavItem[] = [
  { to: '/admin', label: 'admin.home', end: true },
  { to: '/quality', label: 'quality.menu' },
];

export const qualityRoutes = (
  <Route
    path="quality"
    element={
      <RequireStaff>
        <StaffLayout nav={qualityNav} />
      </RequireStaff>
    }
  >
    <Route
      index
      element={
        <RequireStaff roles={qualityRoles}>
          <FollowUpsPage />
        </RequireStaff>
      }
    />
    <Route
      path="ratings"
      element={
        <RequireStaff roles={qualityRoles}>
          <RatingsPage />
        </RequireStaff>
      }
    />
  </Route>
);
