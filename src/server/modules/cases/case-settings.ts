import { eq, sql } from 'drizzle-orm';
import type { CasesRegionFile } from '../../../shared/cases.js';
import { type Db, rows } from '../../db/client.js';
import { kept } from '../../db/kept.js';
import { lockForTransaction } from '../../db/locks.js';
import { type CaseSettingsRow, caseSettings } from './cases.schema.js';

/** The region's case settings (one row, migration 0010), kept 10 s per instance. */
export const caseSettingsOf = (db: Db, cacheKey: object = db): Promise<CaseSettingsRow> =>
  kept(cacheKey, 'case-settings', '', 10_000, async () => {
    const [row] = await db.select().from(caseSettings);
    if (!row) throw new Error('case_settings has no row: migration 0010 inserts it');
    return row;
  });

/** The region's cases.json written over the defaults. */
export async function saveCaseSetup(tx: Db, setup: CasesRegionFile): Promise<void> {
  if (Object.keys(setup).length === 0) return;
  await tx.update(caseSettings).set(setup).where(eq(caseSettings.id, true));
}

/** The sequence numbering a year's cases. */
export const yearSequence = (year: number) => {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`bad case year ${year}`);
  return `case_number_${year}`;
};

const made = new WeakMap<object, Set<number>>();

/**
 * Makes sure the sequences of these years exist (this year's and the next, at start and each minute, so the
 * first case of January never waits on DDL). Idempotent; instances take turns on an advisory lock.
 */
export async function ensureYearSequences(db: Db, years: readonly number[]): Promise<void> {
  const known = made.get(db) ?? new Set<number>();
  made.set(db, known);
  const missing = years.filter((y) => !known.has(y));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    await lockForTransaction(tx, 'caseSequences');
    for (const year of missing)
      await tx.execute(sql.raw(`create sequence if not exists ${yearSequence(year)}`));
  });
  for (const year of missing) known.add(year);
}

/**
 * The next number of the year's sequence: never waits for another transaction (gaps on rollback). A year
 * whose sequence this instance has not seen yet (made at start and each minute ahead of time, so this is
 * rare) is looked up, and made if missing, inside the caller's own transaction — never on a second pooled
 * connection, which a full pool of acceptances would wait for forever.
 */
export async function nextCaseSequence(tx: Db, db: Db, year: number): Promise<number> {
  const name = yearSequence(year);
  const known = made.get(db) ?? new Set<number>();
  made.set(db, known);
  if (!known.has(year)) {
    const [found] = await rows<{ name: string | null }>(tx, sql`select to_regclass(${name})::text as name`);
    if (found?.name) known.add(year);
    else {
      await lockForTransaction(tx, 'caseSequences');
      await tx.execute(sql.raw(`create sequence if not exists ${name}`));
    }
  }
  const [row] = await rows<{ n: number }>(tx, sql.raw(`select nextval('${name}') as n`));
  return row.n;
}
