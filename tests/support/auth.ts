import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/server/db/client.js';
import { createAccount } from '../../src/server/modules/staff/accounts.create.js';
import { csrfHeader, sessionCookie } from '../../src/server/modules/staff/auth.request.js';
import { hashPassword } from '../../src/server/modules/staff/password.js';
import type { Grant } from '../../src/shared/auth.js';

export type SignedIn = {
  /** `okno_session=…`, ready for a `cookie` header. */
  cookie: string;
  csrfToken: string;
  /** Headers for an authenticated request, mutating ones included. */
  headers: { cookie: string; 'x-csrf-token': string };
};

/** Signs in through the API and returns what an authenticated request needs; throws when refused. */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${login} refused: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === sessionCookie)?.value;
  if (!token) throw new Error('sign-in set no session cookie');
  const cookie = `${sessionCookie}=${token}`;
  const { csrfToken } = res.json() as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, [csrfHeader]: csrfToken } as SignedIn['headers'] };
}

let counter = 0;
/** A unique login for a test user: tests on one database never collide. */
export const uniqueLogin = (prefix = 'user') =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

// scrypt is deliberately slow: tests hash each password once and reuse the hash.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
};

/** Creates a staff account straight in the database (no admin API needed). */
export async function createStaffUser(
  database: Database,
  user: {
    login?: string;
    password?: string;
    fullName?: string;
    grants: Grant[];
    mustChangePassword?: boolean;
  },
): Promise<{ id: string; login: string; password: string }> {
  const login = user.login ?? uniqueLogin();
  const password = user.password ?? 'correct horse battery';
  const created = await createAccount(
    database.db,
    { ...user, login, password, passwordHash: await hashOnce(password), allowWeakPassword: true },
    { by: 'test' },
  );
  return { ...created, password };
}
