import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boardStateSchema, officeParamsSchema } from '../../../shared/queue.js';
import { notFound } from '../../errors.js';
import { officeExists } from '../network/network.service.js';
import { hsts } from '../staff/auth.plugin.js';
import { servedOverHttps } from '../staff/auth.request.js';
import { boardState } from './board.service.js';
import { createBoardStreams, eventIdOf } from './board.stream.js';

/**
 * The display board of an office: its state when it opens, then its live stream (board.stream.ts). Public
 * and sessionless: a TV in the hall signs in to nothing, and a staff member's browser showing a board must
 * not be asked for a CSRF token.
 */
export const boardPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  const streams = createBoardStreams({ db: database.db, hub: database.hub, log: app.log });
  // Open streams would keep the server from closing (its close waits for busy connections, and onClose runs
  // after it): end them before, in preClose; boards reconnect to another instance or after the restart.
  app.addHook('preClose', async () => streams.close());

  app.get(
    '/api/offices/:office/board',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags: ['queue'],
        summary:
          'The display board when it opens: the office, its message, the number waiting, the latest calls',
        params: officeParamsSchema,
        response: { 200: boardStateSchema },
      },
    },
    async (request) => boardState(database.db, request.params.office, app.deps.clock?.() ?? new Date()),
  );

  app.get(
    '/api/offices/:office/board/events',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags: ['queue'],
        summary:
          'The board as Server-Sent Events: `call` (id = its sequence number; data a board call) and `queue` ({waiting}); resumes after Last-Event-ID, else after `after`, else from now',
        params: officeParamsSchema,
        querystring: z.object({
          after: z.coerce
            .number()
            .int()
            .min(0)
            .optional()
            .describe('the lastSeq of GET /board: the stream starts with the call after it'),
        }),
      },
    },
    async (request, reply) => {
      const { office } = request.params;
      if (!(await officeExists(database.db, office))) throw notFound(`office ${office}`);
      const after = eventIdOf(request.headers['last-event-id']) ?? request.query.after;
      reply.hijack();
      const headers: Record<string, string> = {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      };
      if (servedOverHttps(request)) headers['strict-transport-security'] = hsts;
      try {
        await streams.connect(office, after, reply.raw, headers);
      } catch (err) {
        request.log.error({ err }, 'board stream could not start');
        if (!reply.raw.headersSent) reply.raw.writeHead(503, { 'content-type': 'application/json' });
        reply.raw.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'try again' } }));
      }
    },
  );
};
