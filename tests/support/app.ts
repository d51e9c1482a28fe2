import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Config, testConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { type Backend, backends, openTestDatabase } from './databases.js';

export type TestContext = { kind: Backend; database: Database; app: FastifyInstance };

/**
 * Runs the same tests on PGlite and on PostgreSQL 15: each backend gets a fresh seeded database and an
 * app built on it, reached through `app.inject`. `ctx()` is valid inside tests and hooks.
 */
export function describeOnBackends(
  name: string,
  body: (ctx: () => TestContext) => void,
  options: { config?: Partial<Config>; clock?: () => Date } = {},
): void {
  for (const kind of backends) {
    describe(`${name} [${kind}]`, () => {
      let context: TestContext | undefined;
      beforeAll(async () => {
        const database = await openTestDatabase(kind);
        const app = await buildApp({
          config: testConfig(options.config),
          database,
          webDir: '/nonexistent',
          clock: options.clock,
        });
        await app.ready();
        context = { kind, database, app };
      });
      afterAll(async () => {
        await context?.app.close();
        await context?.database.close();
      });
      body(() => {
        if (!context) throw new Error('test context used outside a test');
        return context;
      });
    });
  }
}
