/**
 * The booking API as the staff screens use it (the call center, the operator, the office head): free times,
 * booking for a citizen, cancelling and moving a booking, an office's list and report. Typed with the shared
 * contracts (src/shared/booking.ts). The server decides the channel from the session (call center,
 * operator); a POST carries the CSRF header like every staff write (app/api.ts) and an Idempotency-Key, so a
 * retried click never books twice.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Availability,
  Booking,
  BookingCreate,
  BookingReport,
  bookingOfficesSchema,
  DaySlots,
  StaffBooking,
  staffBookingsQuerySchema,
} from '../../shared/booking.js';
import { request } from '../app/api.js';

export type BookingOffices = z.infer<typeof bookingOfficesSchema>;
export type StaffBookingsQuery = z.infer<typeof staffBookingsQuerySchema>;

const seg = encodeURIComponent;
const get = <T>(path: string, params?: Record<string, string | undefined>, signal?: AbortSignal) =>
  request<T>('GET', path, { params, signal });

/** A key for one booking attempt: the same for its retries, a new one for the next booking. */
export const newIdempotencyKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export const bookingStaffApi = {
  offices: (service: string, offices: string[] | undefined, signal?: AbortSignal) =>
    get<BookingOffices>(
      '/api/bookings/offices',
      {
        service,
        offices: offices?.length ? offices.join(',') : undefined,
        limit: offices?.length ? undefined : '50',
      },
      signal,
    ),
  availability: (office: string, service: string, signal?: AbortSignal) =>
    get<Availability>(`/api/offices/${seg(office)}/availability`, { service }, signal),
  slots: (office: string, service: string, date: string, signal?: AbortSignal) =>
    get<DaySlots>(`/api/offices/${seg(office)}/slots`, { service, date }, signal),
  create: (body: BookingCreate, idempotencyKey: string) =>
    request<Booking>('POST', '/api/bookings', { body, headers: { 'idempotency-key': idempotencyKey } }),
  cancel: (code: string, phone: string) =>
    request<Booking>('POST', `/api/bookings/${seg(code)}/cancel`, { body: { phone } }),
  reschedule: (code: string, phone: string, start: string) =>
    request<Booking>('POST', `/api/bookings/${seg(code)}/reschedule`, { body: { phone, start } }),
  /** The printable slip (PDF with its QR code), in the screen's language. */
  slipUrl: (code: string, phone: string, locale: 'ru' | 'en' = 'ru') =>
    `/api/bookings/${seg(code)}/slip.pdf?${new URLSearchParams({ phone, ...(locale === 'ru' ? {} : { locale }) })}`,
  officeBookings: (office: string, query: StaffBookingsQuery, signal?: AbortSignal) =>
    get<StaffBooking[]>(`/api/staff/offices/${seg(office)}/bookings`, { ...query }, signal),
  report: (office: string, from: string, to: string, signal?: AbortSignal) =>
    get<BookingReport>(`/api/staff/offices/${seg(office)}/bookings/report`, { from, to }, signal),
};

/**
 * Reads as TanStack Query options under a prefix of the screen's own (['callcenter'] or ['queue']: both
 * dropped at sign-out). Free times are re-read each minute while shown: others book meanwhile.
 */
export const bookingQueries = (prefix: 'callcenter' | 'queue') => ({
  offices: (service: string, offices: string[] | undefined) =>
    queryOptions({
      queryKey: [prefix, 'booking', 'offices', service, offices?.join(',') ?? ''] as const,
      queryFn: ({ signal }) => bookingStaffApi.offices(service, offices, signal),
      refetchInterval: 60_000,
    }),
  availability: (office: string, service: string) =>
    queryOptions({
      queryKey: [prefix, 'booking', 'availability', office, service] as const,
      queryFn: ({ signal }) => bookingStaffApi.availability(office, service, signal),
      refetchInterval: 60_000,
    }),
  slots: (office: string, service: string, date: string) =>
    queryOptions({
      queryKey: [prefix, 'booking', 'slots', office, service, date] as const,
      queryFn: ({ signal }) => bookingStaffApi.slots(office, service, date, signal),
      refetchInterval: 60_000,
    }),
  officeBookings: (office: string, query: StaffBookingsQuery) =>
    queryOptions({
      queryKey: [prefix, 'booking', 'office', office, query] as const,
      queryFn: ({ signal }) => bookingStaffApi.officeBookings(office, query, signal),
      refetchInterval: 60_000,
    }),
  report: (office: string, from: string, to: string) =>
    queryOptions({
      queryKey: [prefix, 'booking', 'report', office, from, to] as const,
      queryFn: ({ signal }) => bookingStaffApi.report(office, from, to, signal),
    }),
});
