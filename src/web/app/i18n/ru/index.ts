/**
 * Russian messages — the default language and the source of the message keys, in one section per
 * audience: common.ts (every screen), portal.ts (citizens), board.ts (the queue's board, ticket page and
 * office load), staff.ts (sign-in and the admin console), kiosk.ts (the queue's kiosk and the admin's page of kiosks),
 * kiosk-booking.ts (check-in by a booking's code and booking another day at the kiosk),
 * queue.ts (the queue's staff screens: the operator's console, the office head's screen), book.ts (the
 * portal's pre-booking: /book and /book/manage), booking-staff.ts (booking at the call center, the
 * operator's window and the office head's «Запись»), cases.ts (acceptance and the case page), case-lists.ts
 * (the cases' work lists, search, registers and requests on /cases),
 * status.ts (a case's status: the portal's /status,
 * the kiosk's status screen, the call center's cases), analytics.ts (/analytics), quality.ts (ratings and
 * their follow-ups on /quality), situation.ts (the situational center, /situation).
 * A value is either a string with `{name}` placeholders or plural forms (Intl.PluralRules categories,
 * `{n}` is the count). `Messages` is derived from this object, so every other language must have
 * exactly these keys, section by section (see ../en/).
 */
import { analytics } from './analytics.js';
import { board } from './board.js';
import { book } from './book.js';
import { bookingStaff } from './booking-staff.js';
import { caseLists } from './case-lists.js';
import { cases } from './cases.js';
import { common } from './common.js';
import { kiosk } from './kiosk.js';
import { kioskBooking } from './kiosk-booking.js';
import { portal } from './portal.js';
import { quality } from './quality.js';
import { queue } from './queue.js';
import { situation } from './situation.js';
import { staff } from './staff.js';
import { status } from './status.js';

export const ru = {
  ...common,
  ...portal,
  ...board,
  ...staff,
  ...kiosk,
  ...queue,
  ...kioskBooking,
  ...book,
  ...bookingStaff,
  ...caseLists,
  ...cases,
  ...status,
  ...analytics,
  ...quality,
  ...situation,
} as const;
