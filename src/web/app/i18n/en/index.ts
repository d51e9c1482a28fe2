/** English messages, one section per audience like ../ru/; typed as `Messages`: a missing key is a compile error. */
import type { Messages } from '../messages.js';
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

export const en: Messages = {
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
};
