import { defineConfig } from 'vitest/config';

/**
 * Three projects, one command (`npm test` runs them all; `npm run test:unit` the first alone):
 * - unit: pure logic beside the code (`src/**\/*.test.ts`), no database, no browser — seconds;
 * - integration: every test on a database, PGlite and PostgreSQL 15 (`tests/api`, `tests/cli`, and
 *   `src/**\/*.integration.test.ts` beside a module);
 * - browser: each screen in Debian's chromium (`tests/browser`).
 * The database projects share a global setup: a seeded PGlite snapshot and a PostgreSQL 15 server.
 */
const databases = ['tests/support/global-setup.ts'];

export default defineConfig({
  test: {
    globals: true,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // PGlite takes ~1 GiB per instance; browser tests start chromium: two workers fit this 2-core machine.
    fileParallelism: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // the command-line tests that need no database run here too
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'tests/cli/node-version.test.ts',
            'tests/cli/region-check.test.ts',
          ],
          exclude: ['src/**/*.integration.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.integration.test.ts', 'tests/api/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          exclude: ['tests/cli/node-version.test.ts', 'tests/cli/region-check.test.ts'],
          globalSetup: databases,
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: databases },
      },
    ],
  },
});
