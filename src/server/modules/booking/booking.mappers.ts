import type { Booking, StaffBooking } from '../../../shared/booking.js';
import { maskEmail, maskPhone } from '../../../shared/contacts.js';
import { isoInZone } from '../../../shared/zoned-time.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import type { BookingRow } from './booking.schema.js';

/** Bookings as their holder and staff see them. Times in the office's zone. */

export const instantOf = (value: string) => Date.parse(isoTimestamp(value));

export type BookingFacts = {
  office: { code: string; name: string; address: string; timeZone: string };
  service: { code: string; title: string; documents: { name: string; required: boolean }[] };
  checkIn: { earlyMinutes: number; lateMinutes: number };
};

export function toBookingDto(row: BookingRow, facts: BookingFacts, cipher: PersonalDataCipher): Booking {
  const tz = facts.office.timeZone;
  const start = instantOf(row.startsAt);
  return {
    code: row.code,
    status: row.status,
    office: facts.office,
    service: { code: facts.service.code, title: facts.service.title },
    start: isoInZone(start, tz),
    end: isoInZone(instantOf(row.endsAt), tz),
    name: cipher.open(row.name),
    phoneMasked: maskPhone(cipher.open(row.phone)),
    emailMasked: row.email ? maskEmail(cipher.open(row.email)) : null,
    channel: row.channel,
    createdAt: isoInZone(instantOf(row.createdAt), tz),
    holdExpiresAt: row.holdExpiresAt ? isoInZone(instantOf(row.holdExpiresAt), tz) : null,
    cancelReason: row.cancelReason,
    documents: facts.service.documents,
    checkIn: {
      from: isoInZone(start - facts.checkIn.earlyMinutes * 60_000, tz),
      until: isoInZone(start + facts.checkIn.lateMinutes * 60_000, tz),
    },
  };
}

/** «Иван П***»: the first word and the first letter of the rest. */
export function maskName(name: string): string {
  const [first, ...rest] = name.trim().split(/\s+/);
  return [first, ...rest.map((w) => `${w[0]}***`)].join(' ');
}

export function toStaffBookingDto(
  row: BookingRow,
  p: { timeZone: string; serviceTitle: string; cipher: PersonalDataCipher },
): StaffBooking {
  const name = p.cipher.open(row.name);
  const phone = p.cipher.open(row.phone);
  return {
    code: row.code,
    status: row.status,
    officeCode: row.officeCode,
    service: { code: row.serviceCode, title: p.serviceTitle },
    start: isoInZone(instantOf(row.startsAt), p.timeZone),
    end: isoInZone(instantOf(row.endsAt), p.timeZone),
    nameMasked: maskName(name),
    phoneMasked: maskPhone(phone),
    channel: row.channel,
    cancelReason: row.cancelReason,
    cancelledAt: row.cancelledAt ? isoInZone(instantOf(row.cancelledAt), p.timeZone) : null,
    notified: row.cancelNotified,
  };
}
