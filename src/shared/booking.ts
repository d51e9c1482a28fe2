import { z } from 'zod';
import { parseBookingCode } from './booking-code.js';
import { normalizeMobile } from './contacts.js';
import { isoDateSchema } from './network.js';
import { issuedTicketSchema } from './queue.js';

/**
 * Pre-booking a time at an office's window (issue 10): the API contracts shared by the server, the portal,
 * the kiosk, the call center and the operator's console. Times are ISO instants with the office's offset
 * (`2026-12-01T10:30:00+03:00`); dates are the office's local dates.
 */

const code = z.string().trim().min(1).max(64);

export const bookingChannelSchema = z.enum(['portal', 'kiosk', 'callcenter', 'operator']);
export type BookingChannel = z.infer<typeof bookingChannelSchema>;
export const bookingChannels = bookingChannelSchema.options;

/**
 * held: waiting for the phone's confirmation code (when the region asks for one); booked: confirmed;
 * checked_in: came and took the queue's ticket; cancelled; no_show: did not check in by the end of the
 * window; expired: a hold never confirmed.
 */
export const bookingStatusSchema = z.enum([
  'held',
  'booked',
  'checked_in',
  'cancelled',
  'no_show',
  'expired',
]);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;
export const activeBookingStatuses = ['held', 'booked'] as const satisfies BookingStatus[];

/** Why a booking was cancelled: by the person, by staff (the call center, the office), or the office closed. */
export const cancelReasonSchema = z.enum(['citizen', 'staff', 'office_closed']);
export type CancelReason = z.infer<typeof cancelReasonSchema>;

/** A Russian mobile number in any common spelling (+7, 8, spaces, brackets, dashes), kept as +79XXXXXXXXX. */
export const mobileSchema = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    const phone = normalizeMobile(value);
    if (phone) return phone;
    ctx.addIssue({
      code: 'custom',
      message: 'expected a Russian mobile number: +7 9XX XXX-XX-XX (8, spaces, brackets and dashes are fine)',
      params: { rule: 'russian_mobile' },
    });
    return z.NEVER;
  });

/** A booking code as typed or scanned (any case, dashes, the slip's QR link), in its normal form. */
export const bookingCodeSchema = z
  .string()
  .max(300)
  .transform((value, ctx) => {
    const parsed = parseBookingCode(value);
    if (parsed) return parsed;
    ctx.addIssue({ code: 'custom', message: 'expected a booking code', params: { rule: 'booking_code' } });
    return z.NEVER;
  });

/** An instant with an offset or Z: `2026-12-01T10:30:00+03:00`. */
export const instantSchema = z.iso.datetime({ offset: true });

// ── free times ──────────────────────────────────────────────────────────────────────────────────────────

export const bookingOfficeParamsSchema = z.object({ office: code });

/** GET /api/offices/{office}/availability: from and to default to today and the end of the horizon (≤ 62 days). */
export const availabilityQuerySchema = z.object({
  service: code,
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export const availabilitySchema = z.object({
  office: z.string(),
  service: z.string(),
  timeZone: z.string(),
  /** Every date of the range; `free` counts the times of that day with a seat left (0: none, or closed). */
  days: z.array(z.object({ date: z.string(), free: z.number().int() })),
});
export type Availability = z.infer<typeof availabilitySchema>;

export const slotsQuerySchema = z.object({ service: code, date: isoDateSchema });
export const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** Seats left at this time (0: taken). */
  free: z.number().int(),
});
export type Slot = z.infer<typeof slotSchema>;
export const daySlotsSchema = z.object({
  office: z.string(),
  service: z.string(),
  date: z.string(),
  timeZone: z.string(),
  slots: z.array(slotSchema),
});
export type DaySlots = z.infer<typeof daySlotsSchema>;

