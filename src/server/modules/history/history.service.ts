import type { Change } from '../../../shared/history.js';
import type { Db } from '../../db/client.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { findChanges } from './history.repository.js';
import type { ChangeRow } from './history.schema.js';

export const toChangeDto = (r: ChangeRow): Change => ({
  id: String(r.id),
  at: isoTimestamp(r.at),
  userId: r.userId,
  login: r.login,
  entity: r.entity,
  key: r.entityKey,
  action: r.action,
  before: r.before ?? null,
  after: r.after ?? null,
});

/** The history of one object (or of every object of a kind), newest first. */
export async function getHistory(
  { db }: { db: Db },
  query: { entity: string; key?: string; page: number; limit: number },
): Promise<{ items: Change[]; total: number }> {
  const found = await findChanges(db, {
    entity: query.entity,
    key: query.key,
    offset: (query.page - 1) * query.limit,
    limit: query.limit,
  });
  return { items: found.rows.map(toChangeDto), total: found.total };
}
