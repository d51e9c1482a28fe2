import type { Grant, Me } from '../../../shared/auth.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Actor } from './auth.policy.js';
import * as repo from './auth.repository.js';
import {
  delaySeconds,
  failureMemoryHours,
  familiarDays,
  lockRefuses,
  loginKey,
  maskedLogin,
  throttleAddress,
} from './login-guard.js';
import * as guard from './login-guard.repository.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { recordSecurityEvent, recordSecurityEventAlone } from './security-log.js';
import type { UserRow } from './staff.schema.js';
import { csrfTokenFor, hashToken, newSessionToken } from './tokens.js';

export type Client = { ip: string | null; userAgent: string | null };
type Deps = { db: Db; config: Config };

/** One message for every refused sign-in: it must not tell whether the login exists or is locked. */
export const loginRefused = () => new AppError('UNAUTHENTICATED', 'wrong login or password');

export const toMe = (
  u: Pick<UserRow, 'id' | 'login' | 'fullName' | 'mustChangePassword'>,
  grants: Grant[],
): Me => ({
  id: u.id,
  login: u.login,
  fullName: u.fullName,
  grants,
  mustChangePassword: u.mustChangePassword,
});

/**
 * Signs a staff member in (rules in login-guard.ts): an address that failed too often on this login waits
 * first, without a password check; the password is checked against a dummy hash when the login is
 * unknown, so the time taken does not tell; failures are counted per address and per account, and the
 * account locks at the limit against unfamiliar addresses only. A hash of old parameters is remade.
 */
