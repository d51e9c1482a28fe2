/**
 * The office head's screen at /office/:code (office heads and admins; operators may look too), in the staff
 * frame with the operator's console and the staff home in its menu. The server refuses an office outside
 * the user's scope; the page says so.
 */
import '../operator/operator.css';
import './office.css';
import { Route } from 'react-router';
import type { NavItem } from '../app/layout.js';
import { queueRoles } from '../operator/window-picker.js';
import { RequireStaff } from '../staff/require-staff.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { OfficeBookingsPage } from './office-bookings-page.js';
import { OfficeQueuePage } from './office-page.js';

const officeNav: NavItem[] = [
  { to: '/operator', label: 'operator.title', end: true },
  { to: '/admin', label: 'admin.home', end: true },
];

export const officeRoutes = (
  <Route
    path="office"
    element={
      <RequireStaff>
        <StaffLayout nav={officeNav} />
      </RequireStaff>
    }
  >
    <Route
      path=":code"
      element={
        <RequireStaff roles={queueRoles}>
          <OfficeQueuePage />
        </RequireStaff>
      }
    />
    <Route
      path=":code/bookings"
      element={
        <RequireStaff roles={queueRoles}>
          <OfficeBookingsPage />
        </RequireStaff>
      }
    />
  </Route>
);
