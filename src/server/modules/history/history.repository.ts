import type { Db } from '../../db/client.js';
import { rows, sql } from '../../db/client.js';

/** Who made a change: the signed-in staff user (null id for a system change, e.g. the CLI). */
export type ChangeAuthor = { userId: string | null; login: string };

export type ChangeEntity = 'district' | 'agency' | 'office' | 'service' | 'calendar' | 'user';

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
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await tx.execute(sql`insert into change_log (user_id, login, entity, entity_key, action, before, after)
    values (${entry.author.userId}, ${entry.author.login}, ${entry.entity}, ${entry.key}, ${entry.action},
      ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb)`);
}

export type ChangeRow = {
  id: string | number;
  at: Date | string;
  user_id: string | null;
  login: string | null;
  entity: string;
  entity_key: string;
  action: string;
  before: unknown;
  after: unknown;
};

export async function findChanges(
  db: Db,
  filter: { entity: string; key?: string; offset: number; limit: number },
): Promise<{ rows: ChangeRow[]; total: number }> {
  const where = filter.key
    ? sql`entity = ${filter.entity} and entity_key = ${filter.key}`
    : sql`entity = ${filter.entity}`;
  const found = await rows<ChangeRow>(
    db,
    sql`select id, at, user_id, login, entity, entity_key, action, before, after from change_log
      where ${where} order by id desc limit ${filter.limit} offset ${filter.offset}`,
  );
  const count = await rows<{ n: number }>(db, sql`select count(*)::int as n from change_log where ${where}`);
  return { rows: found, total: Number(count[0]?.n ?? 0) };
}
