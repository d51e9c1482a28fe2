import type { Grant } from '../../../shared/auth.js';
import { type Db, rows, sql } from '../../db/client.js';
import { toGrant } from '../auth/auth.repository.js';

export type StaffRow = {
  id: string;
  login: string;
  full_name: string;
  disabled: boolean;
  created_at: Date | string;
  grants: Parameters<typeof toGrant>[0][] | null;
};

const select = sql`select u.id::text as id, u.login, u.full_name, u.disabled, u.created_at,
    (select json_agg(json_build_object('role', g.role, 'scope_kind', g.scope_kind, 'district_code', g.district_code,
      'office_codes', g.office_codes) order by g.role, g.scope_kind, g.district_code)
     from user_grants g where g.user_id = u.id) as grants
  from users u`;

export const listStaffRows = (db: Db) => rows<StaffRow>(db, sql`${select} order by u.login`);

export async function findStaffRow(db: Db, id: string, lock = false): Promise<StaffRow | undefined> {
  const [row] = await rows<StaffRow>(
    db,
    sql`${select} where u.id = ${id}::uuid ${lock ? sql`for update of u` : sql``}`,
  );
  return row;
}

export const grantsOfRow = (r: StaffRow): Grant[] => (r.grants ?? []).map(toGrant);

export async function setDisabled(tx: Db, id: string, disabled: boolean): Promise<void> {
  await tx.execute(sql`update users set disabled = ${disabled}, updated_at = now() where id = ${id}::uuid`);
}

export type SecurityLogRow = {
  id: string;
  at: Date | string;
  user_id: string | null;
  login: string | null;
  event: string;
  ip: string | null;
  user_agent: string | null;
  result: string;
  details: unknown;
};

export async function findSecurityLog(
  db: Db,
  filter: { login?: string; event?: string; from?: string; to?: string; offset: number; limit: number },
): Promise<{ rows: SecurityLogRow[]; total: number }> {
  const where = [sql`true`];
  if (filter.login) where.push(sql`login = ${filter.login.trim().toLowerCase()}`);
  if (filter.event) where.push(sql`event = ${filter.event}`);
  if (filter.from) where.push(sql`at >= ${filter.from}::date`);
  if (filter.to) where.push(sql`at < ${filter.to}::date + 1`);
  const condition = sql.join(where, sql` and `);
  const found = await rows<SecurityLogRow>(
    db,
    sql`select id::text as id, at, user_id::text as user_id, login, event, ip, user_agent, result, details
      from security_log where ${condition} order by id desc limit ${filter.limit} offset ${filter.offset}`,
  );
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from security_log where ${condition}`,
  );
  return { rows: found, total: Number(count?.n ?? 0) };
}
