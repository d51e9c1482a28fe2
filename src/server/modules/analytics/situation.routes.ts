import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { situationSchema } from '../../../shared/analytics.js';
import { officesNow } from '../network/network.service.js';
import { hsts } from '../staff/auth.plugin.js';
import { actorScope } from '../staff/auth.policy.js';
import { servedOverHttps } from '../staff/auth.request.js';
import { situation } from './situation.js';
import { createSituationStreams } from './situation.stream.js';

const tags = ['staff: analytics'];
/** The whole region for an analyst or admin with a region grant; their offices for an office head. */
const roles = ['analyst', 'office_head', 'admin'] as const;
const policy = { policy: { roles } } as const;

/** The situational center: every office of the scope live (GET), and a stream that says when to read again. */
export const situationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  const now = () => app.deps.clock?.() ?? new Date();
  const streams = createSituationStreams({ hub: database.hub, log: app.log });
  // Open streams would keep the server from closing: end them first (screens reconnect).
  app.addHook('preClose', async () => streams.close());

  app.get(
    '/api/analytics/situation',
    {
      config: policy,
      schema: {
        tags,
        summary:
          'Every office of the scope now: waiting, longest and predicted wait, windows open, today’s visits against the usual for the weekday, alerts (wait over target, window closed in hours, kiosk offline)',
        response: { 200: situationSchema },
      },
    },
    async (request) => situation({ db: database.db, now: now(), scope: actorScope(request, roles) }),
  );

  app.get(
    '/api/analytics/situation/stream',
    {
      config: policy,
      schema: {
        tags,
        summary:
          'Server-Sent Events: `changed` ({offices: codes, or null for any}) at most once a second when the queue of an office of the scope changed — read the situation again; a comment every 25 s',
      },
    },
    async (request, reply) => {
      const scope = actorScope(request, roles);
      const offices =
        scope === 'region'
          ? null
          : new Set((await officesNow(database.db, now(), undefined, scope)).map((o) => o.code));
      reply.hijack();
      const headers: Record<string, string> = {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      };
      if (servedOverHttps(request)) headers['strict-transport-security'] = hsts;
      try {
        await streams.connect(reply.raw, offices, headers);
      } catch (err) {
        request.log.error({ err }, 'situation stream could not start');
        if (!reply.raw.headersSent) reply.raw.writeHead(503, { 'content-type': 'application/json' });
        reply.raw.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'try again' } }));
      }
    },
  );
};
