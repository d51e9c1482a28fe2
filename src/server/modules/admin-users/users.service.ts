import type { AdminUser } from '../../../shared/admin.js';
import type { Grant } from '../../../shared/auth.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { requireKnownCode, requireKnownCodes } from '../admin-network/references.repository.js';
import * as auth from '../auth/auth.repository.js';
import { checkNewPassword } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { recordSecurityEvent } from '../auth/security-log.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import * as repo from './users.repository.js';

type Deps = { db: Db };
/** The admin making the change and where the request came from, for both logs. */
type WriteDeps = Deps & { author: ChangeAuthor; client: { ip: string | null; userAgent: string | null } };

const iso = (v: Date | string) => new Date(v).toISOString();

export const toAdminUserDto = (r: repo.StaffRow): AdminUser => ({
  id: r.id,
  login: r.login,
  fullName: r.full_name,
  disabled: r.disabled,
  grants: repo.grantsOfRow(r),
  createdAt: iso(r.created_at),
});

export const listUsers = async ({ db }: Deps) => (await repo.listStaffRows(db)).map(toAdminUserDto);

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

export async function createUser(
  { db, author, client }: WriteDeps,
  input: { login: string; fullName: string; password: string; grants: Grant[] },
): Promise<AdminUser> {
  checkNewPassword(input.password, input.login, 'body.password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await checkGrantTargets(tx, input.grants);
    if (await auth.findUserByLogin(tx, input.login)) {
      throw new AppError('CONFLICT', `login "${input.login}" is taken`);
    }
    const id = await auth.insertUser(tx, {
      login: input.login,
      fullName: input.fullName,
      passwordHash,
      mustChangePassword: true,
    });
    await auth.replaceGrants(tx, id, input.grants);
    await recordSecurityEvent(tx, {
      event: 'role_change',
      result: 'ok',
      userId: id,
      login: input.login,
      ...client,
      details: { action: 'user_created', by: author.login, grants: input.grants },
    });
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
  });
}

export async function setGrants(
  { db, author, client }: WriteDeps,
  id: string,
  grants: Grant[],
): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const before = toAdminUserDto(await lockUser(tx, id));
    await checkGrantTargets(tx, grants);
    await auth.replaceGrants(tx, id, grants);
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
  if (disabled && id === author.userId) throw new AppError('CONFLICT', 'you cannot disable your own account');
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    await repo.setDisabled(tx, id, disabled);
    if (disabled) await auth.deleteSessionsOf(tx, id);
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

export async function browseSecurityLog(
  { db }: Deps,
  query: { login?: string; event?: string; from?: string; to?: string; page: number; limit: number },
) {
  const found = await repo.findSecurityLog(db, { ...query, offset: (query.page - 1) * query.limit });
  return {
    items: found.rows.map((r) => ({
      id: r.id,
      at: iso(r.at),
      userId: r.user_id,
      login: r.login,
      event: r.event,
      ip: r.ip,
      userAgent: r.user_agent,
      result: r.result,
      details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
    })),
    total: found.total,
  };
}
