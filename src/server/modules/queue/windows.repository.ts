import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { officeQueueState, type WindowStateRow, windowStates } from './queue.schema.js';

/** Who holds which window, and each office's board sequence and message line. */

export const windowStatesOf = (db: Db, officeCode: string): Promise<WindowStateRow[]> =>
  db.select().from(windowStates).where(eq(windowStates.officeCode, officeCode));

export async function findWindowState(
  db: Db,
  officeCode: string,
  number: number,
  lock = false,
): Promise<WindowStateRow | undefined> {
  const query = db
    .select()
    .from(windowStates)
    .where(and(eq(windowStates.officeCode, officeCode), eq(windowStates.number, number)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** The window an operator holds, if any. */
export async function windowHeldBy(db: Db, operatorId: string): Promise<WindowStateRow | undefined> {
  const [row] = await db.select().from(windowStates).where(eq(windowStates.operatorId, operatorId));
  return row;
}

/** Makes sure the window has a row (closed) so it can be locked. */
export async function ensureWindowRow(tx: Db, officeCode: string, number: number): Promise<void> {
  await tx.insert(windowStates).values({ officeCode, number }).onConflictDoNothing();
}

export async function setWindowState(
  tx: Db,
  officeCode: string,
  number: number,
  state: Pick<WindowStateRow, 'status' | 'operatorId' | 'pauseReason'> & { since: string },
): Promise<WindowStateRow> {
  const [row] = await tx
    .update(windowStates)
    .set(state)
    .where(and(eq(windowStates.officeCode, officeCode), eq(windowStates.number, number)))
    .returning();
  return row;
}

/**
 * The office's next board sequence number. The row stays locked until the transaction ends, so calls of
 * one office commit in the order of their numbers: a board asking for `seq > n` never skips one.
 */
export async function nextBoardSeq(tx: Db, officeCode: string): Promise<number> {
  const [row] = await tx
    .insert(officeQueueState)
    .values({ officeCode, boardSeq: 1 })
    .onConflictDoUpdate({
      target: officeQueueState.officeCode,
      set: { boardSeq: sql`${officeQueueState.boardSeq} + 1` },
    })
    .returning({ seq: officeQueueState.boardSeq });
  return row.seq;
}

/** Locks the office's queue row: calls of one office take turns (no two windows get the same ticket). */
export async function lockOfficeQueue(tx: Db, officeCode: string): Promise<void> {
  await tx.insert(officeQueueState).values({ officeCode }).onConflictDoNothing();
  await tx
    .select({ code: officeQueueState.officeCode })
    .from(officeQueueState)
    .where(eq(officeQueueState.officeCode, officeCode))
    .for('update');
}

export async function officeQueueRow(db: Db, officeCode: string) {
  const [row] = await db.select().from(officeQueueState).where(eq(officeQueueState.officeCode, officeCode));
  return row;
}

export async function setOfficeMessage(tx: Db, officeCode: string, message: string | null): Promise<void> {
  await tx
    .insert(officeQueueState)
    .values({ officeCode, message })
    .onConflictDoUpdate({ target: officeQueueState.officeCode, set: { message } });
}

/** The window rows of these offices (the load of many offices in one query). */
export const windowStatesOfOffices = (db: Db, officeCodes: readonly string[]): Promise<WindowStateRow[]> =>
  officeCodes.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(windowStates)
        .where(inArray(windowStates.officeCode, [...officeCodes]));
