import type { Grant } from '../../../shared/auth.js';
import type { AdminUser } from '../../../shared/staff.admin.js';
import type { Db } from '../../db/client.js';
import { requireKnownCode, requireKnownCodes } from '../../db/references.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import { districtsOfOffices } from '../network/service-offices.js';
import { type CreatedAccount, createAccount } from './accounts.create.js';
import { type ActorScope, actorScopeCoversScope, scopeOfGrants } from './auth.policy.js';
import * as auth from './auth.repository.js';
import { checkNewPassword } from './auth.service.js';
import { loginKey, throttleAddress } from './login-guard.js';
import * as guard from './login-guard.repository.js';
import { hashPassword } from './password.js';
import { recordSecurityEvent } from './security-log.js';
import * as repo from './users.repository.js';

type Deps = { db: Db };
/** The admin making the change and where the request came from, for both logs. */
type WriteDeps = Deps & { author: ChangeAuthor; client: { ip: string | null; userAgent: string | null } };

export const toAdminUserDto = (r: repo.StaffRow): AdminUser => ({
  id: r.id,
  login: r.login,
  fullName: r.fullName,
  disabled: r.disabled,
  lockedUntil: r.lockedUntil === null ? null : isoTimestamp(r.lockedUntil),
  grants: repo.grantsOfRow(r),
  createdAt: isoTimestamp(r.createdAt),
});

/** The accounts an admin of this scope manages (scope rules in users.repository.ts). */
export const listUsers = async ({ db }: Deps, scope: ActorScope) =>
  (await repo.listStaffRows(db, scope)).map(toAdminUserDto);

/**
 * Who may do what to an account — one set of rules for every action:
 * - an admin manages the accounts whose every grant lies within their own admin scope (an account without
 *   grants: admins of the region only);
 * - an admin grants a role only on a scope within their own admin scope: nobody hands out more than they hold;
 * - nobody changes their own grants (another admin must), and no change may leave the region without an
 *   enabled admin of the whole region.
 * The author's scope is read inside the transaction, under the lock of the admin set: a grant taken away a
 * moment ago no longer counts.
 */
const authorScope = async (tx: Db, author: ChangeAuthor): Promise<ActorScope> =>
  author.userId === null
    ? { districts: [], offices: [] }
    : scopeOfGrants(await auth.grantsOf(tx, author.userId), ['admin']);

const describeScope = (g: Grant) =>
  g.scope.kind === 'region'
    ? 'the region'
    : g.scope.kind === 'district'
      ? `district ${g.scope.district}`
      : `offices ${g.scope.offices.join(', ')}`;

/** The first grant that lies beyond the scope, or undefined when every one lies within it. */
async function firstBeyondScope(tx: Db, scope: ActorScope, grants: Grant[]): Promise<Grant | undefined> {
  const offices = grants.flatMap((g) => (g.scope.kind === 'offices' ? g.scope.offices : []));
  const districts = await districtsOfOffices(tx, offices);
  return grants.find((g) => !actorScopeCoversScope(scope, g.scope, (o) => districts.get(o)));
}

async function requireWithinScope(tx: Db, scope: ActorScope, grants: Grant[], what: string): Promise<void> {
  const beyond = await firstBeyondScope(tx, scope, grants);
  if (beyond) {
    throw new AppError(
      'FORBIDDEN',
      `${what}: ${beyond.role} on ${describeScope(beyond)} lies beyond your scope`,
    );
  }
}

/** Why an admin of this scope may not manage an account with these grants; undefined when they may. */
async function whyNotManaged(tx: Db, scope: ActorScope, who: string, grants: Grant[]) {
  if (scope === 'region') return undefined;
  if (grants.length === 0) return `user ${who} has no grants: only an admin of the region manages it`;
  // An admin of a district resetting a fellow admin's password could act under that admin's name.
  if (grants.some((g) => g.role === 'admin'))
    return `user ${who} is an admin: only an admin of the region manages them`;
  const beyond = await firstBeyondScope(tx, scope, grants);
  return beyond
    ? `user ${who}: ${beyond.role} on ${describeScope(beyond)} lies beyond your scope`
    : undefined;
}

async function requireManages(tx: Db, scope: ActorScope, target: repo.StaffRow): Promise<void> {
  const why = await whyNotManaged(tx, scope, target.login, repo.grantsOfRow(target));
  if (why) throw new AppError('FORBIDDEN', why);
}

/** Whether an admin of this scope manages the account (the same rule as every action on it above). */
export async function managesUser(db: Db, scope: ActorScope, userId: string): Promise<boolean> {
  return (await whyNotManaged(db, scope, userId, await auth.grantsOf(db, userId))) === undefined;
}

async function requireRegionAdminLeft(tx: Db): Promise<void> {
  if ((await repo.countRegionAdmins(tx)) === 0) {
    throw new AppError('LAST_ADMIN', 'this change would leave the region without an enabled admin');
  }
}

async function checkGrantTargets(tx: Db, grants: Grant[]): Promise<void> {
  for (const [i, g] of grants.entries()) {
    if (g.scope.kind === 'district')
      await requireKnownCode(tx, 'districts', `grants.${i}.scope.district`, g.scope.district);
    if (g.scope.kind === 'offices')
      await requireKnownCodes(tx, 'offices', `grants.${i}.scope.offices`, g.scope.offices);
  }
}

async function lockUser(tx: Db, id: string): Promise<repo.StaffRow> {
  const row = await repo.findStaffRow(tx, id, true);
  if (!row) throw notFound(`user ${id}`);
  return row;
}

