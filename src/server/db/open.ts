import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { type Database, openDatabase } from './client.js';

/** The database the configuration names: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl)
    return openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.dbPoolSize });
  const dataDir = resolve(config.dataDir);
  const release = lockDataDir(dataDir);
  const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') }).catch((err) => {
    release();
    throw err;
  });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      release();
    },
  };
}

/**
 * PGlite is one process's database: a second okno on the same DATA_DIR would corrupt it, so the
 * folder is locked by a pid file. A lock left by a process that is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'okno.pid');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `DATA_DIR ${dataDir} is in use by another okno process (pid ${pid}); the embedded database serves one process — use DATABASE_URL for several instances`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
