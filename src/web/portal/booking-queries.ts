/**
 * The portal's pre-booking (issue 10): the API calls of /book and /book/manage and their query options.
 * Types only from src/shared/booking.ts (it carries zod, which a citizen's browser never loads); the words
 * of a refusal come from its code and details, never from the server's message.
 *   useQuery(bookingQueries.offices({ service, lat, lon }))
 *   createBooking(body, idempotencyKey) · cancelBooking(code, phone) · rescheduleBooking(code, phone, start)
 *   · confirmBooking(code, phone, pin)
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  Availability,
  Booking,
  BookingCreate,
  BookingOffice,
  DaySlots,
  Slot,
} from '../../shared/booking.js';
import { type ApiError, request } from '../app/api.js';
import { queryKeys } from '../app/query-keys.js';

const segment = (code: string) => encodeURIComponent(code);

export type BookingOfficesParams = { service: string; lat?: number; lon?: number };
export type BookingOfficesAnswer = { service: string; offices: BookingOffice[] };

/** Free times move as people book: fresh for 20 s, read again when the page comes back into view. */
const moving = 20_000;

export const bookingQueries = {
  offices: (params: BookingOfficesParams) =>
    queryOptions({
      queryKey: queryKeys.booking.offices(params),
      queryFn: ({ signal }) =>
        request<BookingOfficesAnswer>('GET', '/api/bookings/offices', { params, signal }),
      placeholderData: keepPreviousData,
      staleTime: moving,
    }),
  availability: (office: string, service: string) =>
    queryOptions({
      queryKey: queryKeys.booking.availability(office, service),
      queryFn: ({ signal }) =>
        request<Availability>('GET', `/api/offices/${segment(office)}/availability`, {
          params: { service },
          signal,
        }),
      staleTime: moving,
    }),
  slots: (office: string, service: string, date: string) =>
    queryOptions({
      queryKey: queryKeys.booking.slots(office, service, date),
      queryFn: ({ signal }) =>
        request<DaySlots>('GET', `/api/offices/${segment(office)}/slots`, {
          params: { service, date },
          signal,
        }),
      staleTime: moving,
    }),
  /** A booking as its holder sees it: the code and the phone it was made with. */
  booking: (code: string, phone: string) =>
    queryOptions({
      queryKey: queryKeys.booking.booking(code, phone),
      queryFn: ({ signal }) =>
        request<Booking>('GET', `/api/bookings/${segment(code)}`, { params: { phone }, signal }),
    }),
};

/** POST /api/bookings; the same key on a retry of the same submit returns the same booking. */
export const createBooking = (body: BookingCreate, idempotencyKey: string) =>
  request<Booking>('POST', '/api/bookings', { body, headers: { 'Idempotency-Key': idempotencyKey } });

export const cancelBooking = (code: string, phone: string) =>
  request<Booking>('POST', `/api/bookings/${segment(code)}/cancel`, { body: { phone } });

export const rescheduleBooking = (code: string, phone: string, start: string) =>
  request<Booking>('POST', `/api/bookings/${segment(code)}/reschedule`, { body: { phone, start } });

/** A held booking confirmed by the code the SMS brought (regions that ask for it). */
export const confirmBooking = (code: string, phone: string, pin: string) =>
  request<Booking>('POST', `/api/bookings/${segment(code)}/confirm`, { body: { phone, pin } });

/** The printable slip (PDF with the QR code); the phone proves it is the holder's, as for every read. */
export const slipUrl = (code: string, phone: string) =>
  `/api/bookings/${segment(code)}/slip.pdf?phone=${encodeURIComponent(phone)}`;

/** The page the slip's QR code opens. */
export const managePath = (code: string) => `/book/manage?code=${encodeURIComponent(code)}`;

/** A 409 SLOT_TAKEN's nearest free times (same office and service), else none. */
export function nearestFree(error: ApiError | null): Slot[] {
  if (error?.code !== 'SLOT_TAKEN') return [];
  const nearest = (error.details as { nearest?: unknown } | undefined)?.nearest;
  return Array.isArray(nearest)
    ? nearest.filter((s): s is Slot => typeof s?.start === 'string' && typeof s?.end === 'string')
    : [];
}

/** A new Idempotency-Key (crypto.randomUUID where the page is a secure context, else random bytes). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
