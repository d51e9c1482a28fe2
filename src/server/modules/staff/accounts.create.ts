import { type Grant, grantSchema } from '../../../shared/auth.js';
import { loginSchema } from '../../../shared/staff.admin.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import * as repo from './auth.repository.js';
import { type Client, checkNewPassword } from './auth.service.js';
import { hashPassword } from './password.js';
import { recordSecurityEvent } from './security-log.js';

export type NewAccount = {
  login: string;
  password: string;
  /** The login when none is given. */
  fullName?: string;
  grants: Grant[];
  mustChangePassword?: boolean;
  /** Demo accounts have the password "demo": the password rules are waived for them only. */
  allowWeakPassword?: boolean;
  /** An already computed hash of `password` (tests reuse one instead of paying for scrypt each time). */
  passwordHash?: string;
};

export type CreatedAccount = { id: string; login: string };

export type AccountOrigin = {
  /** Who creates the account, for the security log: an admin's login, 'cli', 'seed' or 'test'. */
  by: string;
  /** Where the request came from (the admin API), for the security log. */
  client?: Client;
  /** How errors name the fields: 'body.' when they came in a request body. */
  fieldPrefix?: string;
  /** Checked in the account's transaction before it is written (the admin API: the author's scope). */
  authorize?: (tx: Db, grants: Grant[]) => Promise<void>;
};

type Finish<T> = { finish: (tx: Db, account: CreatedAccount) => Promise<T> };

/**
 * The one way a staff account is made — by the admin API, `okno user create` and the demo seed alike: the
 * login meets the shared `loginSchema` (stored trimmed and lower-cased), the password the password rules
 * (unless waived for a demo account), and the account, its grants and the security log entry are written
 * in one transaction; CONFLICT when the login is taken. `finish` runs in that transaction after the
 * account is written (the admin API records the change and reads the account back).
 */
export function createAccount(db: Db, input: NewAccount, origin: AccountOrigin): Promise<CreatedAccount>;
export function createAccount<T>(db: Db, input: NewAccount, origin: AccountOrigin & Finish<T>): Promise<T>;
export async function createAccount(
  db: Db,
  input: NewAccount,
  origin: AccountOrigin & Partial<Finish<unknown>>,
): Promise<unknown> {
  const prefix = origin.fieldPrefix ?? '';
  const parsedLogin = loginSchema.safeParse(input.login);
  if (!parsedLogin.success) {
    const message = parsedLogin.error.issues[0]?.message ?? 'invalid';
    throw new AppError('VALIDATION', `invalid ${prefix}login: ${message}`, [
      { field: `${prefix}login`, message },
    ]);
  }
  const login = parsedLogin.data;
  const grants = input.grants.map((g) => grantSchema.parse(g));
  if (!input.allowWeakPassword) checkNewPassword(input.password, login, `${prefix}password`);
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return db.transaction(async (tx) => {
    await origin.authorize?.(tx, grants);
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
      ...origin.client,
      details: { action: 'user_created', by: origin.by, grants },
    });
    return origin.finish ? origin.finish(tx, { id, login }) : { id, login };
  });
}
