import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database } from '../../src/server/db/client.js';
import type { Grant } from '../../src/shared/auth.js';
import { createStaffUser, type SignedIn, signIn, uniqueLogin } from './auth.js';

/** A staff member signed in with these grants, and a shortcut for their requests to the API. */
export async function staffClient(app: FastifyInstance, database: Database, grants: Grant[]) {
  const user = await createStaffUser(database, { grants });
  const session = await signIn(app, user.login, user.password);
  return { user, session, call: (options: InjectOptions) => callAs(app, session, options) };
}

export const callAs = (app: FastifyInstance, session: SignedIn, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...session.headers, ...options.headers } });

export const adminGrants: Grant[] = [{ role: 'admin', scope: { kind: 'region' } }];

/** A code no seeded region uses, unique within the test run. */
export const uniqueCode = (prefix: string) => uniqueLogin(prefix).toLowerCase();

/** The field names of a VALIDATION error's details. */
export const fieldsOf = (body: { error?: { details?: unknown } }) =>
  ((body.error?.details as { field: string }[] | undefined) ?? []).map((d) => d.field);