/** An account made in the admin console: within the author's scope, its password changed at first sign-in. */
export async function createUser(
  { db, author, client }: WriteDeps,
  input: { login: string; fullName: string; password: string; grants: Grant[] },
): Promise<AdminUser> {
  return createAccount(
    db,
    { ...input, mustChangePassword: true },
    {
      by: author.login,
      client,
      fieldPrefix: 'body.',
      authorize: async (tx, grants) => {
        await checkGrantTargets(tx, grants);
        const scope = await authorScope(tx, author);
        await requireWithinScope(tx, scope, grants, 'new user');
        if (scope !== 'region' && grants.length === 0) {
          throw new AppError('FORBIDDEN', 'give the new user a role within your scope');
        }
      },
      finish: async (tx: Db, { id }: CreatedAccount) => {
        const after = toAdminUserDto(await lockUser(tx, id));
        await recordChange(tx, {
          author,
          entity: 'user',
          key: id,
          action: 'create',
          before: null,
          after: { login: after.login, fullName: after.fullName, grants: after.grants },
        });
        return after;
      },
    },
  );
}

export async function setGrants(
  { db, author, client }: WriteDeps,
  id: string,
  grants: Grant[],
): Promise<AdminUser> {
  if (id.toLowerCase() === author.userId) {
    throw new AppError('FORBIDDEN', 'nobody changes their own grants: another admin must');
  }
  return db.transaction(async (tx) => {
    await repo.lockAdminSet(tx);
    const scope = await authorScope(tx, author);
    const row = await lockUser(tx, id);
    await requireManages(tx, scope, row);
    await checkGrantTargets(tx, grants);
    await requireWithinScope(tx, scope, grants, 'grant');
    const before = toAdminUserDto(row);
    await auth.replaceGrants(tx, id, grants);
    await requireRegionAdminLeft(tx);
    const after = toAdminUserDto(await lockUser(tx, id));
    await recordSecurityEvent(tx, {
      event: 'role_change',
      result: 'ok',
      userId: id,
      login: before.login,
      ...client,
      details: { action: 'grants_set', by: author.login, before: before.grants, after: after.grants },
    });
    await recordChange(tx, {
      author,
      entity: 'user',
      key: id,
      action: 'grants',
      before: before.grants,
      after: after.grants,
    });
    return after;
  });
}

/** Sets a temporary password: the user must change it at the next sign-in, and every session ends. */
export async function resetPassword(
  { db, author, client }: WriteDeps,
  id: string,
  password: string,
): Promise<AdminUser> {
  const user = await repo.findStaffRow(db, id);
  if (!user) throw notFound(`user ${id}`);
  checkNewPassword(password, user.login, 'body.password');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await lockUser(tx, id);
    await requireManages(tx, await authorScope(tx, author), row);
    await auth.setPassword(tx, id, passwordHash, true);
    await auth.deleteSessionsOf(tx, id);
    await recordSecurityEvent(tx, {
      event: 'password_reset',
      result: 'ok',
      userId: id,
      login: row.login,
      ...client,
      details: { by: author.login },
    });
    await recordChange(tx, {
      author,
      entity: 'user',
      key: id,
      action: 'reset-password',
      before: null,
      after: { mustChangePassword: true },
    });
    return toAdminUserDto(row);
  });
}

/** Disables (ending every session) or enables an account. An admin cannot disable their own account. */
export async function setUserDisabled(
  { db, author, client }: WriteDeps,
  id: string,
  disabled: boolean,
): Promise<AdminUser> {
  if (disabled && id.toLowerCase() === author.userId)
    throw new AppError('CONFLICT', 'you cannot disable your own account');
  return db.transaction(async (tx) => {
    if (disabled) await repo.lockAdminSet(tx);
    const scope = await authorScope(tx, author);
    const before = await lockUser(tx, id);
    await requireManages(tx, scope, before);
    await repo.setDisabled(tx, id, disabled);
    if (disabled) {
      await auth.deleteSessionsOf(tx, id);
      await requireRegionAdminLeft(tx);
    }
    await recordSecurityEvent(tx, {
      event: disabled ? 'user_disabled' : 'user_enabled',
      result: 'ok',
      userId: id,
      login: before.login,
      ...client,
      details: { action: disabled ? 'disable' : 'enable', by: author.login },
    });
    await recordChange(tx, {
      author,
      entity: 'user',
      key: id,
      action: disabled ? 'disable' : 'enable',
      before: { disabled: before.disabled },
      after: { disabled },
    });
    return toAdminUserDto(await lockUser(tx, id));
  });
}

/**
 * Lifts the lock of an account, and the sign-in waits of its login at the addresses it signed in from —
 * never a stranger's, who would otherwise guess on at full speed.
 */
export async function unlockUser({ db, author, client }: WriteDeps, id: string): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const row = await lockUser(tx, id);
    await requireManages(tx, await authorScope(tx, author), row);
    const wasLocked = await auth.unlockUser(tx, id);
    const familiar = await guard.familiarAddresses(tx, id);
    await guard.clearThrottle(tx, loginKey(row.login), familiar.map(throttleAddress));
    await recordSecurityEvent(tx, {
      event: 'unlock',
      result: 'ok',
      userId: id,
      login: row.login,
      ...client,
      details: { by: author.login, wasLocked },
    });
    await recordChange(tx, {
      author,
      entity: 'user',
      key: id,
      action: 'unlock',
      before: { lockedUntil: toAdminUserDto(row).lockedUntil },
      after: { lockedUntil: null },
    });
    return toAdminUserDto(await lockUser(tx, id));
  });
}

export async function browseSecurityLog(
  { db }: Deps,
  query: { login?: string; event?: string; from?: string; to?: string; page: number; limit: number },
) {
  const found = await repo.findSecurityLog(db, { ...query, offset: (query.page - 1) * query.limit });
  return {
    items: found.rows.map((r) => ({ ...r, id: String(r.id), at: isoTimestamp(r.at) })),
    total: found.total,
  };
}
