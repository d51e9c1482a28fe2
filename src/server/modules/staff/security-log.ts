import { asc, desc, gt, sql } from 'drizzle-orm';
import type { SecurityEvent } from '../../../shared/auth.js';
import { type Db, rows } from '../../db/client.js';
import { lockForTransaction } from '../../db/locks.js';
import { type ChainEntry, chainHash, firstBrokenLink, genesisHash } from './security-log.chain.js';
import { type SecurityLogRow, securityLog } from './staff.schema.js';

export { type SecurityEvent, securityEvents } from '../../../shared/auth.js';

export type SecurityEntry = {
  event: SecurityEvent;
  result: 'ok' | 'refused' | 'failed';
  userId?: string | null;
  login?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Never a password or a token. */
  details?: Record<string, unknown>;
};

/**
 * Appends an entry to the security log, chained to the previous one. Call it with the transaction of the
 * change it records; it serializes with every other writer until that transaction ends.
 */
export async function recordSecurityEvent(tx: Db, entry: SecurityEntry): Promise<void> {
  await lockForTransaction(tx, 'securityLogChain');
  const [head] = await tx
    .select({ hash: securityLog.hash })
    .from(securityLog)
    .orderBy(desc(securityLog.id))
    .limit(1);
  // The id is part of what is hashed, so it is drawn before the row is written.
  const [{ id }] = await rows<Pick<SecurityLogRow, 'id'>>(
    tx,
    sql`select nextval('security_log_id_seq') as id`,
  );
  const chained: ChainEntry = {
    id: String(id),
    at: new Date().toISOString(),
    userId: entry.userId ?? null,
    login: entry.login ?? null,
    event: entry.event,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 500) ?? null,
    result: entry.result,
    details: entry.details ?? {},
  };
  const prevHash = head?.hash ?? genesisHash;
  await tx.insert(securityLog).values({
    id,
    at: chained.at,
    userId: chained.userId,
    login: chained.login,
    event: chained.event,
    ip: chained.ip,
    userAgent: chained.userAgent,
    result: chained.result,
    details: entry.details ?? {},
    prevHash,
    hash: chainHash(prevHash, chained),
  });
}

/** Records an entry in a transaction of its own (for events that change nothing else). */
export const recordSecurityEventAlone = (db: Db, entry: SecurityEntry) =>
  db.transaction((tx) => recordSecurityEvent(tx, entry));

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: string }
  | { ok: false; entries: number; anchorMissing: true };

/** The newest entry: its hash, kept outside the database, is an anchor the chain must still reach. */
export async function securityLogHead(db: Db): Promise<Pick<SecurityLogRow, 'id' | 'hash'> | null> {
  const [head] = await db
    .select({ id: securityLog.id, hash: securityLog.hash })
    .from(securityLog)
    .orderBy(desc(securityLog.id))
    .limit(1);
  return head ?? null;
}

/**
 * Walks the whole chain in id order and reports the first entry whose link does not hold. With an anchor
 * (a head printed earlier by `okno audit anchor`), the chain must also still pass through it: a chain cut
 * off after the anchor, or rewritten before it, no longer does, though every link left holds.
 */
export async function verifySecurityLog(
  db: Db,
  options: { batch?: number; anchor?: string } = {},
): Promise<VerifyResult> {
  const batch = options.batch ?? 5000;
  const anchor = options.anchor?.trim().toLowerCase();
  let anchorFound = anchor === undefined;
  let prev = genesisHash;
  let after = 0;
  let count = 0;
  for (;;) {
    const page = await db
      .select({
        id: securityLog.id,
        // The form the hash was made of (ISO 8601, UTC, milliseconds): an existing chain must keep verifying.
        at: sql<string>`to_char(${securityLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        userId: securityLog.userId,
        login: securityLog.login,
        event: securityLog.event,
        ip: securityLog.ip,
        userAgent: securityLog.userAgent,
        result: securityLog.result,
        details: securityLog.details,
        prevHash: securityLog.prevHash,
        hash: securityLog.hash,
      })
      .from(securityLog)
      .where(gt(securityLog.id, after))
      .orderBy(asc(securityLog.id))
      .limit(batch);
    if (page.length === 0) {
      if (!anchorFound) return { ok: false, entries: count, anchorMissing: true };
      return { ok: true, entries: count };
    }
    const outcome = firstBrokenLink(
      page.map((r) => ({ ...r, id: String(r.id) })),
      prev,
    );
    if ('id' in outcome) return { ok: false, entries: count + outcome.intact, brokenAt: outcome.id };
    if (!anchorFound && page.some((r) => r.hash === anchor)) anchorFound = true;
    prev = outcome.lastHash;
    count += page.length;
    after = page[page.length - 1].id;
  }
}
