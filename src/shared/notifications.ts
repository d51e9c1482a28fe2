import { z } from 'zod';

/**
 * Notifications: the events that send a message to a citizen, the channels they leave by, and the life of
 * a message in the outbox. Shared by the server (outbox, worker, templates) and the web app (admin, call center).
 */

/** What happened, as a template name: each has a Russian and an English text per channel. */
export const notificationEventSchema = z.enum([
  'booking.confirmed',
  'booking.rescheduled',
  'booking.reminder',
  'booking.cancelled',
  'booking.confirm_code',
  'ticket.turn_near',
  'case.stage',
  'case.result_ready',
  'case.return_soon',
  'visit.rating',
  'case.rating',
  'channel.test',
]);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;
export const notificationEvents = notificationEventSchema.options;

export const channelSchema = z.enum(['sms', 'email']);
export type Channel = z.infer<typeof channelSchema>;
export const channels = channelSchema.options;

/**
 * queued: waiting for its time (a retry's, or the end of the quiet hours); sending: a worker holds it;
 * sent: the gateway took it; delivered: the gateway reported delivery; failed: a permanent refusal, the
 * attempts used up, or too late to matter (its reason says which).
 */
export const messageStatusSchema = z.enum(['queued', 'sending', 'sent', 'delivered', 'failed']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;
export const messageStatuses = messageStatusSchema.options;

export const localeSchema = z.enum(['ru', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/**
 * What a template may use. Only the name of the person, never other personal data; never a case's PIN.
 * Dates and times are instants (ISO 8601) shown in `timeZone`, the office's.
 */
export type MessageContext = {
  locale: Locale;
  /** The name the person gave (first name, or first name and patronymic); null: a neutral greeting. */
  name: string | null;
  timeZone: string;
  office?: { name: string; address: string; phone?: string | null };
  service?: { title: string; shortTitle: string; documents: string[] };
  /** The booked time, the day a result goes back to the agency, …: an ISO instant. */
  at?: string;
  bookingCode?: string;
  /** The code that confirms a held booking (sent by SMS only; it confirms a time, it opens nothing). */
  confirmCode?: string;
  ticketNumber?: string;
  /** The window's number or label the ticket is called to. */
  window?: string;
  /** People ahead of the ticket. */
  ahead?: number;
  caseNumber?: string;
  stage?: { title: string; citizenText: string };
  /** A page for the person: the booking's, the ticket's, the case's status, the rating form (/rate/{token}). */
  link?: string;
};
