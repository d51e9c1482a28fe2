import { z } from 'zod';
import { pageQuery } from './admin-common.js';
import { isoDateSchema } from './network.js';
import { channelSchema, messageStatusSchema, notificationEventSchema } from './notifications.js';

/** Contracts of the outbox for the admin: the messages, their attempts, retries, delivery figures. */

/** A real calendar day (`2026-13-45` would reach SQL's `::date` and fail there as a 500). */
const day = isoDateSchema;

export const outboxQuerySchema = z.object({
  status: messageStatusSchema.optional(),
  channel: channelSchema.optional(),
  event: notificationEventSchema.optional(),
  /** Created on or after this day (in the region's time zone). */
  from: day.optional(),
  /** Created on or before this day (in the region's time zone). */
  to: day.optional(),
  ...pageQuery,
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxMessageSchema = z.object({
  id: z.string(),
  event: notificationEventSchema,
  channel: channelSchema,
  status: messageStatusSchema,
  /** `+7 *** ***-**-89`, `i***@mail.ru`: never the address. */
  recipient: z.string(),
  locale: z.enum(['ru', 'en']),
  office: z.string().nullable(),
  about: z.object({ kind: z.string(), ref: z.string() }).nullable(),
  attempts: z.number().int(),
  attemptLimit: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  provider: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxPageSchema = z.object({ items: z.array(outboxMessageSchema), total: z.number().int() });
export type OutboxPage = z.infer<typeof outboxPageSchema>;

export const outboxAttemptSchema = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['sent', 'retry', 'permanent', 'expired']),
  detail: z.string().nullable(),
  worker: z.string(),
});
export type OutboxAttempt = z.infer<typeof outboxAttemptSchema>;

export const outboxMessageDetailSchema = outboxMessageSchema.extend({
  attempts: z.array(outboxAttemptSchema),
});
export type OutboxMessageDetail = z.infer<typeof outboxMessageDetailSchema>;

export const messageIdParamsSchema = z.object({ id: z.uuid() });

/** Failed messages to send again (each gets a fresh set of attempts). */
export const retryBodySchema = z.object({ ids: z.array(z.uuid()).min(1).max(500) });
export const retryResultSchema = z.object({ retried: z.number().int() });

export const figuresQuerySchema = z.object({ from: day.optional(), to: day.optional() });
export const channelFiguresSchema = z.object({
  channel: channelSchema,
  /** Whether the channel has a gateway configured on this instance. */
  configured: z.boolean(),
  total: z.number().int(),
  byStatus: z.record(messageStatusSchema, z.number().int()),
  /** Sent or delivered over all that ended (sent, delivered, failed); null when none ended. */
  successRate: z.number().nullable(),
  /** Delivered over sent-or-delivered, where the gateway reports delivery; null when none was sent. */
  deliveryRate: z.number().nullable(),
  /** Seconds from being written to being handed over: median and 99th percentile. */
  lagP50Seconds: z.number().nullable(),
  lagP99Seconds: z.number().nullable(),
  averageAttempts: z.number().nullable(),
});
export type ChannelFigures = z.infer<typeof channelFiguresSchema>;
export const figuresSchema = z.object({ channels: z.array(channelFiguresSchema) });
export type OutboxFigures = z.infer<typeof figuresSchema>;

/** A test message (event `channel.test`) to an address of the admin's, to check a channel end to end. */
export const testMessageBodySchema = z.object({
  channel: channelSchema,
  /** A phone (+7…, 8…) for SMS, an e-mail address for e-mail. */
  to: z.string().trim().min(3).max(254),
  locale: z.enum(['ru', 'en']).default('ru'),
});
export type TestMessageBody = z.input<typeof testMessageBodySchema>;
export const testMessageResultSchema = z.object({ id: z.string() });
