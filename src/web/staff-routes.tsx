/**
 * The staff route trees (sign-in, the admin console, the call center, the operator's console, the office
 * head's screen) under one <StaffAuth/> session, as route objects.
 * main.tsx imports this module dynamically, on the first navigation to /staff, /admin, /callcenter, /operator, /office, /cases, /analytics, /quality or /situation: the portal's
 * pages never download staff code (nor zod, which only the staff forms use at run time).
 */
import { createRoutesFromElements, Route } from 'react-router';
import { z } from 'zod';
import { adminRoutes } from './admin/routes.js';
import { analyticsRoutes } from './analytics/routes.js';
import { callcenterRoutes } from './callcenter/routes.js';
import { caseRoutes } from './cases/case-routes.js';
import { caseListsNav, caseListsRoutes } from './cases/cases-lists-routes.js';
import { officeRoutes } from './office/routes.js';
import { operatorRoutes } from './operator/routes.js';
import { qualityRoutes } from './quality/quality-routes.js';
import { situationRoutes } from './situation/routes.js';
import { StaffAuth } from './staff/auth.js';
import { staffRoutes } from './staff/routes.js';

// zod compiles object parsers with `new Function` after probing whether eval is allowed; okno's CSP forbids
// it, so the probe itself logs a CSP violation. Jitless parsing is fast enough for forms.
z.config({ jitless: true });

// Ids from a tree path of their own ("1-…"): the portal's routes, made by main.tsx, hold the "0-…" ones, and
// a data router refuses two routes with one id.
export const staffRouteObjects = createRoutesFromElements(
  <Route id="staff" element={<StaffAuth />}>
    {staffRoutes}
    {adminRoutes}
    {callcenterRoutes}
    {operatorRoutes}
    {officeRoutes}
    {analyticsRoutes}
    {caseRoutes({ nav: caseListsNav, children: caseListsRoutes })}
    {qualityRoutes}
    {situationRoutes}
  </Route>,
  [1],
);