export async function login(
  input: { login: string; password: string },
  client: Client,
  { db, config }: Deps,
  now = new Date(),
): Promise<{ me: Me; token: string; csrfToken: string }> {
  const key = loginKey(input.login);
  const ip = throttleAddress(client.ip);
  const wait = await guard.throttleWait(db, key, ip);
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `too many failed sign-ins: try again in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  }
  const user = await repo.findUserByLogin(db, input.login);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  // Asked for every login, known or not, so that the time taken tells nothing.
  const familiar = client.ip
    ? await guard.isFamiliarAddress(db, input.login, client.ip, familiarDays)
    : false;
  const locked = user
    ? lockRefuses(user.lockedUntil === null ? null : new Date(user.lockedUntil), familiar, now)
    : false;
  // A password typed into the login field must not reach the log: only real logins are kept as typed.
  const logged = { login: user ? user.login : maskedLogin(input.login), ...client };
  if (!user || user.disabled || locked || !matches) {
    const reason = !user
      ? 'unknown_login'
      : user.disabled
        ? 'disabled'
        : locked
          ? 'locked'
          : 'wrong_password';
    await db.transaction(async (tx) => {
      // Every refusal slows the address alike: a right password refused by a lock or a disabled account
      // must not answer otherwise than a wrong one (it would tell a guess was right). Tries against a lock
      // count on, and extend it.
      await guard.recordThrottledFailure(
        tx,
        key,
        ip,
        (failures) => delaySeconds(failures, config.loginDelayAfter),
        failureMemoryHours,
      );
      const lockedNow =
        (reason === 'wrong_password' || reason === 'locked') && user
          ? await repo.recordFailedAttempt(tx, user.id, config.lockoutAttempts, config.lockoutMinutes)
          : false;
      await recordSecurityEvent(tx, {
        event: 'login_failure',
        result: 'refused',
        userId: user?.id,
        ...logged,
        details: { reason },
      });
      if (lockedNow && user) {
        await recordSecurityEvent(tx, {
          event: 'lock',
          result: 'ok',
          userId: user.id,
          ...logged,
          details: { attempts: config.lockoutAttempts, minutes: config.lockoutMinutes },
        });
      }
    });
    if (Math.random() < 0.02) await guard.pruneThrottle(db, failureMemoryHours);
    throw loginRefused();
  }
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  const token = newSessionToken();
  await db.transaction(async (tx) => {
    await repo.resetFailedAttempts(tx, user.id);
    await guard.clearThrottle(tx, key, [ip]);
    if (client.ip) await guard.rememberAddress(tx, user.id, client.ip);
    if (rehash) await repo.rehashPassword(tx, user.id, rehash);
    await repo.deleteExpiredSessionsOf(tx, user.id, config.sessionIdleMinutes);
    const sessionId = await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      maxHours: config.sessionMaxHours,
      ...client,
    });
    await recordSecurityEvent(tx, {
      event: 'login_success',
      result: 'ok',
      userId: user.id,
      ...logged,
      details: { session: sessionId, ...(rehash ? { rehashed: true } : {}) },
    });
  });
  return { me: toMe(user, await repo.grantsOf(db, user.id)), token, csrfToken: csrfTokenFor(token) };
}

/** The actor behind a session token, or undefined; an expired session is ended and logged. */
export async function resolveSession(
  token: string,
  client: Client,
  { db, config }: Deps,
): Promise<Actor | undefined> {
  const session = await repo.findSession(db, hashToken(token), config.sessionIdleMinutes);
  if (!session) return undefined;
  if (session.expired) {
    await db.transaction(async (tx) => {
      if (await repo.deleteSession(tx, session.id)) {
        await recordSecurityEvent(tx, {
          event: 'session_expired',
          result: 'ok',
          userId: session.userId,
          ...client,
          details: { session: session.id },
        });
      }
    });
    return undefined;
  }
  if (session.disabled) return undefined;
  // Writing last_seen_at at most once a minute keeps reads from turning into writes.
  if (session.touch) await repo.touchSession(db, session.id);
  return {
    userId: session.userId,
    login: session.login,
    fullName: session.fullName,
    grants: await repo.grantsOf(db, session.userId),
    mustChangePassword: session.mustChangePassword,
    sessionId: session.id,
  };
}

export async function logout(actor: Actor, client: Client, { db }: Deps): Promise<void> {
  await db.transaction(async (tx) => {
    if (await repo.deleteSession(tx, actor.sessionId)) {
      await recordSecurityEvent(tx, {
        event: 'logout',
        result: 'ok',
        userId: actor.userId,
        login: actor.login,
        ...client,
        details: { session: actor.sessionId },
      });
    }
  });
}

export async function me(actor: Actor, { db }: Deps): Promise<Me> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'not signed in');
  return toMe(user, actor.grants);
}

/** A password rule broken, as a 400 naming the field. */
export function checkNewPassword(password: string, login: string, field = 'newPassword'): void {
  const refuse = (message: string, code: string, params?: Record<string, number>) =>
    new AppError('VALIDATION', `invalid ${field}: ${message}`, [{ field, message, code, params }]);
  if (password.length < 8) throw refuse('must be at least 8 characters', 'too_small', { minimum: 8 });
  if (password.length > 200) throw refuse('must be at most 200 characters', 'too_big', { maximum: 200 });
  if (password.trim().toLowerCase() === login.toLowerCase())
    throw refuse('must not be the login', 'password_is_login');
}

/**
 * Changes one's own password after checking the current one; every other session of the user ends, and
 * this one gets a new token (returned): a token that leaked before the change opens nothing after it.
 */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  client: Client,
  { db }: Deps,
): Promise<{ token: string }> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'not signed in');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordSecurityEventAlone(db, {
      event: 'password_change',
      result: 'refused',
      userId: user.id,
      login: user.login,
      ...client,
      details: { reason: 'wrong_current_password' },
    });
    throw new AppError('VALIDATION', 'invalid currentPassword: does not match', [
      { field: 'currentPassword', message: 'does not match', code: 'wrong_password' },
    ]);
  }
  checkNewPassword(input.newPassword, user.login);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', 'invalid newPassword: must differ from the current password', [
      { field: 'newPassword', message: 'must differ from the current password', code: 'same_password' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  const token = newSessionToken();
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, hash, false);
    await repo.deleteSessionsOf(tx, user.id, actor.sessionId);
    await repo.rotateSessionToken(tx, actor.sessionId, hashToken(token));
    await recordSecurityEvent(tx, {
      event: 'password_change',
      result: 'ok',
      userId: user.id,
      login: user.login,
      ...client,
      details: { session: actor.sessionId, tokenRotated: true },
    });
  });
  return { token };
}
