import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, rows, sql } from './client.js';
import { advisoryLocks } from './locks.js';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Migration = { version: number; name: string; script: string };

/** Numbered SQL files `NNNN_name.sql`, applied in order, each in its own transaction; forward only. */
export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, script: readFileSync(join(dir, f), 'utf8') }));
}

export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.exclusive(async (exec) => {
    await exec(`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
    // One migrator at a time when several instances start together on one server.
    if (database.kind === 'postgres') await exec(`select pg_advisory_lock(${advisoryLocks.migrations})`);
    try {
      const done = new Set(
        (await rows<{ version: number }>(database.db, sql`select version from schema_migrations`)).map((r) =>
          Number(r.version),
        ),
      );
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        try {
          await exec(
            `begin;\n${m.script}\n;\ninsert into schema_migrations(version, name) values (${m.version}, '${m.name}');\ncommit;`,
          );
        } catch (err) {
          await exec('rollback').catch(() => {});
          throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
        }
        applied.push(m.name);
      }
      return applied;
    } finally {
      if (database.kind === 'postgres') await exec(`select pg_advisory_unlock(${advisoryLocks.migrations})`);
    }
  });
}
