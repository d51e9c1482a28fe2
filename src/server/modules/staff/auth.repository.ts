import { and, eq, lte, ne, or, sql } from 'drizzle-orm';
import type { Grant } from '../../../shared/auth.js';
import type { Db } from '../../db/client.js';
import { sessions, type UserGrantRow, type UserRow, userGrants, users } from './staff.schema.js';

type GrantFields = Pick<UserGrantRow, 'role' | 'scopeKind' | 'districtCode' | 'officeCodes'>;

export const toGrant = (r: GrantFields): Grant => ({
  role: r.role,
  scope:
    r.scopeKind === 'region'
      ? { kind: 'region' }
      : r.scopeKind === 'district'
        ? { kind: 'district', district: r.districtCode ?? '' }
        : { kind: 'offices', offices: r.officeCodes },
});

export const normalizeLogin = (login: string) => login.trim().toLowerCase();

export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.login, normalizeLogin(login)));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function grantsOf(db: Db, userId: string): Promise<Grant[]> {
  const found = await db
    .select({
      role: userGrants.role,
      scopeKind: userGrants.scopeKind,
      districtCode: userGrants.districtCode,
      officeCodes: userGrants.officeCodes,
    })
    .from(userGrants)
    .where(eq(userGrants.userId, userId))
    .orderBy(userGrants.role, userGrants.scopeKind, userGrants.districtCode);
  return found.map(toGrant);
}

export async function insertUser(
  db: Db,
  user: Pick<UserRow, 'login' | 'fullName' | 'passwordHash' | 'mustChangePassword'>,
): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ ...user, login: normalizeLogin(user.login) })
    .returning({ id: users.id });
  return row.id;
}

export async function replaceGrants(db: Db, userId: string, grants: Grant[]): Promise<void> {
  await db.delete(userGrants).where(eq(userGrants.userId, userId));
  if (grants.length === 0) return;
  await db.insert(userGrants).values(
    grants.map((g) => ({
      userId,
      role: g.role,
      scopeKind: g.scope.kind,
      districtCode: g.scope.kind === 'district' ? g.scope.district : null,
      officeCodes: g.scope.kind === 'offices' ? g.scope.offices : [],
    })),
  );
}

/** Counts a failed sign-in; locks the account when the count reaches the limit. Returns whether it locked. */
export async function recordFailedAttempt(
  db: Db,
  userId: string,
  limit: number,
  lockMinutes: number,
): Promise<boolean> {
  const reachesLimit = sql`${users.failedAttempts} + 1 >= ${limit}`;
  const [row] = await db
    .update(users)
    .set({
      failedAttempts: sql`case when ${reachesLimit} then 0 else ${users.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit}
        then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning({ locked: sql<boolean>`${users.failedAttempts} = 0 and ${users.lockedUntil} > now()` });
  return row?.locked === true;
}

/** A successful sign-in clears the count; a lock stays until it passes or an admin lifts it. */
export async function resetFailedAttempts(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ failedAttempts: 0 })
    .where(and(eq(users.id, userId), ne(users.failedAttempts, 0)));
}

/** Lifts a lock: the count of failures and the lock itself. Returns whether it was locked. */
export async function unlockUser(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ wasLocked: sql<boolean>`coalesce(${users.lockedUntil} > now(), false)` })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  await db
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  return row?.wasLocked === true;
}

/** Replaces a hash with one of today's parameters (the password itself is unchanged). */
export async function rehashPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function setPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword, failedAttempts: 0, lockedUntil: null, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

// Sessions

/**
 * The session of a token hash with its user, and whether it has expired (absolute or idle) and needs its
 * last-seen time written: one query, since every staff request asks it.
 */
export async function findSession(db: Db, tokenHash: string, idleMinutes: number) {
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      expired: sql<boolean>`(${sessions.expiresAt} <= now()
        or ${sessions.lastSeenAt} <= now() - make_interval(mins => ${idleMinutes}))`,
      touch: sql<boolean>`${sessions.lastSeenAt} <= now() - interval '1 minute'`,
      login: users.login,
      fullName: users.fullName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; maxHours: number; ip: string | null; userAgent: string | null },
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: s.tokenHash,
      userId: s.userId,
      expiresAt: sql`now() + make_interval(hours => ${s.maxHours})`,
      ip: s.ip,
      userAgent: s.userAgent,
    })
    .returning({ id: sessions.id });
  return row.id;
}

/** Removes a user's sessions that have run out (called at sign-in, so the table does not grow forever). */
export async function deleteExpiredSessionsOf(db: Db, userId: string, idleMinutes: number): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        or(
          lte(sessions.expiresAt, sql`now()`),
          lte(sessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
        ),
      ),
    );
}

export async function touchSession(db: Db, id: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const deleted = await db.delete(sessions).where(eq(sessions.id, id)).returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Gives a session a new token (after a password change): a token seen before the change opens nothing. */
export async function rotateSessionToken(db: Db, sessionId: string, tokenHash: string): Promise<void> {
  await db.update(sessions).set({ tokenHash }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user but one (after a password change) or all of them. */
export async function deleteSessionsOf(db: Db, userId: string, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId));
}
