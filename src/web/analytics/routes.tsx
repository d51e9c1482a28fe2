/**
 * /analytics in the staff frame: the analyst, office heads and admins (analytics-page.tsx). The page, with
 * its charts, is a chunk of its own: loaded on the first visit, never by the other staff screens.
 */
import { Route } from 'react-router';
import type { NavItem } from '../app/layout.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';

const analyticsNav: NavItem[] = [
  { to: '/analytics', label: 'an.menu', end: true },
  { to: '/admin', label: 'admin.home', end: true },
];

export const analyticsRoutes = (
  <Route
    path="analytics"
    element={
      <RequireStaff>
        <StaffLayout nav={analyticsNav} />
      </RequireStaff>
    }
  >
    <Route
      index
      lazy={() => import('./analytics-page.js').then((m) => ({ Component: m.GuardedAnalyticsPage }))}
    />
  </Route>
);
