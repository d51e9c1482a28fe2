import type { Grant, Role, Scope } from '../../../shared/auth.js';
import { type Db, rows, sql, textArray } from '../../db/client.js';

export type UserRow = {
  id: string;
  login: string;
  full_name: string;
  password_hash: string;
  disabled: boolean;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | string | null;
};

type GrantRow = {
  role: Role;
  scope_kind: Scope['kind'];
  district_code: string | null;
  office_codes: string[];
};

export const toGrant = (r: GrantRow): Grant => ({
  role: r.role,
  scope:
    r.scope_kind === 'region'
      ? { kind: 'region' }
      : r.scope_kind === 'district'
        ? { kind: 'district', district: r.district_code ?? '' }
        : { kind: 'offices', offices: r.office_codes },
});

export const normalizeLogin = (login: string) => login.trim().toLowerCase();

export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const [row] = await rows<UserRow>(
    db,
    sql`select id::text as id, login, full_name, password_hash, disabled, must_change_password, failed_attempts, locked_until
      from users where login = ${normalizeLogin(login)}`,
  );
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await rows<UserRow>(
    db,
    sql`select id::text as id, login, full_name, password_hash, disabled, must_change_password, failed_attempts, locked_until
      from users where id = ${id}::uuid`,
  );
  return row;
}

export async function grantsOf(db: Db, userId: string): Promise<Grant[]> {
  const found = await rows<GrantRow>(
    db,
    sql`select role, scope_kind, district_code, office_codes from user_grants where user_id = ${userId}::uuid
      order by role, scope_kind, district_code`,
  );
  return found.map(toGrant);
}

export async function insertUser(
  db: Db,
  user: { login: string; fullName: string; passwordHash: string; mustChangePassword: boolean },
): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`insert into users (login, full_name, password_hash, must_change_password)
      values (${normalizeLogin(user.login)}, ${user.fullName}, ${user.passwordHash}, ${user.mustChangePassword})
      returning id::text as id`,
  );
  return row.id;
}

export async function replaceGrants(db: Db, userId: string, grants: Grant[]): Promise<void> {
  await db.execute(sql`delete from user_grants where user_id = ${userId}::uuid`);
  for (const g of grants) {
    const district = g.scope.kind === 'district' ? g.scope.district : null;
    const offices = g.scope.kind === 'offices' ? g.scope.offices : [];
    await db.execute(sql`insert into user_grants (user_id, role, scope_kind, district_code, office_codes)
      values (${userId}::uuid, ${g.role}, ${g.scope.kind}, ${district}, ${textArray(offices)})`);
  }
}

/** Counts a failed sign-in; locks the account when the count reaches the limit. Returns whether it locked. */
export async function recordFailedAttempt(
  db: Db,
  userId: string,
  limit: number,
  lockMinutes: number,
): Promise<boolean> {
  const [row] = await rows<{ locked: boolean }>(
    db,
    sql`update users set
        failed_attempts = case when failed_attempts + 1 >= ${limit} then 0 else failed_attempts + 1 end,
        locked_until = case when failed_attempts + 1 >= ${limit}
          then now() + make_interval(mins => ${lockMinutes}) else locked_until end,
        updated_at = now()
      where id = ${userId}::uuid
      returning failed_attempts = 0 and locked_until > now() as locked`,
  );
  return Boolean(row?.locked);
}

/** A successful sign-in clears the count; a lock stays until it passes or an admin lifts it. */
export async function resetFailedAttempts(db: Db, userId: string): Promise<void> {
  await db.execute(
    sql`update users set failed_attempts = 0 where id = ${userId}::uuid and failed_attempts <> 0`,
  );
}

