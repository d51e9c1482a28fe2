import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { unsupportedNode } from '../../bin/node-version.js';
import { type Db, openDatabase } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import { loadRegion } from '../../src/server/seed/load-region.js';
import { loadDemoKiosks, seedDemoKiosks } from '../../src/server/seed/seed-kiosks.js';
import { seedRegion } from '../../src/server/seed/seed-region.js';
import { seedRegionSetups } from '../../src/server/seed/seed-setups.js';
import { loadStaff, seedStaff } from '../../src/server/seed/seed-staff.js';
import { type PostgresServer, startPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

// The demo region by default; OKNO_TEST_REGION points the suite at another region's files.
const regionDir = resolve(process.env.OKNO_TEST_REGION ?? 'regions/lipetsk');
const cacheDir = resolve('.tmp/test');

/** A hash of everything a seeded snapshot depends on, so a stale one is never reused. */
function inputsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of ['src/server/db/migrations', 'src/server/seed', 'src/server/modules', regionDir])
    walk(resolve(dir));
  return hash.digest('hex').slice(0, 16);
}

/** The demo staff accounts (staff.json) and kiosks (kiosks.json) of the region, so tests can sign in as each role and take tickets. */
async function seedDemoStaff(db: Db): Promise<void> {
  await seedRegionSetups(db, regionDir);
  const staff = loadStaff(regionDir);
  if (staff) await seedStaff(db, staff);
  const kiosks = loadDemoKiosks(regionDir);
  if (kiosks) await seedDemoKiosks(db, kiosks);
}

async function pgliteSnapshot(): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `pglite-${inputsHash()}.tar.gz`);
  if (existsSync(file)) return file;
  const database = await openDatabase({ kind: 'pglite' });
  await migrate(database);
  await seedRegion(database.db, loadRegion(regionDir));
  await seedDemoStaff(database.db);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return file;
}

let server: PostgresServer | undefined;

export default async function setup(project: TestProject) {
  // The suite runs on the Node that okno runs on; an older one stops it at once, naming the fix.
  const refused = unsupportedNode();
  if (refused) throw new Error(refused);
  console.log(`okno tests on Node.js ${process.version}`);
  const snapshot = await pgliteSnapshot();
  server = await startPostgres();
  const template = 'okno_template';
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: server.url(template), poolSize: 2 });
  await migrate(database);
  await seedRegion(database.db, loadRegion(regionDir));
  await seedDemoStaff(database.db);
  await database.close();

  project.provide('pgliteSnapshot', snapshot);
  project.provide('postgresAdminUrl', server.url('postgres'));
  project.provide('postgresTemplate', template);

  return () => server?.stop();
}
