import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Config, ConfigError } from './config.js';
import type { Database } from './db/client.js';
import { registerErrorHandler } from './errors.js';
import { answerClientError } from './http/client-error.js';
import { refuseNulCharacters } from './http/nul-characters.js';
import { describeRoute, securitySchemes } from './http/openapi.js';
import { canonicalRequestUrl, refusedPathOf } from './http/refused-path.js';
import { webPageStatus } from './http/web-pages.js';
import { loggerOptions } from './logger.js';
import { registerAnalytics } from './modules/analytics/analytics.plugin.js';
import { registerBooking } from './modules/booking/booking.plugin.js';
import { bookingPublicRoutes } from './modules/booking/booking.public.routes.js';
import { bookingStaffRoutes } from './modules/booking/booking.staff.routes.js';
import { bookingSlipRoutes } from './modules/booking/booking-slip.routes.js';
import { callcenterStaffRoutes } from './modules/callcenter/callcenter.staff.routes.js';
import { registerCases } from './modules/cases/cases.plugin.js';
import { registerRoutes } from './modules/cases/registers.routes.js';
import { requestRoutes } from './modules/cases/requests.routes.js';
import { registerAgencyRequests } from './modules/cases/requests.worker.js';
import { registerCatalogCache } from './modules/catalog/catalog.cache.js';
import { catalogPublicRoutes } from './modules/catalog/catalog.public.routes.js';
import { catalogStaffRoutes } from './modules/catalog/catalog.staff.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { historyRoutes } from './modules/history/history.routes.js';
import { networkPublicRoutes } from './modules/network/network.public.routes.js';
import { networkStaffRoutes } from './modules/network/network.staff.routes.js';
import { notificationsPublicRoutes } from './modules/notifications/notifications.public.routes.js';
import { notificationsStaffRoutes } from './modules/notifications/notifications.staff.routes.js';
import { registerOutbox } from './modules/notifications/outbox.plugin.js';
import { qualityRoutes } from './modules/quality/quality.routes.js';
import { boardPublicRoutes } from './modules/queue/board.public.routes.js';
import { kioskRoutes } from './modules/queue/kiosks.routes.js';
import { registerQueueDayEnd } from './modules/queue/queue.plugin.js';
import { queuePublicRoutes } from './modules/queue/queue.public.routes.js';
import { queueStaffRoutes } from './modules/queue/queue.staff.routes.js';
import { registerAuth } from './modules/staff/auth.plugin.js';
import { adminUserRoutes } from './modules/staff/users.routes.js';
import { type PersonalDataCipher, personalDataCipher } from './privacy/personal-data.js';

export type AppDeps = {
  config: Config;
  database: Database;
  webDir?: string;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: Writable;
  /** The time the queue's routes work at (tests and the benchmark pin or compress it); the real clock by default. */
  clock?: () => Date;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Seals and finds personal data (privacy/personal-data.ts). */
    personalData: PersonalDataCipher;
  }
}

/** Builds the whole API; every module is registered here, in order, so the API reads in one screen. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { tls, trustProxy } = deps.config;
  // With TLS files okno serves https itself; the instance is typed as the plain server (same API).
  const https = tls ? { https: { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {};
  const app = Fastify({
    ...(https as object),
    logger: loggerOptions(deps.config.logLevel, deps.logStream),
    // Only the listed proxies are believed (config.ts).
    trustProxy,
    bodyLimit: 1_048_576,
    // Route words match in any case; parameters keep theirs (see canonical-path.ts).
    routerOptions: { maxParamLength: 200, caseSensitive: false },
    rewriteUrl: canonicalRequestUrl,
    genReqId: () => crypto.randomUUID(),
    // Refusals by Node's HTTP parser itself (an over-long URL or header, a malformed request) in the error shape.
    clientErrorHandler: answerClientError,
    // Router-level refusals (a malformed URL, an over-long path parameter) get the same error body as the rest.
    frameworkErrors: (err, _request, reply) => {
      const code = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'VALIDATION' : 'BAD_REQUEST';
      void (reply as FastifyReply).status(400).send({ error: { code, message: err.message } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  if (!deps.config.personalDataKey)
    throw new ConfigError(
      'invalid configuration:\n  PERSONAL_DATA_KEY: required (privacy/personal-data-key.ts)',
    );
  app.decorate('personalData', personalDataCipher(deps.config.personalDataKey));
  registerErrorHandler(app);
  refuseNulCharacters(app);

  // Answers over 1 KiB compressed by the client's Accept-Encoding (brotli at a fast level, else gzip); the
  // web app's files come precompressed from the build (registerWeb), which this leaves as they are.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'okno API', version: '0.1.0', description: 'МФЦ network: catalog, offices, calendar' },
      components: { securitySchemes },
    },
    transform: describeRoute,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Before every domain module: its hooks guard them, and it refuses a staff route without a policy.
  await registerAuth(app);
  // Public catalog reads are cached per instance; changes drop the cache (catalog.cache.ts).
  registerCatalogCache(app);
  // Messages to citizens leave through the outbox; its worker starts and stops with the app.
  registerOutbox(app);

  await app.register(healthRoutes);
  // Domain modules, in order.
  await app.register(networkPublicRoutes);
  await app.register(catalogPublicRoutes);
  await app.register(networkStaffRoutes);
  await app.register(catalogStaffRoutes);
  await app.register(adminUserRoutes);
  await app.register(historyRoutes);
  await app.register(notificationsPublicRoutes);
  await app.register(notificationsStaffRoutes);
  await app.register(callcenterStaffRoutes);
  await app.register(queuePublicRoutes);
  await app.register(boardPublicRoutes);
  await app.register(queueStaffRoutes);
  await app.register(kioskRoutes);
  registerQueueDayEnd(app);
  await app.register(bookingPublicRoutes);
  await app.register(bookingSlipRoutes);
  await app.register(bookingStaffRoutes);
  registerBooking(app);
  await registerCases(app);
  await app.register(registerRoutes);
  await app.register(requestRoutes);
  registerAgencyRequests(app);
  await app.register(qualityRoutes);
  await registerAnalytics(app);

  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await registerWeb(app, deps.webDir ?? resolve('dist/web'));
  return app;
}

/**
 * Serves the built React app when there is one; any other non-API GET falls back to index.html
 * (client-side routing). Everything else that matches no route is a NOT_FOUND error.
 */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      // The .br/.gz copies made at build time (scripts/compress-web.ts), by the client's Accept-Encoding.
      preCompressed: true,
      // Hashed assets never change under their name: a year, immutable. Anything else is revalidated.
      setHeaders: (reply, path) =>
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  app.setNotFoundHandler(async (request, reply) => {
    const refused = refusedPathOf(request);
    if (refused) return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: refused } });
    const path = request.url.split('?')[0];
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/')) {
      const status = await webPageStatus(app.deps.database.db, path);
      // A missing file (`/logo.png`) is no page; a page's own parameter may end like one (a signed token).
      if (status === 200 || !/\.\w+$/.test(path))
        return reply.status(status).type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${path}` } });
  });
}
