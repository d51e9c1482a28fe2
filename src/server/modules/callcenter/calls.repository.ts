import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type CallRow, calls } from './callcenter.schema.js';

/** The calls: written by the operator who takes them, read by their log, the admin's and a caller's lookup. */

export type NewCall = Pick<CallRow, 'operatorId' | 'operatorLogin'> &
  Partial<Pick<CallRow, 'phone' | 'phoneHash' | 'phoneMasked'>>;

export async function insertCall(tx: Db, values: NewCall): Promise<CallRow> {
  const [row] = await tx.insert(calls).values(values).returning();
  return row;
}

/** A call; with `lock`, held until the transaction ends (a change reads it first). */
export async function findCall(db: Db, id: string, lock = false): Promise<CallRow | undefined> {
  const query = db.select().from(calls).where(eq(calls.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export type CallChange = Partial<
  Omit<CallRow, 'id' | 'operatorId' | 'operatorLogin' | 'startedAt' | 'endedAt' | 'verifiedAt'>
> & { endedAt?: SQL; verifiedAt?: SQL | null };

export async function updateCall(tx: Db, id: string, change: CallChange): Promise<CallRow> {
  const [row] = await tx.update(calls).set(change).where(eq(calls.id, id)).returning();
  return row;
}

/** A page of calls, newest first: one operator's or everyone's, started within the days given (UTC). */
export async function findCalls(
  db: Db,
  filter: { operatorId?: string; from?: string; to?: string; offset: number; limit: number },
): Promise<{ rows: CallRow[]; total: number }> {
  const where = and(
    filter.operatorId ? eq(calls.operatorId, filter.operatorId) : undefined,
    filter.from ? gte(calls.startedAt, sql`${filter.from}::date`) : undefined,
    filter.to ? lt(calls.startedAt, sql`${filter.to}::date + 1`) : undefined,
  );
  const found = await db
    .select()
    .from(calls)
    .where(where)
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(calls).where(where);
  return { rows: found, total: total.n };
}

/** The calls from a phone (by its keyed hash), newest first. */
export async function callsFromPhone(db: Db, phoneHash: string, limit: number): Promise<CallRow[]> {
  return db
    .select()
    .from(calls)
    .where(eq(calls.phoneHash, phoneHash))
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(limit);
}
