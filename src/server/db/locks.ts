import { type Db, sql } from './client.js';

/**
 * Every advisory lock of okno, in one place, so two never share an id by accident. A transaction lock
 * (`lockForTransaction`) is held until its transaction ends; the migration lock is a session lock held
 * by one connection for the whole run (`migrate.ts`).
 */
export const advisoryLocks = {
  /** Migrations: one instance migrates at a time. */
  migrations: 4207001,
  /** The security log's hash chain: writers take turns, so it never forks. */
  securityLogChain: 4207002,
  /** Changes that could leave the region without an admin: two never both see one left. */
  adminSet: 4207003,
  /** The production calendar: an import and a day's edit never interleave. */
  calendar: 4207101,
  /** A phone's bookings (with a key: the phone's hash): its per-person rules are checked one booking at a time. */
  bookingPhone: 4207201,
  /** Creating a year's case-number sequence: instances never race on the DDL. */
  caseSequences: 4207301,
  /** A register's number (with a key: the office): one office's registers are numbered one at a time. */
  caseRegisterNumbers: 4207302,
} as const;

export type AdvisoryLock = keyof typeof advisoryLocks;

/** Takes a lock until the end of the transaction `tx`. */
export async function lockForTransaction(tx: Db, lock: AdvisoryLock): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks[lock]})`);
}

/** Takes a lock on one key of a kind (two-part lock: the kind's id, a hash of the key) until the end of `tx`. */
export async function lockKeyForTransaction(tx: Db, lock: AdvisoryLock, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks[lock]}, hashtext(${key}))`);
}
