import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the test suite needs beyond npm packages, found in one place: the test setup uses these to start
 * its PostgreSQL and browser, and `scripts/test-prerequisites.ts` (run first by `npm test`) installs what
 * is missing or stops naming it.
 */
export const chromiumPath = '/usr/bin/chromium';

/** The folder of PostgreSQL 15's initdb and pg_ctl (PG_BIN_DIR, else the usual places), or undefined. */
export function postgresBinDir(env: Record<string, string | undefined> = process.env): string | undefined {
  const dirs = env.PG_BIN_DIR
    ? [env.PG_BIN_DIR]
    : ['/usr/lib/postgresql/15/bin', '/usr/local/bin', '/usr/bin'];
  for (const dir of dirs) {
    const found = spawnSync(join(dir, 'pg_ctl'), ['--version'], { encoding: 'utf8' });
    if (found.status === 0 && /\(PostgreSQL\) 15\./.test(found.stdout) && existsSync(join(dir, 'initdb')))
      return dir;
  }
  return undefined;
}

export const hasChromium = () =>
  existsSync(chromiumPath) && spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).status === 0;
