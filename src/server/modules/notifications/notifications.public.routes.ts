import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors.js';
import { AppError } from '../../errors.js';
import { DeliveryReportError, parseDeliveryReport } from './channels/channels.js';
import * as notifications from './notifications.service.js';

const tags = ['notifications'];
const tokenParams = z.object({ token: z.string().min(10).max(200) });
const deliveryQuery = z.object({ token: z.string().max(500).optional() });

/**
 * What citizens and gateways call: the unsubscribe link of every e-mail (the page asks, then posts; mail
 * clients post at once — RFC 8058 one-click), and the SMS gateway's delivery reports (with the shared
 * secret DELIVERY_REPORT_TOKEN, as a bearer token or `?token=` for gateways that cannot set headers).
 */
export const notificationsPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  // SMS.ru and one-click unsubscribe post forms.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 65_536 },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/notifications/unsubscribe/:token',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary: 'Whether an unsubscribe link is valid (the page asks before it unsubscribes)',
        params: tokenParams,
        response: { 200: z.object({ valid: z.literal(true), channel: z.literal('email') }) },
      },
    },
    async (request) => {
      if (!notifications.checkUnsubscribeToken(app.personalData, request.params.token))
        throw new AppError('NOT_FOUND', 'unsubscribe link not found');
      return { valid: true as const, channel: 'email' as const };
    },
  );

  app.post(
    '/api/notifications/unsubscribe/:token',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          'No more e-mail to the address of this link (idempotent; also the one-click List-Unsubscribe-Post)',
        params: tokenParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await notifications.unsubscribe(app.deps.database.db, app.personalData, request.params.token);
      return { ok: true as const };
    },
  );

  /** The shared secret of the gateway, as a bearer token or `?token=`; refused when none is configured. */
  const checkGateway = (request: { headers: { authorization?: string }; query: { token?: string } }) => {
    const expected = app.deps.config.notifications.deliveryReportToken;
    const given = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? request.query.token ?? '';
    if (!expected || !sameSecret(given, expected))
      throw new AppError('UNAUTHENTICATED', 'a delivery report needs the gateway’s token');
  };
  const reportsIn = (format: 'json' | 'smsru', body: unknown) => {
    try {
      return parseDeliveryReport(format, body);
    } catch (err) {
      if (err instanceof DeliveryReportError)
        throw new AppError('VALIDATION', `not a delivery report: ${err.message}`);
      throw err;
    }
  };

  app.post(
    '/api/notifications/delivery-reports/json',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          "An SMS gateway's delivery reports in okno's JSON format: { id, status: delivered|failed, reason? } or a list",
        querystring: deliveryQuery,
        body: z.unknown(),
        response: {
          200: z.object({ changed: z.number().int() }),
          401: errorBodySchema.describe('Without the gateway’s token (UNAUTHENTICATED).'),
        },
      },
    },
    async (request) => {
      checkGateway(request);
      const reports = reportsIn('json', request.body);
      return { changed: await notifications.applyDeliveryReports(app.deps.database.db, 'sms-json', reports) };
    },
  );

  app.post(
    '/api/notifications/delivery-reports/smsru',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          "SMS.ru's delivery callback (form data[] lines); answered with the text 100, as SMS.ru expects",
        querystring: deliveryQuery,
        body: z.unknown(),
        response: {
          200: z.literal('100').describe('text/plain'),
          401: errorBodySchema.describe('Without the gateway’s token (UNAUTHENTICATED).'),
        },
      },
    },
    async (request, reply) => {
      checkGateway(request);
      const reports = reportsIn('smsru', request.body);
      await notifications.applyDeliveryReports(app.deps.database.db, 'sms.ru', reports);
      return reply.type('text/plain; charset=utf-8').send('100');
    },
  );
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
