import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { normalizeLogin } from './auth.repository.js';
import { loginAddresses, loginThrottle, users } from './staff.schema.js';

/** The sign-in throttle and the addresses accounts signed in from (rules in login-guard.ts). */

const throttleOf = (loginKey: string, ip: string) =>
  and(eq(loginThrottle.loginKey, loginKey), eq(loginThrottle.ip, ip));

/** Seconds this address must still wait before it may try this login again; 0 when it may now. */
export async function throttleWait(db: Db, loginKey: string, ip: string): Promise<number> {
  const [row] = await db
    .select({ wait: sql<number>`ceil(extract(epoch from ${loginThrottle.blockedUntil} - now()))::int` })
    .from(loginThrottle)
    .where(and(throttleOf(loginKey, ip), gt(loginThrottle.blockedUntil, sql`now()`)));
  return row?.wait ?? 0;
}

/** Counts a failure of this address on this login and sets its wait; returns the failures in a row. */
export async function recordThrottledFailure(
  db: Db,
  loginKey: string,
  ip: string,
  delayFor: (failures: number) => number,
  memoryHours: number,
): Promise<number> {
  const [{ failures }] = await db
    .insert(loginThrottle)
    .values({ loginKey, ip, failures: 1, lastFailureAt: sql`now()`, blockedUntil: sql`now()` })
    .onConflictDoUpdate({
      target: [loginThrottle.loginKey, loginThrottle.ip],
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < now() - make_interval(hours => ${memoryHours})
          then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: sql`now()`,
      },
    })
    .returning({ failures: loginThrottle.failures });
  await db
    .update(loginThrottle)
    .set({ blockedUntil: sql`now() + make_interval(secs => ${delayFor(failures)})` })
    .where(throttleOf(loginKey, ip));
  return failures;
}

/** Clears the waits of a login at these (throttle) addresses. */
export async function clearThrottle(db: Db, loginKey: string, ips: readonly string[]): Promise<void> {
  if (ips.length === 0) return;
  await db
    .delete(loginThrottle)
    .where(and(eq(loginThrottle.loginKey, loginKey), inArray(loginThrottle.ip, [...ips])));
}

/** Forgets runs of failures long past, so the table holds only what still matters. */
export async function pruneThrottle(db: Db, memoryHours: number): Promise<void> {
  await db
    .delete(loginThrottle)
    .where(lt(loginThrottle.lastFailureAt, sql`now() - make_interval(hours => ${memoryHours})`));
}

/** Whether the login's account signed in from this address within the last `days`; false for an unknown login. */
export async function isFamiliarAddress(db: Db, login: string, ip: string, days: number): Promise<boolean> {
  const found = await db
    .select({ ip: loginAddresses.ip })
    .from(loginAddresses)
    .innerJoin(users, eq(users.id, loginAddresses.userId))
    .where(
      and(
        eq(users.login, normalizeLogin(login)),
        eq(loginAddresses.ip, ip),
        gt(loginAddresses.lastSuccessAt, sql`now() - make_interval(days => ${days})`),
      ),
    )
    .limit(1);
  return found.length > 0;
}

export async function rememberAddress(db: Db, userId: string, ip: string): Promise<void> {
  await db
    .insert(loginAddresses)
    .values({ userId, ip, lastSuccessAt: sql`now()` })
    .onConflictDoUpdate({
      target: [loginAddresses.userId, loginAddresses.ip],
      set: { lastSuccessAt: sql`now()` },
    });
}

/** The addresses an account signed in from (any time: an unlock clears their waits). */
export async function familiarAddresses(db: Db, userId: string): Promise<string[]> {
  const found = await db
    .select({ ip: loginAddresses.ip })
    .from(loginAddresses)
    .where(eq(loginAddresses.userId, userId));
  return found.map((r) => r.ip);
}