/** Lifts a lock: the count of failures and the lock itself. Returns whether it was locked. */
export async function unlockUser(db: Db, userId: string): Promise<boolean> {
  const [row] = await rows<{ was_locked: boolean }>(
    db,
    sql`select coalesce(locked_until > now(), false) as was_locked from users where id = ${userId}::uuid for update`,
  );
  await db.execute(sql`update users set failed_attempts = 0, locked_until = null, updated_at = now()
    where id = ${userId}::uuid`);
  return Boolean(row?.was_locked);
}

/** Replaces a hash with one of today's parameters (the password itself is unchanged). */
export async function rehashPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.execute(sql`update users set password_hash = ${passwordHash} where id = ${userId}::uuid`);
}

export async function setPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  await db.execute(sql`update users set password_hash = ${passwordHash}, must_change_password = ${mustChangePassword},
    failed_attempts = 0, locked_until = null, updated_at = now() where id = ${userId}::uuid`);
}

// Sessions

export type SessionRow = {
  id: string;
  user_id: string;
  expired: boolean;
  touch: boolean;
  login: string;
  full_name: string;
  disabled: boolean;
  must_change_password: boolean;
};

/**
 * The session of a token hash with its user, and whether it has expired (absolute or idle) and needs its
 * last-seen time written: one query, since every staff request asks it.
 */
export async function findSession(
  db: Db,
  tokenHash: string,
  idleMinutes: number,
): Promise<SessionRow | undefined> {
  const [row] = await rows<SessionRow>(
    db,
    sql`select s.id::text as id, s.user_id::text as user_id,
        (s.expires_at <= now() or s.last_seen_at <= now() - make_interval(mins => ${idleMinutes})) as expired,
        s.last_seen_at <= now() - interval '1 minute' as touch,
        u.login, u.full_name, u.disabled, u.must_change_password
      from sessions s join users u on u.id = s.user_id where s.token_hash = ${tokenHash}`,
  );
  return row;
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; maxHours: number; ip: string | null; userAgent: string | null },
): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`insert into sessions (token_hash, user_id, expires_at, ip, user_agent)
      values (${s.tokenHash}, ${s.userId}::uuid, now() + make_interval(hours => ${s.maxHours}), ${s.ip}, ${s.userAgent})
      returning id::text as id`,
  );
  return row.id;
}

/** Removes a user's sessions that have run out (called at sign-in, so the table does not grow forever). */
export async function deleteExpiredSessionsOf(db: Db, userId: string, idleMinutes: number): Promise<void> {
  await db.execute(sql`delete from sessions where user_id = ${userId}::uuid
    and (expires_at <= now() or last_seen_at <= now() - make_interval(mins => ${idleMinutes}))`);
}

export async function touchSession(db: Db, id: string): Promise<void> {
  await db.execute(sql`update sessions set last_seen_at = now() where id = ${id}::uuid`);
}

export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const deleted = await rows<{ id: string }>(
    db,
    sql`delete from sessions where id = ${id}::uuid returning id::text as id`,
  );
  return deleted.length > 0;
}

/** Gives a session a new token (after a password change): a token seen before the change opens nothing. */
export async function rotateSessionToken(db: Db, sessionId: string, tokenHash: string): Promise<void> {
  await db.execute(sql`update sessions set token_hash = ${tokenHash} where id = ${sessionId}::uuid`);
}

/** Ends every session of a user but one (after a password change) or all of them. */
export async function deleteSessionsOf(db: Db, userId: string, except?: string): Promise<void> {
  await db.execute(
    except
      ? sql`delete from sessions where user_id = ${userId}::uuid and id <> ${except}::uuid`
      : sql`delete from sessions where user_id = ${userId}::uuid`,
  );
}

/** The district of each of these offices (unknown ones are left out). */
export async function districtsOfOffices(db: Db, offices: readonly string[]): Promise<Map<string, string>> {
  if (offices.length === 0) return new Map();
  const found = await rows<{ code: string; district_code: string }>(
    db,
    sql`select code, district_code from offices where code = any(${textArray(offices)})`,
  );
  return new Map(found.map((r) => [r.code, r.district_code]));
}
