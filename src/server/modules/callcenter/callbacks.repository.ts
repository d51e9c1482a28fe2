import { and, asc, desc, eq } from 'drizzle-orm';
import type { CallbackStatus } from '../../../shared/callcenter.js';
import type { Db } from '../../db/client.js';
import { type CallbackRow, callbacks } from './callcenter.schema.js';

/** The call-backs: the call center's shared list of promises to call someone back. */

export type NewCallback = Pick<
  CallbackRow,
  'callId' | 'phone' | 'phoneHash' | 'phoneMasked' | 'dueAt' | 'note' | 'createdBy'
>;

export async function insertCallback(tx: Db, values: NewCallback): Promise<CallbackRow> {
  const [row] = await tx.insert(callbacks).values(values).returning();
  return row;
}

export async function findCallback(db: Db, id: string, lock = false): Promise<CallbackRow | undefined> {
  const query = db.select().from(callbacks).where(eq(callbacks.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Call-backs of a status by due time (the most pressing first); closed ones latest due first. */
export async function findCallbacks(db: Db, status: CallbackStatus, limit: number): Promise<CallbackRow[]> {
  return db
    .select()
    .from(callbacks)
    .where(eq(callbacks.status, status))
    .orderBy(status === 'open' ? asc(callbacks.dueAt) : desc(callbacks.dueAt), asc(callbacks.id))
    .limit(limit);
}

/** The open call-backs to a phone (by its keyed hash), by due time. */
export async function openCallbacksTo(db: Db, phoneHash: string, limit: number): Promise<CallbackRow[]> {
  return db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.phoneHash, phoneHash), eq(callbacks.status, 'open')))
    .orderBy(asc(callbacks.dueAt), asc(callbacks.id))
    .limit(limit);
}

export async function closeCallback(
  tx: Db,
  id: string,
  status: Exclude<CallbackStatus, 'open'>,
  userId: string,
  at: string,
): Promise<CallbackRow> {
  const [row] = await tx
    .update(callbacks)
    .set({ status, doneBy: userId, doneAt: at })
    .where(eq(callbacks.id, id))
    .returning();
  return row;
}
