import type { Grant, Me } from '../../../shared/auth.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Actor } from './auth.policy.js';
import * as repo from './auth.repository.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { recordSecurityEvent, recordSecurityEventAlone } from './security-log.js';
import { csrfTokenFor, hashToken, newSessionToken } from './tokens.js';

export type Client = { ip: string | null; userAgent: string | null };
type Deps = { db: Db; config: Config };

/** One message for every refused sign-in: it must not tell whether the login exists or is locked. */
export const loginRefused = () => new AppError('UNAUTHENTICATED', 'wrong login or password');

const isLocked = (u: repo.UserRow) =>
  u.locked_until !== null && new Date(u.locked_until).getTime() > Date.now();

export const toMe = (u: repo.UserRow, grants: Grant[]): Me => ({
  id: u.id,
  login: u.login,
  fullName: u.full_name,
  grants,
  mustChangePassword: u.must_change_password,
});

/**
 * Signs a staff member in: checks the password (against a dummy hash when the login is unknown, so the
 * time taken does not tell), counts failures and locks the account at the limit, and opens a session.
 */
export async function login(
  input: { login: string; password: string },
  client: Client,
  { db, config }: Deps,
): Promise<{ me: Me; token: string; csrfToken: string }> {
  const user = await repo.findUserByLogin(db, input.login);
  const matches = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  const logged = { login: repo.normalizeLogin(input.login).slice(0, 100), ...client };
  if (!user || user.disabled || isLocked(user) || !matches) {
    const reason = !user
      ? 'unknown_login'
      : user.disabled
        ? 'disabled'
        : isLocked(user)
          ? 'locked'
          : 'wrong_password';
    await db.transaction(async (tx) => {
      const locked =
        reason === 'wrong_password' && user
          ? await repo.recordFailedAttempt(tx, user.id, config.lockoutAttempts, config.lockoutMinutes)
          : false;
      await recordSecurityEvent(tx, {
        event: 'login_failure',
        result: 'refused',
        userId: user?.id,
        ...logged,
        details: { reason },
      });
      if (locked && user) {
        await recordSecurityEvent(tx, {
          event: 'lock',
          result: 'ok',
          userId: user.id,
          ...logged,
          details: { attempts: config.lockoutAttempts, minutes: config.lockoutMinutes },
        });
      }
    });
    throw loginRefused();
  }
  const token = newSessionToken();
  await db.transaction(async (tx) => {
    await repo.resetFailedAttempts(tx, user.id);
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
      details: { session: sessionId },
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
          userId: session.user_id,
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
    userId: session.user_id,
    login: session.login,
    fullName: session.full_name,
    grants: await repo.grantsOf(db, session.user_id),
    mustChangePassword: session.must_change_password,
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
  const refuse = (message: string) =>
    new AppError('VALIDATION', `invalid ${field}: ${message}`, [{ field, message }]);
  if (password.length < 8) throw refuse('must be at least 8 characters');
  if (password.length > 200) throw refuse('must be at most 200 characters');
  if (password.trim().toLowerCase() === login.toLowerCase()) throw refuse('must not be the login');
}

/** Changes one's own password after checking the current one; every other session of the user ends. */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  client: Client,
  { db }: Deps,
): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'not signed in');
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordSecurityEventAlone(db, {
      event: 'password_change',
      result: 'refused',
      userId: user.id,
      login: user.login,
      ...client,
      details: { reason: 'wrong_current_password' },
    });
    throw new AppError('VALIDATION', 'invalid currentPassword: does not match', [
      { field: 'currentPassword', message: 'does not match' },
    ]);
  }
  checkNewPassword(input.newPassword, user.login);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', 'invalid newPassword: must differ from the current password', [
      { field: 'newPassword', message: 'must differ from the current password' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, hash, false);
    await repo.deleteSessionsOf(tx, user.id, actor.sessionId);
    await recordSecurityEvent(tx, {
      event: 'password_change',
      result: 'ok',
      userId: user.id,
      login: user.login,
      ...client,
    });
  });
}
