import type { Grant } from '../../../shared/auth.js';
import { type Db, rows, sql } from '../../db/client.js';
import { lockForTransaction } from '../../db/locks.js';
import type { ActorScope } from './auth.policy.js';
import { toGrant } from './auth.repository.js';
import { grantWithinScope } from './scope.sql.js';

export type StaffRow = {
  id: string;
  login: string;
  full_name: string;
  disabled: boolean;
  /** Only while the lock lasts; null once it has passed. */
  locked_until: Date | string | null;
  created_at: Date | string;
  grants: Parameters<typeof toGrant>[0][] | null;
};

const select = sql`select u.id::text as id, u.login, u.full_name, u.disabled, u.created_at,
    case when u.locked_until > now() then u.locked_until end as locked_until,
    (select json_agg(json_build_object('role', g.role, 'scope_kind', g.scope_kind, 'district_code', g.district_code,
      'office_codes', g.office_codes) order by g.role, g.scope_kind, g.district_code)
     from user_grants g where g.user_id = u.id) as grants
  from users u`;

/**
 * The accounts an admin of this scope manages: every account for the region; otherwise those with at
 * least one grant and every grant within the scope (a district admin sees the staff of their district,
 * not a regional analyst who also works one of its windows).
 */
export function listStaffRows(db: Db, scope: ActorScope) {
  const where =
    scope === 'region'
      ? sql`true`
      : sql`exists (select 1 from user_grants g where g.user_id = u.id)
          and not exists (select 1 from user_grants g where g.user_id = u.id and not ${grantWithinScope(scope)})`;
  return rows<StaffRow>(db, sql`${select} where ${where} order by u.login`);
}

/** Every change that could remove an admin takes this lock, so two of them never both see one left. */
export const lockAdminSet = (tx: Db) => lockForTransaction(tx, 'adminSet');

/** Enabled accounts holding the admin role on the whole region. */
export async function countRegionAdmins(tx: Db): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select count(distinct u.id)::int as n from users u join user_grants g on g.user_id = u.id
      where not u.disabled and g.role = 'admin' and g.scope_kind = 'region'`,
  );
  return Number(row?.n ?? 0);
}

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
      from security_log where ${condition} order by security_log.id desc limit ${filter.limit} offset ${filter.offset}`,
  );
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from security_log where ${condition}`,
  );
  return { rows: found, total: Number(count?.n ?? 0) };
}
