import { createHash } from 'node:crypto';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { CaseEventKind } from '../../../shared/cases.js';
import type { Db } from '../../db/client.js';
import { canonicalJson, genesisHash } from '../staff/security-log.chain.js';
import { type CaseEventRow, type CaseRow, caseEvents, cases } from './cases.schema.js';

/**
 * The trail of a case: every operation on it and its documents is an append-only event (who, when, where,
 * what, before / after) written in the transaction of the change, chained by hash to the case's previous
 * event. The chain is per case — its head is on the case's own row, locked by the operation anyway — so
 * acceptance in every office at once never waits on one region-wide row.
 */

/** Who did it and where; null for okno itself (a sweep, the adapter). */
export type CaseActor = { userId: string; name: string } | null;

export type CaseEventInput = {
  kind: CaseEventKind;
  actor: CaseActor;
  office: string | null;
  details: Record<string, unknown>;
};

/** One event as it is hashed: every column but the hashes. `at` is ISO 8601 in UTC with milliseconds. */
type Hashed = {
  caseId: string;
  seq: number;
  at: string;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  office: string | null;
  details: unknown;
};

export const caseEventHash = (prevHash: string, e: Hashed) =>
  createHash('sha256').update(prevHash).update(canonicalJson(e)).digest('hex');

/** The chain's start for a new case: its first event links to this. */
export const caseGenesis = genesisHash;

/**
 * Appends events to a case whose row the transaction has locked (`for update`, or just inserted), and
 * moves the row's head. Returns the new head.
 */
export async function appendCaseEvents(
  tx: Db,
  head: Pick<CaseRow, 'id' | 'eventSeq' | 'eventHash'>,
  events: readonly CaseEventInput[],
  now: Date,
): Promise<{ eventSeq: number; eventHash: string }> {
  let seq = head.eventSeq;
  let prev = head.eventHash;
  const at = now.toISOString();
  const rows: (typeof caseEvents.$inferInsert)[] = [];
  for (const e of events) {
    seq += 1;
    const hashed: Hashed = {
      caseId: head.id,
      seq,
      at,
      kind: e.kind,
      actorId: e.actor?.userId ?? null,
      actorName: e.actor?.name ?? null,
      office: e.office,
      details: e.details,
    };
    const hash = caseEventHash(prev, hashed);
    rows.push({
      caseId: head.id,
      seq,
      at,
      kind: e.kind,
      actorId: hashed.actorId,
      actorName: hashed.actorName,
      officeCode: e.office,
      details: e.details,
      prevHash: prev,
      hash,
    });
    prev = hash;
  }
  if (rows.length === 0) return { eventSeq: seq, eventHash: prev };
  await tx.insert(caseEvents).values(rows);
  await tx.update(cases).set({ eventSeq: seq, eventHash: prev }).where(eq(cases.id, head.id));
  return { eventSeq: seq, eventHash: prev };
}

/** A case's events in order. */
export const caseEventsOf = (db: Db, caseId: string): Promise<CaseEventRow[]> =>
  db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));

export type CaseChainResult =
  | { ok: true; cases: number; events: number }
  | {
      ok: false;
      cases: number;
      events: number;
      caseId: string;
      number: string;
      seq: number;
      problem: string;
    };

/**
 * Walks every case's chain (cases in id order, events by number) and reports the first broken link: an
 * event edited (its hash no longer matches), removed or reordered (a gap, or a link to the wrong previous
 * hash), or a tail cut off (the case's head no longer matches its last event).
 */
export async function verifyCaseChains(db: Db, batch = 5000): Promise<CaseChainResult> {
  let after: { caseId: string; seq: number } | null = null;
  let current: {
    id: string;
    number: string;
    seq: number;
    hash: string;
    headSeq: number;
    headHash: string;
  } | null = null;
  let caseCount = 0;
  let eventCount = 0;
  const heads = async (from: string | null, to: string | null) =>
    db
      .select({ id: cases.id, number: cases.number, eventSeq: cases.eventSeq, eventHash: cases.eventHash })
      .from(cases)
      .where(
        and(
          from === null ? undefined : gt(cases.id, from),
          to === null ? undefined : sql`${cases.id} <= ${to}`,
        ),
      )
      .orderBy(asc(cases.id));
  const broken = (c: { id: string; number: string }, seq: number, problem: string): CaseChainResult => ({
    ok: false,
    cases: caseCount,
    events: eventCount,
    caseId: c.id,
    number: c.number,
    seq,
    problem,
  });
  const closeCase = (c: NonNullable<typeof current>): CaseChainResult | null => {
    if (c.seq !== c.headSeq || c.hash !== c.headHash)
      return broken(c, c.seq + 1, c.seq < c.headSeq ? 'events missing at the end' : 'head does not match');
    caseCount++;
    return null;
  };
  let lastCaseId: string | null = null;
  for (;;) {
    const page: CaseEventRow[] = await db
      .select({
        caseId: caseEvents.caseId,
        seq: caseEvents.seq,
        at: sql<string>`to_char(${caseEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        kind: caseEvents.kind,
        actorId: caseEvents.actorId,
        actorName: caseEvents.actorName,
        officeCode: caseEvents.officeCode,
        details: caseEvents.details,
        prevHash: caseEvents.prevHash,
        hash: caseEvents.hash,
      })
      .from(caseEvents)
      .where(
        after === null
          ? undefined
          : or(
              gt(caseEvents.caseId, after.caseId),
              and(eq(caseEvents.caseId, after.caseId), gt(caseEvents.seq, after.seq)),
            ),
      )
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq))
      .limit(batch);
    const lastPage = page.length < batch;
    // The cases this page covers (to the end on the last page), including any with no event at all.
    const caseRows = await heads(lastCaseId, lastPage ? null : (page.at(-1)?.caseId ?? null));
    const byId = new Map(caseRows.map((c) => [c.id, c]));
    const withEvents = new Set(page.map((e) => e.caseId));
    for (const c of caseRows) if (!withEvents.has(c.id)) return broken(c, 1, 'no events');
    for (const e of page) {
      if (!current || current.id !== e.caseId) {
        if (current) {
          const failed = closeCase(current);
          if (failed) return failed;
        }
        const head = byId.get(e.caseId);
        if (!head)
          return broken({ id: e.caseId, number: '?' }, e.seq, 'events of a case that does not exist');
        current = {
          id: head.id,
          number: head.number,
          seq: 0,
          hash: caseGenesis,
          headSeq: head.eventSeq,
          headHash: head.eventHash,
        };
      }
      const expected = caseEventHash(current.hash, {
        caseId: e.caseId,
        seq: e.seq,
        at: e.at,
        kind: e.kind,
        actorId: e.actorId,
        actorName: e.actorName,
        office: e.officeCode,
        details: e.details,
      });
      if (e.seq !== current.seq + 1)
        return broken(current, current.seq + 1, 'an event is missing or out of order');
      if (e.prevHash !== current.hash) return broken(current, e.seq, 'linked to the wrong previous event');
      if (e.hash !== expected) return broken(current, e.seq, 'the event was changed');
      current.seq = e.seq;
      current.hash = e.hash;
      eventCount++;
    }
    if (lastPage) {
      if (current) {
        const failed = closeCase(current);
        if (failed) return failed;
      }
      return { ok: true, cases: caseCount, events: eventCount };
    }
    const last = page[page.length - 1];
    after = { caseId: last.caseId, seq: last.seq };
    lastCaseId = last.caseId;
  }
}
