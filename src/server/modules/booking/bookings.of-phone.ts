import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { activeBookingStatuses } from '../../../shared/booking.js';
import { formatBookingCode } from '../../../shared/booking-code.js';
import type { CallerBooking } from '../../../shared/callcenter.js';
import { maskPhone } from '../../../shared/contacts.js';
import { isoInZone } from '../../../shared/zoned-time.js';
import type { Db } from '../../db/client.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { serviceTitles } from '../catalog/catalog.service.js';
import { officesNow } from '../network/network.service.js';
import { maskName } from './booking.mappers.js';
import { type BookingRow, bookings } from './booking.schema.js';

/**
 * A phone number's bookings for the call center (issue 8): the active ones by time, then the latest few
 * others, with the office's name and zone. Masked unless `full` — the caller answered the verification
 * question on the operator's call, and the caller of this function logs that view; masked means the code
 * too, since the caller may be asked for it to be verified.
 */

/** How many bookings that are no longer active are shown after the active ones. */
const recentShown = 5;
/** The active ones: a phone has at most `max_active_per_phone` (≤ 50) of them. */
const activeShown = 50;

/** ****-**XY: the last two characters, never enough to manage the booking with. */
export const maskBookingCode = (code: string) => `****-**${code.slice(-2)}`;

export async function bookingsOfPhone(
  db: Db,
  phoneHash: string,
  cipher: PersonalDataCipher,
  options: { full: boolean },
): Promise<CallerBooking[]> {
  const active = [...activeBookingStatuses];
  const [current, recent] = await Promise.all([
    db
      .select()
      .from(bookings)
      .where(and(eq(bookings.phoneHash, phoneHash), inArray(bookings.status, active)))
      .orderBy(asc(bookings.startsAt))
      .limit(activeShown),
    db
      .select()
      .from(bookings)
      .where(and(eq(bookings.phoneHash, phoneHash), notInArray(bookings.status, active)))
      .orderBy(desc(bookings.startsAt))
      .limit(recentShown),
  ]);
  const rows = [...current, ...recent];
  if (rows.length === 0) return [];
  const [titles, offices] = await Promise.all([
    serviceTitles(db, [...new Set(rows.map((r) => r.serviceCode))]),
    officesNow(db, new Date(), [...new Set(rows.map((r) => r.officeCode))]),
  ]);
  const titleOf = new Map(titles.map((t) => [t.code, t.title]));
  const officeOf = new Map(offices.map((o) => [o.code, o]));
  return rows.map((r) => toCallerBooking(r, cipher, options.full, titleOf, officeOf));
}

function toCallerBooking(
  r: BookingRow,
  cipher: PersonalDataCipher,
  full: boolean,
  titles: ReadonlyMap<string, string>,
  offices: ReadonlyMap<string, { name: string; timeZone: string }>,
): CallerBooking {
  const office = offices.get(r.officeCode);
  const timeZone = office?.timeZone ?? 'UTC';
  const name = cipher.open(r.name);
  const phone = cipher.open(r.phone);
  const email = r.email === null ? null : cipher.open(r.email);
  const at = (value: string) => isoInZone(Date.parse(isoTimestamp(value)), timeZone);
  return {
    code: full ? formatBookingCode(r.code) : maskBookingCode(r.code),
    status: r.status,
    officeCode: r.officeCode,
    officeName: office?.name ?? r.officeCode,
    timeZone,
    service: { code: r.serviceCode, title: titles.get(r.serviceCode) ?? r.serviceCode },
    start: at(r.startsAt),
    end: at(r.endsAt),
    nameMasked: maskName(name),
    phoneMasked: maskPhone(phone),
    channel: r.channel,
    cancelReason: r.cancelReason,
    cancelledAt: r.cancelledAt === null ? null : isoTimestamp(r.cancelledAt),
    name: full ? name : null,
    phone: full ? phone : null,
    email: full ? email : null,
  };
}