/** GET /api/bookings/offices: the offices offering a service, nearest first, each with its first free time. */
export const bookingOfficesQuerySchema = z.object({
  service: code,
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  /** Only these offices (comma-separated codes), e.g. the call center's caller's district. */
  offices: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const bookingOfficeSchema = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string(),
  district: z.string(),
  timeZone: z.string(),
  distanceKm: z.number().nullable(),
  /** The first time with a seat left within the horizon; null: none. */
  firstFree: slotSchema.extend({ date: z.string() }).nullable(),
});
export type BookingOffice = z.infer<typeof bookingOfficeSchema>;
export const bookingOfficesSchema = z.object({ service: z.string(), offices: z.array(bookingOfficeSchema) });

// ── booking ─────────────────────────────────────────────────────────────────────────────────────────────

export const bookingConsentsSchema = z
  .object({
    /** Consent to the processing of personal data (152-ФЗ): required. */
    personalData: z.literal(true, { message: 'consent to the processing of personal data is required' }),
    /** Consent to SMS messages: without it, no SMS (e-mail still goes if given). */
    sms: z.boolean().optional(),
  })
  .strict();

/** POST /api/bookings (an `Idempotency-Key` header makes a retry return the same booking). */
export const bookingCreateSchema = z
  .object({
    office: code,
    service: code,
    start: instantSchema,
    name: z.string().trim().min(1).max(200),
    phone: mobileSchema,
    email: z.email().max(254).optional(),
    consents: bookingConsentsSchema,
    locale: z.enum(['ru', 'en']).optional(),
  })
  .strict();
export type BookingCreate = z.input<typeof bookingCreateSchema>;
export const idempotencyHeader = 'idempotency-key';

export const bookingCodeParamsSchema = z.object({ code: bookingCodeSchema });
export const bookingPhoneQuerySchema = z.object({ phone: mobileSchema });
export const bookingCancelSchema = z.object({ phone: mobileSchema }).strict();
export const bookingRescheduleSchema = z.object({ phone: mobileSchema, start: instantSchema }).strict();
export const bookingConfirmSchema = z
  .object({
    phone: mobileSchema,
    pin: z
      .string()
      .trim()
      .regex(/^\d{4,8}$/, 'expected the code from the SMS'),
  })
  .strict();

/** A booking as its holder sees it (code + phone), and staff of its office. */
export const bookingSchema = z.object({
  code: z.string(),
  status: bookingStatusSchema,
  office: z.object({ code: z.string(), name: z.string(), address: z.string(), timeZone: z.string() }),
  service: z.object({ code: z.string(), title: z.string() }),
  start: z.string(),
  end: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  emailMasked: z.string().nullable(),
  channel: bookingChannelSchema,
  createdAt: z.string(),
  /** A held booking is released at this time unless the SMS code is entered. */
  holdExpiresAt: z.string().nullable(),
  cancelReason: cancelReasonSchema.nullable(),
  /** What to bring, from the catalog. */
  documents: z.array(z.object({ name: z.string(), required: z.boolean() })),
  /** The check-in window: from … until (kiosk or staff). */
  checkIn: z.object({ from: z.string(), until: z.string() }),
});
export type Booking = z.infer<typeof bookingSchema>;

/** 409 SLOT_TAKEN's details: the nearest times with a seat left (same office and service). */
export const slotTakenDetailsSchema = z.object({ nearest: z.array(slotSchema) });

// ── check-in ────────────────────────────────────────────────────────────────────────────────────────────

/** POST /api/offices/{office}/check-in: the code typed or the slip's QR as scanned. */
export const checkInSchema = z.object({ code: bookingCodeSchema }).strict();
/**
 * 201 of the check-in: the queue's ticket and the booked time it is called at (with the office's offset; the
 * kiosk prints «по записи на 10:30»), null when the visitor came late and got an ordinary ticket.
 */
export const checkedInTicketSchema = issuedTicketSchema.extend({ bookedFor: z.string().nullable() });
export type CheckedInTicket = z.infer<typeof checkedInTicketSchema>;

