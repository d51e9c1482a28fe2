import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from './staff.schema.js';

/** What other modules ask the staff module: the login and name of staff members, by id. */
export async function staffNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { login: string; fullName: string }>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: users.id, login: users.login, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(found.map((u) => [u.id, { login: u.login, fullName: u.fullName }]));
}
