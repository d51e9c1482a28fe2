/**
 * The web app's entry: one QueryClient (server state, app/query-client.ts), one router for every audience. The portal lives at the root; later audiences
 * get their own prefix and layout (e.g. <Route path="admin" element={<Layout nav={adminNav} />}>…).
 */
import './app/styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { adminRoutes } from './admin/routes.js';
import { I18nProvider } from './app/i18n/index.js';
import { Layout } from './app/layout.js';
import { queryClient } from './app/query-client.js';
import { NotFoundPage } from './portal/not-found-page.js';
import { portalNav, portalRoutes } from './portal/routes.js';
import { StaffAuth } from './staff/auth.js';
import { staffRoutes } from './staff/routes.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout nav={portalNav} />}>
              {portalRoutes}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route element={<StaffAuth />}>
              {staffRoutes}
              {adminRoutes}
            </Route>
          </Routes>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
