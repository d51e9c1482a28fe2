/**
 * Staff routes shared by every staff audience: /staff/login, /staff/password. main.tsx mounts them, with each staff
 * audience's routes (admin, later operator, back office…), under <StaffAuth/> so all share one session.
 */
import './staff.css';
import { Route } from 'react-router';
import { LoginPage } from './login-page.js';
import { PasswordPage } from './password-page.js';
import { StaffLayout } from './staff-layout.js';

export const staffRoutes = (
  <Route path="staff" element={<StaffLayout />}>
    <Route path="login" element={<LoginPage />} />
    <Route path="password" element={<PasswordPage />} />
  </Route>
);
