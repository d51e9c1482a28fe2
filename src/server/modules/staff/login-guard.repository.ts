import { type Db, rows, sql, textArray } from '../../db/client.js';
import { normalizeLogin } from './auth.repository.js';

/** The sign-in throttle and the addresses accounts signed in from (rules in login-guard.ts). */

/** Seconds this address must still wait before it may try this login again; 0 when it may now. */
export async function throttleWait(db: Db, loginKey: string, ip: string): Promise<number> {
  const [row] = await rows<{ wait: number }>(
    db,
    sql`select ceil(extract(epoch from blocked_until - now()))::int as wait from login_throttle
      where login_key = ${loginKey} and ip = ${ip} and blocked_until > now()`,
  );
  return row ? Number(row.wait) : 0;
}

/** Counts a failure of this address on this login and sets its wait; returns the failures in a row. */
export async function recordThrottledFailure(
  db: Db,
  loginKey: string,
  ip: string,
  delayFor: (failures: number) => number,
  memoryHours: number,
): Promise<number> {
  const [row] = await rows<{ failures: number }>(
    db,
    sql`insert into login_throttle (login_key, ip, failures, last_failure_at, blocked_until)
      values (${loginKey}, ${ip}, 1, now(), now())
      on conflict (login_key, ip) do update set
        failures = case when login_throttle.last_failure_at < now() - make_interval(hours => ${memoryHours})
          then 1 else login_throttle.failures + 1 end,
        last_failure_at = now()
      returning failures`,
  );
  const failures = Number(row.failures);
  await db.execute(sql`update login_throttle set blocked_until = now() + make_interval(secs => ${delayFor(failures)})
    where login_key = ${loginKey} and ip = ${ip}`);
  return failures;
}

/** Clears the waits of a login at these (throttle) addresses. */
export async function clearThrottle(db: Db, loginKey: string, ips: readonly string[]): Promise<void> {
  if (ips.length === 0) return;
  await db.execute(
    sql`delete from login_throttle where login_key = ${loginKey} and ip = any(${textArray(ips)})`,
  );
}

/** Forgets runs of failures long past, so the table holds only what still matters. */
export async function pruneThrottle(db: Db, memoryHours: number): Promise<void> {
  await db.execute(
    sql`delete from login_throttle where last_failure_at < now() - make_interval(hours => ${memoryHours})`,
  );
}

/** Whether the login's account signed in from this address within the last `days`; false for an unknown login. */
export async function isFamiliarAddress(db: Db, login: string, ip: string, days: number): Promise<boolean> {
  const [row] = await rows<{ familiar: boolean }>(
    db,
    sql`select exists (select 1 from login_addresses a join users u on u.id = a.user_id
      where u.login = ${normalizeLogin(login)} and a.ip = ${ip}
        and a.last_success_at > now() - make_interval(days => ${days})) as familiar`,
  );
  return Boolean(row?.familiar);
}

export async function rememberAddress(db: Db, userId: string, ip: string): Promise<void> {
  await db.execute(sql`insert into login_addresses (user_id, ip, last_success_at) values (${userId}::uuid, ${ip}, now())
    on conflict (user_id, ip) do update set last_success_at = now()`);
}

/** The addresses an account signed in from (any time: an unlock clears their waits). */
export async function familiarAddresses(db: Db, userId: string): Promise<string[]> {
  const found = await rows<{ ip: string }>(
    db,
    sql`select ip from login_addresses where user_id = ${userId}::uuid`,
  );
  return found.map((r) => r.ip);
}
