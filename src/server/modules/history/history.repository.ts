import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type ChangeRow, changeLog } from './history.schema.js';

/** Who made a change: the signed-in staff user (null id for a system change, e.g. the CLI). */
export type ChangeAuthor = { userId: string | null; login: string };

export type ChangeEntity = 'district' | 'agency' | 'office' | 'service' | 'calendar' | 'user' | 'kiosk';

export type ChangeEntry = {
  author: ChangeAuthor;
  entity: ChangeEntity;
  key: string;
  action: string;
  before: unknown;
  after: unknown;
};

/**
 * Writes one entry of the change log. Call it with the transaction that makes the change, so the change
 * and its record commit or roll back together.
 */
export async function recordChange(tx: Db, entry: ChangeEntry): Promise<void> {
  await tx.insert(changeLog).values({
    userId: entry.author.userId,
    login: entry.author.login,
    entity: entry.entity,
    entityKey: entry.key,
    action: entry.action,
    // Nothing before (a creation) or after (a removal) is SQL null, not the JSON value null.
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export async function findChanges(
  db: Db,
  filter: { entity: string; key?: string; offset: number; limit: number },
): Promise<{ rows: ChangeRow[]; total: number }> {
  const where = and(
    eq(changeLog.entity, filter.entity),
    filter.key ? eq(changeLog.entityKey, filter.key) : undefined,
  );
  const found = await db
    .select()
    .from(changeLog)
    .where(where)
    .orderBy(desc(changeLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(changeLog).where(where);
  return { rows: found, total: total.n };
}
