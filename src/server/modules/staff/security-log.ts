import type { SecurityEvent } from '../../../shared/auth.js';
import { type Db, rows, sql } from '../../db/client.js';
import { lockForTransaction } from '../../db/locks.js';
import { type ChainEntry, chainHash, firstBrokenLink, genesisHash } from './security-log.chain.js';

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
  const [head] = await rows<{ hash: string }>(
    tx,
    sql`select hash from security_log order by security_log.id desc limit 1`,
  );
  const [{ id }] = await rows<{ id: string }>(tx, sql`select nextval('security_log_id_seq')::text as id`);
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
  const hash = chainHash(prevHash, chained);
  await tx.execute(sql`insert into security_log (id, at, user_id, login, event, ip, user_agent, result, details, prev_hash, hash)
    values (${chained.id}::bigint, ${chained.at}::timestamptz, ${chained.userId}::uuid, ${chained.login}, ${chained.event},
      ${chained.ip}, ${chained.userAgent}, ${chained.result}, ${JSON.stringify(chained.details)}::jsonb, ${prevHash}, ${hash})`);
}

/** Records an entry in a transaction of its own (for events that change nothing else). */
export const recordSecurityEventAlone = (db: Db, entry: SecurityEntry) =>
  db.transaction((tx) => recordSecurityEvent(tx, entry));

type LogRow = {
  id: string;
  at: string;
  user_id: string | null;
  login: string | null;
  event: string;
  ip: string | null;
  user_agent: string | null;
  result: string;
  details: unknown;
  prev_hash: string;
  hash: string;
};

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: string }
  | { ok: false; entries: number; anchorMissing: true };

/** The newest entry: its hash, kept outside the database, is an anchor the chain must still reach. */
export async function securityLogHead(db: Db): Promise<{ id: string; hash: string } | null> {
  const [head] = await rows<{ id: string; hash: string }>(
    db,
    sql`select id::text as id, hash from security_log order by security_log.id desc limit 1`,
  );
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
  let after = '0';
  let count = 0;
  for (;;) {
    const page = await rows<LogRow>(
      db,
      sql`select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
        user_id::text as user_id, login, event, ip, user_agent, result, details, prev_hash, hash
        from security_log where security_log.id > ${after}::bigint order by security_log.id limit ${batch}`,
    );
    if (page.length === 0) {
      if (!anchorFound) return { ok: false, entries: count, anchorMissing: true };
      return { ok: true, entries: count };
    }
    const outcome = firstBrokenLink(
      page.map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        login: r.login,
        event: r.event,
        ip: r.ip,
        userAgent: r.user_agent,
        result: r.result,
        details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
        prevHash: r.prev_hash,
        hash: r.hash,
      })),
      prev,
    );
    if ('id' in outcome) return { ok: false, entries: count + outcome.intact, brokenAt: outcome.id };
    if (!anchorFound && page.some((r) => r.hash === anchor)) anchorFound = true;
    prev = outcome.lastHash;
    count += page.length;
    after = page[page.length - 1].id;
  }
}
