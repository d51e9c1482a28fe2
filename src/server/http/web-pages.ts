import type { Db } from '../db/client.js';
import { isServicePublished } from '../modules/catalog/catalog.service.js';
import { officeExists } from '../modules/network/network.service.js';

/**
 * The status of a page of the web app, so an unknown page is an HTTP 404 (for search engines and link
 * checkers) while the app still renders its own "not found" page from the same index.html. The portal's
 * object pages look their object up; the staff console's pages are all 200 (it checks access itself).
 */
const fixedPages = [
  /^\/$/,
  /^\/services$/,
  /^\/offices$/,
  // pre-booking and a booking's page (the slip's QR code): the page asks for the code and phone itself
  /^\/book(\/manage)?$/,
  // a case's status (the receipt's QR code): the page asks for the number and PIN itself
  /^\/status$/,
  /^\/staff(\/(login|password))?$/,
  /^\/admin(\/.*)?$/,
  // an e-mail's unsubscribe link: the page itself says whether its token is valid
  /^\/unsubscribe\/[^/]{10,200}$/,
  /^\/callcenter$/,
  // the queue's display board (the page says when the office is unknown) and a ticket's page (its QR code)
  /^\/board\/[^/]{1,64}$/,
  /^\/t\/[A-Za-z0-9_-]{22}$/,
  // a kiosk in an office's hall: the page itself says when the office is unknown
  /^\/kiosk\/[^/]{1,64}$/,
  /^\/operator$/,
  // an office head's screen of an office: its queue, its bookings
  /^\/office\/[^/]{1,64}(\/bookings)?$/,
  // the case screens: acceptance, a case's page, the work lists (each page asks the server itself)
  /^\/cases(\/.*)?$/,
  // the quality screen: follow-ups of low ratings and the ratings (issue 12)
  /^\/quality(\/ratings)?$/,
];

export async function webPageStatus(db: Db, path: string): Promise<200 | 404> {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (fixedPages.some((page) => page.test(clean))) return 200;
  const object = /^\/(services|offices)\/([^/]{1,200})$/.exec(clean);
  if (!object) return 404;
  const code = decodeURIComponent(object[2]);
  const found = object[1] === 'services' ? await isServicePublished(db, code) : await officeExists(db, code);
  return found ? 200 : 404;
}
