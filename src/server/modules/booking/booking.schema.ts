import {
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BookingChannel, BookingStatus, CancelReason } from '../../../shared/booking.js';
import { isoDate, timestamptz } from '../../db/columns.js';

/**
 * The booking module's tables (migration 0009): settings, per-office shares and service minutes, bookings,
 * the seats they take per grid cell, idempotent requests and the trail.
 */

export const bookingSettings = pgTable('booking_settings', {
  id: boolean('id').primaryKey().default(true),
  gridMinutes: integer('grid_minutes').notNull().default(15),
  defaultServiceMinutes: integer('default_service_minutes').notNull().default(15),
  bookingShare: real('booking_share').notNull().default(0.5),
  noticeMinutes: integer('notice_minutes').notNull().default(120),
  horizonDays: integer('horizon_days').notNull().default(30),
  maxActivePerPhone: integer('max_active_per_phone').notNull().default(3),
  noShowLimit: integer('no_show_limit').notNull().default(3),
  noShowWithinDays: integer('no_show_within_days').notNull().default(90),
  noShowBlockDays: integer('no_show_block_days').notNull().default(30),
  checkInEarlyMinutes: integer('check_in_early_minutes').notNull().default(30),
  checkInLateMinutes: integer('check_in_late_minutes').notNull().default(15),
  lateCheckIn: text('late_check_in').$type<'walk_in' | 'refuse'>().notNull().default('walk_in'),
  confirmByPhone: boolean('confirm_by_phone').notNull().default(false),
  holdMinutes: integer('hold_minutes').notNull().default(10),
  reminderTime: text('reminder_time').notNull().default('12:00'),
});
export type BookingSettingsRow = typeof bookingSettings.$inferSelect;

export const bookingOfficeSettings = pgTable('booking_office_settings', {
  officeCode: text('office_code').primaryKey(),
  bookingShare: real('booking_share'),
});

export const bookingServiceMinutes = pgTable(
  'booking_service_minutes',
  {
    officeCode: text('office_code').notNull(),
    serviceCode: text('service_code').notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.serviceCode] })],
);

export const bookings = pgTable('bookings', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  officeCode: text('office_code').notNull(),
  serviceCode: text('service_code').notNull(),
  startsAt: timestamptz('starts_at').notNull(),
  endsAt: timestamptz('ends_at').notNull(),
  localDate: isoDate('local_date').notNull(),
  cells: jsonb('cells').$type<number[]>().notNull(),
  status: text('status').$type<BookingStatus>().notNull().default('booked'),
  /** Sealed. */
  name: text('name').notNull(),
  /** Sealed, normal form +79…. */
  phone: text('phone').notNull(),
  phoneHash: text('phone_hash').notNull(),
  /** Sealed. */
  email: text('email'),
  locale: text('locale').$type<'ru' | 'en'>().notNull().default('ru'),
  consentSms: boolean('consent_sms').notNull().default(false),
  channel: text('channel').$type<BookingChannel>().notNull(),
  createdBy: uuid('created_by'),
  kioskId: uuid('kiosk_id'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  holdExpiresAt: timestamptz('hold_expires_at'),
  confirmHash: text('confirm_hash'),
  confirmAttempts: smallint('confirm_attempts').notNull().default(0),
  cancelledAt: timestamptz('cancelled_at'),
  cancelReason: text('cancel_reason').$type<CancelReason>(),
  cancelNotified: boolean('cancel_notified').notNull().default(false),
  remindedAt: timestamptz('reminded_at'),
  checkedInAt: timestamptz('checked_in_at'),
  ticketId: uuid('ticket_id'),
  noShowAt: timestamptz('no_show_at'),
  /** Written by `okno simulate` (migration 0011). */
  simulated: boolean('simulated').notNull().default(false),
});
export type BookingRow = typeof bookings.$inferSelect;

export const bookingSeats = pgTable(
  'booking_seats',
  {
    officeCode: text('office_code').notNull(),
    cellStart: timestamptz('cell_start').notNull(),
    scope: text('scope').notNull(),
    used: integer('used').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.cellStart, t.scope] })],
);

export const bookingRequests = pgTable('booking_requests', {
  key: text('key').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  bookingId: uuid('booking_id'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export type BookingEventKind =
  | 'booked'
  | 'held'
  | 'confirmed'
  | 'rescheduled'
  | 'cancelled'
  | 'reminded'
  | 'checked_in'
  | 'no_show'
  | 'expired';

export const bookingEvents = pgTable('booking_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  bookingId: uuid('booking_id').notNull(),
  at: timestamptz('at').notNull().defaultNow(),
  kind: text('kind').$type<BookingEventKind>().notNull(),
  actorId: uuid('actor_id'),
  details: jsonb('details').$type<Record<string, unknown>>(),
});
