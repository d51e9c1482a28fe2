import { types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * One set of JavaScript values from both drivers, for typed queries and raw `sql` alike:
 * - numeric → number (fees in rubles and kopecks are far inside a double's exact range);
 * - bigint (count(*), bigserial ids) → number (ids stay far below 2^53);
 * - date → `YYYY-MM-DD` and timestamptz → PostgreSQL's text form with its offset: drizzle sets these
 *   two on both drivers itself; `isoTimestamp` turns the latter into ISO 8601 where an API shows it;
 * - jsonb → parsed, arrays → arrays: both drivers do so already.
 * node-postgres reads parsers from its process-wide registry (drizzle's per-query parsers fall back to
 * it), so they are set once, here, for every pool of the process.
 */
export const pgliteParsers = {
  [pgliteTypes.NUMERIC]: (value: string) => Number.parseFloat(value),
  [pgliteTypes.INT8]: (value: string) => Number(value),
};

let registered = false;
export function registerPgTypeParsers(): void {
  if (registered) return;
  registered = true;
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
}

/** A timestamptz as the drivers return it (`2026-11-29 10:00:00.123+03`) in ISO 8601, UTC. */
export const isoTimestamp = (value: string): string => new Date(value).toISOString();
