/** The portal's routes and menu, mounted at the site root by main.tsx. */
import { Route } from 'react-router';
import type { NavItem } from '../app/layout.js';
import { CatalogPage } from './catalog-page.js';
import { HomePage } from './home-page.js';
import { OfficePage } from './office-page.js';
import { OfficesPage } from './offices-page.js';
import { ServicePage } from './service-page.js';
import { UnsubscribePage } from './unsubscribe-page.js';

export const portalNav: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/services', label: 'nav.services' },
  { to: '/offices', label: 'nav.offices' },
  { to: '/book', label: 'nav.book' },
  { to: '/status', label: 'nav.status' },
];

export const portalRoutes = (
  <>
    <Route index element={<HomePage />} />
    <Route path="services" element={<CatalogPage />} />
    <Route path="services/:code" element={<ServicePage />} />
    <Route path="offices" element={<OfficesPage />} />
    <Route path="offices/:code" element={<OfficePage />} />
    <Route path="unsubscribe/:token" element={<UnsubscribePage />} />
    {/* pre-booking and a booking's page (the slip's QR code): a chunk of their own */}
    <Route path="book" lazy={() => import('./book-page.js').then((m) => ({ Component: m.BookPage }))} />
    <Route
      path="book/manage"
      lazy={() => import('./manage-booking-page.js').then((m) => ({ Component: m.ManageBookingPage }))}
    />
    {/* a case's status (the receipt's QR code): a chunk of its own */}
    <Route path="status" lazy={() => import('./status-page.js').then((m) => ({ Component: m.StatusPage }))} />
    {/* a ticket's page (its QR code): a chunk of its own */}
    <Route
      path="t/:track"
      lazy={() => import('../ticket/ticket-page.js').then((m) => ({ Component: m.TicketPage }))}
    />
    {/* rating a visit or a case (the SMS's and e-mail's link, the receipt's QR): a chunk of its own */}
    <Route
      path="rate/:token"
      lazy={() => import('../rating/rate-page.js').then((m) => ({ Component: m.RatePage }))}
    />
  </>
);
