import { randomBytes, scryptSync } from 'node:crypto';
import { rows, sql } from '../../src/server/db/client.js';
import { describeOnBackends } from '../support/app.js';
import { createStaffUser, signIn } from '../support/auth.js';

const region = [{ role: 'analyst' as const, scope: { kind: 'region' as const } }];

/** A hash as okno made them before: scrypt N=2^15. */
function formerHash(password: string): string {
  const salt = randomBytes(32);
  const key = scryptSync(password.normalize('NFC'), salt, 64, {
    N: 2 ** 15,
    r: 8,
    p: 1,
    maxmem: 64 * 1024 * 1024,
  });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Hardening found by reading the code (issue 13): each point with the test that holds it. */
describeOnBackends('hardening of sign-in, sessions and the logs', (ctx) => {
  it('remakes a hash of the former cost (N=2^15) at the next sign-in, at N=2^17', async () => {
    const user = await createStaffUser(ctx().database, { grants: region });
    await ctx().database.db.execute(
      sql`update users set password_hash = ${formerHash(user.password)} where id = ${user.id}::uuid`,
    );
    await signIn(ctx().app, user.login, user.password);
    const [row] = await rows<{ password_hash: string }>(
      ctx().database.db,
      sql`select password_hash from users where id = ${user.id}::uuid`,
    );
    expect(row.password_hash.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    const [event] = await rows<{ rehashed: string }>(
      ctx().database.db,
      sql`select details->>'rehashed' as rehashed from security_log where user_id = ${user.id}::uuid
        and event = 'login_success' order by security_log.id desc limit 1`,
    );
    expect(event.rehashed).toBe('true');
    // The remade hash still takes the same password.
    await signIn(ctx().app, user.login, user.password);
  });

  it('keeps the change history append-only, like the security log', async () => {
    const db = ctx().database.db;
    await db.execute(sql`insert into change_log (user_id, login, entity, entity_key, action, before, after)
      values (null, 'test', 'office', 'x', 'edit', null, '{}'::jsonb)`);
    for (const statement of [
      sql`update change_log set login = 'someone else'`,
      sql`delete from change_log`,
      sql`truncate change_log`,
    ]) {
      await expect(db.execute(statement)).rejects.toMatchObject({
        cause: expect.objectContaining({ message: expect.stringContaining('change_log is append-only') }),
      });
    }
  });

  it('keeps a password typed into the login field out of the security log', async () => {
    const typed = 'My-Secret-Password-2026';
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: typed, password: 'whatever' },
      remoteAddress: '10.60.0.1',
    });
    expect(res.statusCode).toBe(401);
    const [found] = await rows<{ n: number }>(
      ctx().database.db,
      sql`select count(*)::int as n from security_log where position(lower(${typed}) in lower(security_log::text)) > 0`,
    );
    expect(Number(found.n)).toBe(0);
    const [masked] = await rows<{ login: string }>(
      ctx().database.db,
      sql`select login from security_log where ip = '10.60.0.1' order by security_log.id desc limit 1`,
    );
    expect(masked.login).toBe(`m… (${typed.length})`);
  });

  it('requires the CSRF token to sign out whenever a session cookie is sent', async () => {
    const user = await createStaffUser(ctx().database, { grants: region });
    const session = await signIn(ctx().app, user.login, user.password);
    const logout = (headers: Record<string, string>) =>
      ctx().app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    const forged = await logout({ cookie: session.cookie });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF');
    expect(forged.cookies).toEqual([]);
    const still = await ctx().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
    });
    expect(still.statusCode).toBe(200);
    // A cookie whose session has ended is no exception: another site cannot clear it either.
    const stale = await logout({ cookie: 'okno_session=ended-session-token' });
    expect(stale.statusCode).toBe(403);
    expect((await logout(session.headers)).statusCode).toBe(204);
    expect((await logout({})).statusCode).toBe(204);
  });
});
