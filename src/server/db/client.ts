import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { createPgliteHub, createPostgresHub, type LiveHub } from './live-hub.js';
import { pgliteParsers, registerPgTypeParsers } from './type-parsers.js';

/** The drizzle handle every repository takes; a transaction handle has the same shape. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's schema generic is not used: tables are imported where needed
export type Db = PgDatabase<PgQueryResultHKT, any>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a script of several statements (migrations, seeds). */
  exec(script: string): Promise<void>;
  /** Live updates across instances: one LISTEN connection for this instance, fanned out (live-hub.ts). */
  hub: LiveHub;
  /** Runs fn on one dedicated connection (session-level locks, multi-step scripts). */
  exclusive<T>(fn: (exec: (script: string) => Promise<void>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; snapshot?: Blob | File };

/** Raw rows of a drizzle `sql` query, on either driver. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Raw rows of a hot read-only query, run as a named prepared statement on node-postgres: the server
 * parses it once per connection and, after a few runs, reuses its plan (planning the catalog search
 * cost several times its execution). The name follows from the text, so a statement whose SQL varies
 * (optional filters) gets one per variant. PGlite has no named statements: there it runs plainly.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const compiled = dialect.sqlToQuery(query);
  let name = statementNames.get(compiled.sql);
  if (!name) {
    name = `okno_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 24)}`;
    if (statementNames.size > 1000) statementNames.clear();
    statementNames.set(compiled.sql, name);
  }
  const prepared = db._.session.prepareQuery(compiled, undefined, name, false);
  const result = (await prepared.execute()) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();
const statementNames = new Map<string, string>();

export { sql };

/** A text[] parameter: one bound value in PostgreSQL's array-literal form, each item quoted so any text is safe. */
export const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`}::text[]`;

/** A jsonb parameter. */
export const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres'
    ? openPostgres(options.url, options.poolSize ?? 10)
    : openPglite(options);
}

async function openPglite(options: { dataDir?: string; snapshot?: Blob | File }): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.snapshot,
    extensions: { pg_trgm },
    parsers: pgliteParsers,
  });
  const db = drizzlePglite({ client }) as unknown as Db;
  const hub = createPgliteHub(client);
  return {
    kind: 'pglite',
    db,
    exec: async (script) => {
      await client.exec(script);
    },
    hub,
    exclusive: (fn) =>
      fn(async (script) => {
        await client.exec(script);
      }),
    close: async () => {
      await hub.close();
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  registerPgTypeParsers();
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool }) as unknown as Db;
  const hub = createPostgresHub(url);
  return {
    kind: 'postgres',
    db,
    exec: async (script) => {
      await pool.query(script);
    },
    // Its own connection, never one of the pool's: any number of live screens cost one connection.
    hub,
    exclusive: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(async (script) => {
          await client.query(script);
        });
      } finally {
        client.release();
      }
    },
    close: async () => {
      await hub.close();
      await pool.end();
    },
  };
}

/** Whether the database answers: used by /health. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL's error code and constraint of a failed query, on either driver (drizzle wraps it as `cause`). */
export function pgErrorOf(err: unknown): { code?: string; constraint?: string } {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined; e; ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    e = e.cause as typeof e;
  }
  return {};
}
