/**
 * The kiosk's API: its office's setup and the ticket it issues, both with the device token in
 * `X-Kiosk-Token` (src/shared/queue.ts `kioskHeader`); the exchange of a one-time code for that token; and
 * the booking (issue 10): check-in by a booking's code, the office's free days and times, a booking made
 * at the kiosk (its channel is 'kiosk' because the token comes with it).
 */
import type {
  Availability,
  Booking,
  BookingCreate,
  CheckedInTicket,
  DaySlots,
} from '../../shared/booking.js';
import type { IssuedTicket, Kiosk, KioskSetup, TicketCreate } from '../../shared/queue.js';
import { request } from '../app/api.js';

const seg = encodeURIComponent;
/**
 * `kioskHeader` of src/shared/queue.ts, written out: a value imported from there would bring zod into the
 * kiosk's chunk (a citizen's screen loads no zod: its eval probe breaks the CSP). kiosk-api.test.ts keeps
 * the two equal.
 */
export const kioskTokenHeader = 'x-kiosk-token';
/** `idempotencyHeader` of src/shared/booking.ts, written out for the same reason (kiosk-api.test.ts). */
export const idempotencyKeyHeader = 'idempotency-key';

/**
 * A fresh key for one booking attempt: a retry of the same attempt sends it again and gets the same booking.
 * From getRandomValues (crypto.randomUUID needs a secure context; a kiosk on a hall's network may not be one).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const kioskApi = {
  setup: (office: string, token: string, signal?: AbortSignal) =>
    request<KioskSetup>('GET', `/api/offices/${seg(office)}/kiosk`, {
      signal,
      headers: { [kioskTokenHeader]: token },
    }),
  issue: (office: string, token: string, body: TicketCreate) =>
    request<IssuedTicket>('POST', `/api/offices/${seg(office)}/tickets`, {
      body,
      headers: { [kioskTokenHeader]: token },
    }),
  /** A booked visitor's check-in by the code typed or the slip's QR as scanned: the queue's ticket. */
  checkIn: (office: string, token: string, code: string) =>
    request<CheckedInTicket>('POST', `/api/offices/${seg(office)}/check-in`, {
      body: { code },
      headers: { [kioskTokenHeader]: token },
    }),
  /** The office's days from today to the end of the horizon, each with the count of free times. */
  availability: (office: string, service: string, signal?: AbortSignal) =>
    request<Availability>('GET', `/api/offices/${seg(office)}/availability`, {
      params: { service },
      signal,
    }),
  slots: (office: string, service: string, date: string, signal?: AbortSignal) =>
    request<DaySlots>('GET', `/api/offices/${seg(office)}/slots`, { params: { service, date }, signal }),
  book: (token: string, body: BookingCreate, idempotencyKey: string) =>
    request<Booking>('POST', '/api/bookings', {
      body,
      headers: { [kioskTokenHeader]: token, [idempotencyKeyHeader]: idempotencyKey },
    }),
  enroll: (code: string) =>
    request<{ token: string; kiosk: Kiosk }>('POST', '/api/kiosks/enroll', { body: { code } }),
};
