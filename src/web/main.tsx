/**
 * The web app's entry: one QueryClient (server state, app/query-client.ts), one data router for every
 * audience. The portal lives at the root and is in this bundle (the queue's board and ticket page are
 * chunks loaded on their paths); the staff trees (/staff, /admin, /callcenter) are a
 * separate chunk (staff-routes.tsx) that the router patches in on the first navigation there
 * (`patchRoutesOnNavigation`), so a citizen's browser never loads staff code. <ScrollRestoration/>
 * brings the scroll position back on «Назад» (per history entry; a new page starts at the top).
 */
import './app/styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createBrowserRouter,
  createRoutesFromElements,
  type Location,
  Outlet,
  Route,
  RouterProvider,
  ScrollRestoration,
} from 'react-router';
import { Loading } from './app/components.js';
import { I18nProvider } from './app/i18n/index.js';
import { Layout } from './app/layout.js';
import { queryClient } from './app/query-client.js';
import { NotFoundPage } from './portal/not-found-page.js';
import { portalNav, portalRoutes } from './portal/routes.js';

const isStaffPath = (path: string) =>
  /^\/(admin|staff|callcenter|operator|office|cases|analytics|quality|situation)(\/|$)/.test(path);

/**
 * The scroll key: each history entry in the portal (so «Назад» restores where the person was); one key per
 * page in the staff screens, whose filters change only the query string and should not jump to the top.
 */
const scrollKey = (location: Location) => (isStaffPath(location.pathname) ? location.pathname : location.key);

function Root() {
  return (
    <>
      <Outlet />
      <ScrollRestoration getKey={scrollKey} />
    </>
  );
}

let staffPatched = false;
const router = createBrowserRouter(
  createRoutesFromElements(
    // a path with a parameter asks patchRoutesOnNavigation first, even on the first load: «Загрузка…» meanwhile
    <Route id="root" element={<Root />} hydrateFallbackElement={<Loading />}>
      {/* the hall's TV: full screen, no portal frame; a chunk of its own */}
      <Route
        path="board/:office"
        lazy={() => import('./board/board-page.js').then((m) => ({ Component: m.BoardPage }))}
      />
      {/* the kiosk in an office's hall: full screen, its own frame, no staff session; a chunk of its own */}
      <Route
        path="kiosk/:office"
        lazy={() => import('./kiosk/kiosk-page.js').then((m) => ({ Component: m.KioskPage }))}
      />
      <Route element={<Layout nav={portalNav} />}>
        {portalRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Route>,
  ),
  {
    // /admin/… first matches the portal's "*": the router asks here whether more routes exist for it.
    async patchRoutesOnNavigation({ path, patch }) {
      if (!isStaffPath(path) || staffPatched) return;
      const { staffRouteObjects } = await import('./staff-routes.js');
      if (staffPatched) return;
      staffPatched = true;
      patch('root', staffRouteObjects);
    },
  },
);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
