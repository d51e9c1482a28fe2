import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  figuresQuerySchema,
  figuresSchema,
  messageIdParamsSchema,
  outboxMessageDetailSchema,
  outboxPageSchema,
  outboxQuerySchema,
  retryBodySchema,
  retryResultSchema,
  testMessageBodySchema,
  testMessageResultSchema,
} from '../../../shared/notifications.admin.js';
import * as notifications from './notifications.service.js';

const tags = ['admin: notifications'];
/** The outbox is the region's: the admin of the whole region. */
const regionAdmin = { policy: { roles: ['admin'], region: true } } as const;

/** The outbox for the admin: messages with filters, a message's attempts, retries, delivery figures. */
export const notificationsStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/api/admin/notifications/messages',
    {
      config: regionAdmin,
      schema: {
        tags,
        summary:
          'Messages of the outbox, newest first: by status (failed: the dead letters), channel, event, days',
        querystring: outboxQuerySchema,
        response: { 200: outboxPageSchema },
      },
    },
    async (request) => notifications.listMessages(db(), request.query),
  );

  app.get(
    '/api/admin/notifications/messages/:id',
    {
      config: regionAdmin,
      schema: {
        tags,
        summary: 'A message with every attempt to deliver it',
        params: messageIdParamsSchema,
        response: { 200: outboxMessageDetailSchema },
      },
    },
    async (request) => notifications.getMessage(db(), request.params.id),
  );

  app.post(
    '/api/admin/notifications/messages/retry',
    {
      config: regionAdmin,
      schema: {
        tags,
        summary:
          'Sends failed messages again, now, each with a fresh set of attempts (others are left as they are)',
        body: retryBodySchema,
        response: { 200: retryResultSchema },
      },
    },
    async (request) =>
      notifications.retryMessages(
        db(),
        app.deps.database.hub,
        request.body.ids,
        app.deps.config.notifications.maxAttempts,
      ),
  );

  app.get(
    '/api/admin/notifications/figures',
    {
      config: regionAdmin,
      schema: {
        tags,
        summary: 'Delivery per channel: counts by status, success and delivery rates, lag, attempts',
        querystring: figuresQuerySchema,
        response: { 200: figuresSchema },
      },
    },
    async (request) =>
      notifications.deliveryFigures(db(), app.outbox.channels, request.query.from, request.query.to),
  );

  app.post(
    '/api/admin/notifications/test',
    {
      config: regionAdmin,
      schema: {
        tags,
        summary:
          'Writes a test message to an address of yours on one channel, to check its gateway end to end',
        body: testMessageBodySchema,
        response: { 200: testMessageResultSchema },
      },
    },
    async (request) => notifications.sendTestMessage(db(), app.outbox.deps(), request.body),
  );
};
