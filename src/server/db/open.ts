import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { type Database, openDatabase } from './client.js';

/** The database the configuration names: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.dbPoolSize })
    : openDatabase({ kind: 'pglite', dataDir: resolve(config.dataDir, 'pglite') });
}