// ── staff ───────────────────────────────────────────────────────────────────────────────────────────────

export const staffBookingsQuerySchema = z.object({
  date: isoDateSchema.optional(),
  status: bookingStatusSchema.optional(),
  cancelReason: cancelReasonSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
/** A booking in a staff list: masked, never the full phone. */
export const staffBookingSchema = z.object({
  code: z.string(),
  status: bookingStatusSchema,
  officeCode: z.string(),
  service: z.object({ code: z.string(), title: z.string() }),
  start: z.string(),
  end: z.string(),
  nameMasked: z.string(),
  phoneMasked: z.string(),
  channel: bookingChannelSchema,
  cancelReason: cancelReasonSchema.nullable(),
  cancelledAt: z.string().nullable(),
  notified: z.boolean(),
});
export type StaffBooking = z.infer<typeof staffBookingSchema>;

export const bookingReportQuerySchema = z.object({ from: isoDateSchema, to: isoDateSchema });
export const bookingReportSchema = z.object({
  office: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byChannel: z.record(bookingChannelSchema, z.number().int()),
  byStatus: z.record(bookingStatusSchema, z.number().int()),
  /** No-shows among bookings whose time has passed (checked in + no-show), 0…1; null when none passed. */
  noShowRate: z.number().nullable(),
  /** Checked-in visitors called within 5 and 15 minutes of their booked time, 0…1; null when none called. */
  calledWithin5: z.number().nullable(),
  calledWithin15: z.number().nullable(),
  cancelledByClosure: z.number().int(),
});
export type BookingReport = z.infer<typeof bookingReportSchema>;

// ── settings (the region's booking.json) ────────────────────────────────────────────────────────────────

export const bookingSettingsSchema = z
  .object({
    /** Times start on this grid (minutes past midnight, office's wall clock). */
    gridMinutes: z.number().int().min(5).max(120).default(15),
    /** A service's time at the window when neither the region nor the office names one. */
    defaultServiceMinutes: z.number().int().min(5).max(480).default(15),
    /** Share of window time open to booking; the rest stays for walk-ins. */
    bookingShare: z.number().min(0).max(1).default(0.5),
    noticeMinutes: z.number().int().min(0).max(10_080).default(120),
    horizonDays: z.number().int().min(1).max(365).default(30),
    maxActivePerPhone: z.number().int().min(1).max(50).default(3),
    /** This many no-shows within `noShowWithinDays` block booking for `noShowBlockDays`. */
    noShowLimit: z.number().int().min(1).max(100).default(3),
    noShowWithinDays: z.number().int().min(1).max(3650).default(90),
    noShowBlockDays: z.number().int().min(1).max(3650).default(30),
    checkInEarlyMinutes: z.number().int().min(0).max(240).default(30),
    checkInLateMinutes: z.number().int().min(0).max(240).default(15),
    /** Checking in after the window: an ordinary ticket, or refused. */
    lateCheckIn: z.enum(['walk_in', 'refuse']).default('walk_in'),
    /** Hold the slot until the code sent by SMS is entered. */
    confirmByPhone: z.boolean().default(false),
    holdMinutes: z.number().int().min(1).max(60).default(10),
    /** The reminder goes the day before, from this local time of the office. */
    reminderTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .default('12:00'),
  })
  .strict();
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;

export const bookingRegionFileSchema = z
  .object({
    settings: bookingSettingsSchema.prefault({}),
    /** Minutes per service code. */
    serviceMinutes: z.record(z.string(), z.number().int().min(5).max(480)).default({}),
    /** Per office: its share of booking and its own service minutes. */
    offices: z
      .record(
        z.string(),
        z
          .object({
            bookingShare: z.number().min(0).max(1).optional(),
            serviceMinutes: z.record(z.string(), z.number().int().min(5).max(480)).default({}),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();
export type BookingRegionFile = z.infer<typeof bookingRegionFileSchema>;
