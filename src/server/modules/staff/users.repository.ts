import { and, count, countDistinct, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Grant } from '../../../shared/auth.js';
import type { Db } from '../../db/client.js';
import { lockForTransaction } from '../../db/locks.js';
import type { ActorScope } from './auth.policy.js';
import { toGrant } from './auth.repository.js';
import { grantWithinScope } from './scope.sql.js';
import { securityLog, type UserGrantRow, type UserRow, userGrants, users } from './staff.schema.js';

/**
 * An account as the admin console shows it. Its grants come in one aggregate (keys named as the schema's
 * fields, so toGrant reads them); the lock only while it lasts, null once it has passed.
 */
const staffColumns = {
  id: users.id,
  login: users.login,
  fullName: users.fullName,
  disabled: users.disabled,
  createdAt: users.createdAt,
  lockedUntil: sql<
    UserRow['lockedUntil']
  >`case when ${users.lockedUntil} > now() then ${users.lockedUntil} end`,
  grants: sql<Pick<UserGrantRow, 'role' | 'scopeKind' | 'districtCode' | 'officeCodes'>[] | null>`(
    select json_agg(json_build_object('role', g.role, 'scopeKind', g.scope_kind, 'districtCode', g.district_code,
      'officeCodes', g.office_codes) order by g.role, g.scope_kind, g.district_code)
    from user_grants g where g.user_id = ${users.id})`,
};

const selectStaff = (db: Db, where: SQL | undefined) => db.select(staffColumns).from(users).where(where);

export type StaffRow = Awaited<ReturnType<typeof selectStaff>>[number];

/**
 * The accounts an admin of this scope manages: every account for the region; otherwise those with at
 * least one grant and every grant within the scope (a district admin sees the staff of their district,
 * not a regional analyst who also works one of its windows).
 */
export function listStaffRows(db: Db, scope: ActorScope): Promise<StaffRow[]> {
  const where =
    scope === 'region'
      ? undefined
      : sql`exists (select 1 from user_grants g where g.user_id = ${users.id})
          and not exists (select 1 from user_grants g where g.user_id = ${users.id} and not ${grantWithinScope(scope)})`;
  return selectStaff(db, where).orderBy(users.login);
}

/** Every change that could remove an admin takes this lock, so two of them never both see one left. */
export const lockAdminSet = (tx: Db) => lockForTransaction(tx, 'adminSet');

/** Enabled accounts holding the admin role on the whole region. */
export async function countRegionAdmins(tx: Db): Promise<number> {
  const [row] = await tx
    .select({ n: countDistinct(users.id) })
    .from(users)
    .innerJoin(userGrants, eq(userGrants.userId, users.id))
    .where(and(eq(users.disabled, false), eq(userGrants.role, 'admin'), eq(userGrants.scopeKind, 'region')));
  return row.n;
}

export async function findStaffRow(db: Db, id: string, lock = false): Promise<StaffRow | undefined> {
  const query = selectStaff(db, eq(users.id, id));
  const [row] = await (lock ? query.for('update', { of: users }) : query);
  return row;
}

export const grantsOfRow = (r: StaffRow): Grant[] => (r.grants ?? []).map(toGrant);

export async function setDisabled(tx: Db, id: string, disabled: boolean): Promise<void> {
  await tx.update(users).set({ disabled, updatedAt: sql`now()` }).where(eq(users.id, id));
}

export async function findSecurityLog(
  db: Db,
  filter: { login?: string; event?: string; from?: string; to?: string; offset: number; limit: number },
) {
  const where = and(
    filter.login ? eq(securityLog.login, filter.login.trim().toLowerCase()) : undefined,
    filter.event ? eq(securityLog.event, filter.event) : undefined,
    filter.from ? gte(securityLog.at, sql`${filter.from}::date`) : undefined,
    filter.to ? lt(securityLog.at, sql`${filter.to}::date + 1`) : undefined,
  );
  const found = await db
    .select({
      id: securityLog.id,
      at: securityLog.at,
      userId: securityLog.userId,
      login: securityLog.login,
      event: securityLog.event,
      ip: securityLog.ip,
      userAgent: securityLog.userAgent,
      result: securityLog.result,
      details: securityLog.details,
    })
    .from(securityLog)
    .where(where)
    .orderBy(desc(securityLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(securityLog).where(where);
  return { rows: found, total: total.n };
}
