import { type Grant, grantSchema } from '../../../shared/auth.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import * as repo from './auth.repository.js';
import { checkNewPassword } from './auth.service.js';
import { hashPassword } from './password.js';
import { recordSecurityEvent } from './security-log.js';

export type NewStaffUser = {
  login: string;
  password: string;
  fullName?: string;
  grants: Grant[];
  mustChangePassword?: boolean;
  /** Who creates the account, for the security log: a user id, 'cli' or 'seed'. */
  by?: string;
  /** Demo accounts have the password "demo": the length rule is waived for them only. */
  allowWeakPassword?: boolean;
  /** An already computed hash of `password` (tests reuse one instead of paying for scrypt each time). */
  passwordHash?: string;
};

const loginPattern = /^[a-z0-9][a-z0-9._@-]{0,99}$/;

/** Creates a staff account with its grants; CONFLICT when the login is taken. */
export async function createStaffUser(db: Db, input: NewStaffUser): Promise<{ id: string; login: string }> {
  const login = repo.normalizeLogin(input.login);
  if (!loginPattern.test(login)) {
    throw new AppError('VALIDATION', 'invalid login: use latin letters, digits and . _ @ -', [
      { field: 'login', message: 'use latin letters, digits and . _ @ -', code: 'invalid_format' },
    ]);
  }
  const grants = input.grants.map((g) => grantSchema.parse(g));
  if (!input.allowWeakPassword) checkNewPassword(input.password, login, 'password');
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return db.transaction(async (tx) => {
    if (await repo.findUserByLogin(tx, login)) throw new AppError('CONFLICT', `login "${login}" is taken`);
    const id = await repo.insertUser(tx, {
      login,
      fullName: input.fullName ?? login,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
    });
    await repo.replaceGrants(tx, id, grants);
    await recordSecurityEvent(tx, {
      event: 'role_change',
      result: 'ok',
      userId: id,
      login,
      details: { action: 'user_created', by: input.by ?? 'system', grants },
    });
    return { id, login };
  });
}
