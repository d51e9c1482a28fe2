import { rows, sql } from '../../src/server/db/client.js';
import { maskedLogin } from '../../src/server/modules/staff/login-guard.js';
import { verifySecurityLog } from '../../src/server/modules/staff/security-log.js';
import { describeOnBackends, type TestContext } from '../support/app.js';
import { createStaffUser, signIn } from '../support/auth.js';

const region = [{ role: 'admin' as const, scope: { kind: 'region' as const } }];

const login = (c: TestContext, loginName: string, password: string, headers: Record<string, string> = {}) =>
  c.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password }, headers });

const me = (c: TestContext, cookie: string) =>
  c.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

const lastEvents = (c: TestContext, userId: string) =>
  rows<{ event: string; result: string; details: Record<string, unknown> }>(
    c.database.db,
    sql`select event, result, details from security_log where user_id = ${userId}::uuid order by id`,
  );

describeOnBackends(
  'sign-in and sessions',
  (ctx) => {
    it('sets an HttpOnly SameSite=Lax session cookie on sign-in, and me answers with the user', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const res = await login(ctx(), user.login.toUpperCase(), user.password);
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'okno_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.value).toMatch(/^[\w-]{43}$/);
      const body = res.json();
      expect(body.user).toMatchObject({ login: user.login, grants: region, mustChangePassword: false });
      expect(body.csrfToken).toEqual(expect.any(String));
      const answer = await me(ctx(), `okno_session=${cookie?.value}`);
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual(body);
      const events = await lastEvents(ctx(), user.id);
      expect(events.at(-1)).toMatchObject({ event: 'login_success', result: 'ok' });
    });

    it('keeps only a hash of the session token in the database', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const session = await signIn(ctx().app, user.login, user.password);
      const token = session.cookie.split('=')[1];
      const found = await rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from sessions where token_hash = ${token}`,
      );
      expect(Number(found[0].n)).toBe(0);
    });

    it('answers me with 401 without a session or with an unknown token', async () => {
      for (const headers of [{}, { cookie: 'okno_session=not-a-session' }]) {
        const res = await ctx().app.inject({ method: 'GET', url: '/api/auth/me', headers });
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('gives the same 401 for a wrong password, an unknown login and a disabled account', {
      timeout: 120_000,
    }, async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const disabled = await createStaffUser(ctx().database, { grants: region });
      await ctx().database.db.execute(sql`update users set disabled = true where id = ${disabled.id}::uuid`);
      const answers = [
        await login(ctx(), user.login, 'wrong password'),
        await login(ctx(), 'nobody-by-this-name', 'whatever'),
        await login(ctx(), disabled.login, disabled.password),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({
          error: { code: 'UNAUTHENTICATED', message: 'wrong login or password' },
        });
        expect(res.cookies).toEqual([]);
      }
      const failures = await rows<{ reason: string; login: string }>(
        ctx().database.db,
        sql`select details->>'reason' as reason, login from security_log where event = 'login_failure'
          and login in (${user.login}, ${maskedLogin('nobody-by-this-name')}, ${disabled.login}) order by id`,
      );
      expect(failures.map((f) => f.reason)).toEqual(['wrong_password', 'unknown_login', 'disabled']);
    });

    it('resets the count of failures on a successful sign-in', { timeout: 120_000 }, async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      // Two failures stay under the delay (LOGIN_DELAY_AFTER=3): a success clears them, so two more do too.
      for (let i = 0; i < 2; i++) expect((await login(ctx(), user.login, 'wrong')).statusCode).toBe(401);
      expect((await login(ctx(), user.login, user.password)).statusCode).toBe(200);
      for (let i = 0; i < 2; i++) expect((await login(ctx(), user.login, 'wrong')).statusCode).toBe(401);
      expect((await login(ctx(), user.login, user.password)).statusCode).toBe(200);
    });

    it('ends the session on logout, and logging out again is harmless', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const session = await signIn(ctx().app, user.login, user.password);
      const out = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: session.headers,
      });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === 'okno_session')?.value).toBe('');
      expect((await me(ctx(), session.cookie)).statusCode).toBe(401);
      const again = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: session.headers,
      });
      expect(again.statusCode).toBe(204);
      expect((await lastEvents(ctx(), user.id)).filter((e) => e.event === 'logout')).toHaveLength(1);
    });

    it('ends a session idle longer than the idle timeout', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const session = await signIn(ctx().app, user.login, user.password);
      await ctx().database.db.execute(
        sql`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = ${user.id}::uuid`,
      );
      expect((await me(ctx(), session.cookie)).statusCode).toBe(200);
      await ctx().database.db.execute(
        sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${user.id}::uuid`,
      );
      expect((await me(ctx(), session.cookie)).statusCode).toBe(401);
      expect((await lastEvents(ctx(), user.id)).at(-1)?.event).toBe('session_expired');
    });

    it('moves last_seen_at forward on use, so an active session does not time out', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const session = await signIn(ctx().app, user.login, user.password);
      await ctx().database.db.execute(
        sql`update sessions set last_seen_at = now() - interval '20 minutes' where user_id = ${user.id}::uuid`,
      );
      expect((await me(ctx(), session.cookie)).statusCode).toBe(200);
      const [row] = await rows<{ idle: number }>(
        ctx().database.db,
        sql`select extract(epoch from now() - last_seen_at)::int as idle from sessions where user_id = ${user.id}::uuid`,
      );
      expect(Number(row.idle)).toBeLessThan(60);
    });

    it('ends a session past its absolute lifetime even when it is in use', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const session = await signIn(ctx().app, user.login, user.password);
      const [row] = await rows<{ hours: number }>(
        ctx().database.db,
        sql`select round(extract(epoch from expires_at - created_at) / 3600)::int as hours from sessions
          where user_id = ${user.id}::uuid`,
      );
      expect(Number(row.hours)).toBe(12);
      await ctx().database.db.execute(
        sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${user.id}::uuid`,
      );
      expect((await me(ctx(), session.cookie)).statusCode).toBe(401);
    });

    it('refuses a mutating request with the session cookie but without the CSRF header', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const session = await signIn(ctx().app, user.login, user.password);
      const payload = { currentPassword: user.password, newPassword: 'a new long password' };
      for (const headers of [
        { cookie: session.cookie },
        { cookie: session.cookie, 'x-csrf-token': 'forged' },
      ]) {
        const res = await ctx().app.inject({ method: 'POST', url: '/api/auth/password', headers, payload });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('CSRF');
      }
      const out = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session.cookie },
      });
      expect(out.statusCode).toBe(403);
      expect((await me(ctx(), session.cookie)).json().csrfToken).toBe(session.csrfToken);
    });

    it('refuses a sign-in sent from another site', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const crossOrigin = await login(ctx(), user.login, user.password, { origin: 'https://evil.example' });
      expect(crossOrigin.statusCode).toBe(403);
      const crossSite = await login(ctx(), user.login, user.password, { 'sec-fetch-site': 'cross-site' });
      expect(crossSite.statusCode).toBe(403);
      const sameSite = await login(ctx(), user.login, user.password, {
        'sec-fetch-site': 'same-origin',
        origin: 'http://localhost:80',
      });
      expect(sameSite.statusCode).toBe(200);
    });

    it('changes one’s own password under the rules and ends the other sessions', {
      timeout: 120_000,
    }, async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const first = await signIn(ctx().app, user.login, user.password);
      const other = await signIn(ctx().app, user.login, user.password);
      const change = (currentPassword: string, newPassword: string) =>
        ctx().app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: first.headers,
          payload: { currentPassword, newPassword },
        });
      const short = await change(user.password, 'short');
      expect(short.statusCode).toBe(400);
      expect(short.json().error.details).toEqual([
        {
          field: 'newPassword',
          message: 'must be at least 8 characters',
          path: 'newPassword',
          code: 'too_small',
          params: { minimum: 8 },
        },
      ]);
      const asLogin = await change(user.password, user.login.toUpperCase());
      expect(asLogin.statusCode).toBe(400);
      expect(asLogin.json().error.details[0].field).toBe('newPassword');
      const wrongCurrent = await change('not the password', 'a new long password');
      expect(wrongCurrent.statusCode).toBe(400);
      expect(wrongCurrent.json().error.details[0].field).toBe('currentPassword');

      const changed = await change(user.password, 'a new long password');
      expect(changed.statusCode).toBe(204);
      // This session goes on under a new token; the old token and the other sessions open nothing.
      const rotated = changed.cookies.find((c) => c.name === 'okno_session')?.value;
      expect(rotated).toMatch(/^[\w-]{43}$/);
      expect(`okno_session=${rotated}`).not.toBe(first.cookie);
      expect((await me(ctx(), `okno_session=${rotated}`)).statusCode).toBe(200);
      expect((await me(ctx(), first.cookie)).statusCode).toBe(401);
      expect((await me(ctx(), other.cookie)).statusCode).toBe(401);
      expect((await login(ctx(), user.login, user.password)).statusCode).toBe(401);
      expect((await login(ctx(), user.login, 'a new long password')).statusCode).toBe(200);
      const events = await lastEvents(ctx(), user.id);
      expect(events.filter((e) => e.event === 'password_change').map((e) => e.result)).toEqual([
        'refused',
        'ok',
      ]);
      expect(JSON.stringify(events)).not.toContain('a new long password');
    });

    it('lets a user whose password an admin set do nothing for staff until they change it', {
      timeout: 120_000,
    }, async () => {
      const user = await createStaffUser(ctx().database, { grants: region, mustChangePassword: true });
      const session = await signIn(ctx().app, user.login, user.password);
      const whoami = () =>
        ctx().app.inject({ method: 'GET', url: '/api/staff/whoami', headers: session.headers });
      const refused = await whoami();
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const change = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: session.headers,
        payload: { currentPassword: user.password, newPassword: 'a fresh long password' },
      });
      expect(change.statusCode).toBe(204);
      const token = change.cookies.find((c) => c.name === 'okno_session')?.value;
      const after = await ctx().app.inject({
        method: 'GET',
        url: '/api/staff/whoami',
        headers: { cookie: `okno_session=${token}` },
      });
      expect(after.statusCode).toBe(200);
    });

    it('signs in the demo accounts of the demo region with the password "demo"', {
      timeout: 120_000,
    }, async () => {
      for (const role of [
        'admin',
        'operator',
        'backoffice',
        'callcenter',
        'office_head',
        'analyst',
        'catalog_editor',
      ]) {
        const session = await signIn(ctx().app, role, 'demo');
        const answer = await me(ctx(), session.cookie);
        expect(answer.json().user.grants.map((g: { role: string }) => g.role)).toEqual([role]);
      }
    });
  },
  { config: { loginRateLimitPerMinute: 1000 } },
);

describeOnBackends('the security log', (ctx) => {
  it('chains every entry to the one before, and the chain verifies', async () => {
    const user = await createStaffUser(ctx().database, { grants: region });
    await login(ctx(), user.login, 'wrong');
    await signIn(ctx().app, user.login, user.password);
    const result = await verifySecurityLog(ctx().database.db);
    expect(result).toMatchObject({ ok: true });
    expect(result.entries).toBeGreaterThanOrEqual(3);
  });

  it('refuses to update or delete an entry', async () => {
    const db = ctx().database.db;
    await createStaffUser(ctx().database, { grants: region });
    await expect(db.execute(sql`update security_log set result = 'ok'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from security_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate security_log`)).rejects.toThrow();
    expect(await verifySecurityLog(db)).toMatchObject({ ok: true });
  });

  it('reports the first entry changed behind the trigger’s back', async () => {
    const db = ctx().database.db;
    const user = await createStaffUser(ctx().database, { grants: region });
    await login(ctx(), user.login, 'wrong');
    await signIn(ctx().app, user.login, user.password);
    const [target] = await rows<{ id: string }>(
      db,
      sql`select id::text as id from security_log where user_id = ${user.id}::uuid and event = 'login_failure'`,
    );
    await ctx().database.exec(`
      alter table security_log disable trigger security_log_no_change;
      update security_log set details = '{"reason":"nothing to see"}' where id = ${Number(target.id)};
      alter table security_log enable trigger security_log_no_change;`);
    expect(await verifySecurityLog(db)).toMatchObject({ ok: false, brokenAt: target.id });
  });
});

describeOnBackends(
  'rate limits and headers',
  (ctx) => {
    it('answers 429 RATE_LIMITED once the sign-in limit is used up', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(ctx(), 'nobody', 'wrong')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const last = await login(ctx(), 'nobody', 'wrong');
      expect(last.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
      expect(last.headers['retry-after']).toBeDefined();
    });

    it('limits each client of the API to the configured requests a minute, but not /health', async () => {
      const get = (url: string) => ctx().app.inject({ method: 'GET', url, remoteAddress: '10.1.1.1' });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await get('/api/openapi.json')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect((await get('/api/auth/me')).json().error.code).toBe('RATE_LIMITED');
      expect((await get('/health')).statusCode).toBe(200);
      const other = await ctx().app.inject({
        method: 'GET',
        url: '/api/openapi.json',
        remoteAddress: '10.1.1.2',
      });
      expect(other.statusCode).toBe(200);
    });

    it('marks the cookie Secure when the request came over https', async () => {
      const res = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'admin', password: 'demo' },
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress: '10.0.0.7',
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'okno_session')?.secure).toBe(true);
    });

    it('sets security headers with a content security policy', async () => {
      const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('still serves the API docs page under that policy', async () => {
      const res = await ctx().app.inject({ method: 'GET', url: '/api/docs/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/);
      expect(res.body).not.toMatch(/\son\w+="/);
    });
  },
  { config: { loginRateLimitPerMinute: 3, rateLimitPerMinute: 5, trustProxy: '10.0.0.7' } },
);
