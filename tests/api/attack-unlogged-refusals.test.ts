import { rows, sql } from '../../src/server/db/client.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends, type TestContext } from '../support/app.js';
import { createStaffUser, signIn } from '../support/auth.js';

type Entry = {
  event: string;
  result: string;
  reason: string;
  status: string | null;
  repeated: string | null;
};

/** The security-log entries written for requests from one address (each test uses its own). */
const entriesFrom = (c: TestContext, ip: string) =>
  rows<Entry>(
    c.database.db,
    sql`select event, result, details->>'reason' as reason, details->>'status' as status,
      details->>'repeated' as repeated
      from security_log where ip = ${ip} order by security_log.id`,
  );

/**
 * The penetration test was refused without a trace: a forged or expired session cookie, a CSRF failure, a
 * handler's own 403, a cross-site sign-in, a sign-in that failed on the server. Each is logged now, and a
 * flood of them costs the log one entry per kind and minute, not one per request.
 */
describeOnBackends('attack: refusals that left no trace in the security log', (ctx) => {
  it('logs a forged session cookie refused with 401', async () => {
    const ip = '10.50.0.1';
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { cookie: 'okno_session=forged-token-forged-token-forged-token-12345' },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(401);
    expect(await entriesFrom(ctx(), ip)).toEqual([
      { event: 'access_denied', result: 'refused', reason: 'session', status: '401', repeated: null },
    ]);
  });

  it('logs an expired session refused with 401', async () => {
    const ip = '10.50.0.2';
    const user = await createStaffUser(ctx().database, {
      grants: [{ role: 'admin', scope: { kind: 'region' } }],
    });
    const session = await signIn(ctx().app, user.login, user.password);
    await ctx().database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${user.id}::uuid`,
    );
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: session.headers,
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(401);
    const entries = await entriesFrom(ctx(), ip);
    expect(entries.map((e) => [e.event, e.reason])).toEqual([
      ['session_expired', null],
      ['access_denied', 'session'],
    ]);
  });

  it('logs a mutating request without the CSRF header', async () => {
    const ip = '10.50.0.3';
    const admin = await staffClient(ctx().app, ctx().database, [
      { role: 'admin', scope: { kind: 'region' } },
    ]);
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/admin/districts',
      headers: { cookie: admin.session.cookie },
      payload: { code: 'x', name: 'x', kind: 'rural', population: 1 },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    expect(await entriesFrom(ctx(), ip)).toEqual([
      { event: 'access_denied', result: 'refused', reason: 'csrf', status: '403', repeated: null },
    ]);
  });

  it('logs a handler’s own 403', async () => {
    const ip = '10.50.0.4';
    const analyst = await staffClient(ctx().app, ctx().database, [
      { role: 'catalog_editor', scope: { kind: 'region' } },
    ]);
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/api/admin/history?entity=user',
      headers: analyst.session.headers,
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(403);
    expect(await entriesFrom(ctx(), ip)).toEqual([
      { event: 'access_denied', result: 'refused', reason: 'handler', status: '403', repeated: null },
    ]);
  });

  it('logs a sign-in sent from another site', async () => {
    const ip = '10.50.0.5';
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { login: 'admin', password: 'demo' },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(403);
    expect(await entriesFrom(ctx(), ip)).toEqual([
      { event: 'access_denied', result: 'refused', reason: 'cross_site', status: '403', repeated: null },
    ]);
  });

  it('logs a sign-in that failed on the server’s side', async () => {
    const ip = '10.50.0.6';
    const db = ctx().database.db;
    await db.execute(sql`alter table login_throttle rename to login_throttle_away`);
    try {
      const res = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'admin', password: 'demo' },
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    } finally {
      await db.execute(sql`alter table login_throttle_away rename to login_throttle`);
    }
    expect(await entriesFrom(ctx(), ip)).toEqual([
      { event: 'login_failure', result: 'failed', reason: 'error', status: '500', repeated: null },
    ]);
  });

  it('writes a flood of 300 forged cookies as one entry and one count, not 300 entries', async () => {
    const ip = '10.50.0.7';
    for (let i = 0; i < 300; i++) {
      const res = await ctx().app.inject({
        method: 'GET',
        url: '/api/admin/offices',
        headers: { cookie: `okno_session=forged-${i}` },
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(401);
    }
    expect(await entriesFrom(ctx(), ip)).toHaveLength(1);
    await ctx().app.refusals.flush();
    expect(await entriesFrom(ctx(), ip)).toEqual([
      { event: 'access_denied', result: 'refused', reason: 'session', status: '401', repeated: null },
      { event: 'access_denied', result: 'refused', reason: 'session', status: '401', repeated: '299' },
    ]);
  });

  it('does not log an anonymous visitor refused without a cookie (nothing to learn, much to flood)', async () => {
    const ip = '10.50.0.8';
    const res = await ctx().app.inject({ method: 'GET', url: '/api/admin/users', remoteAddress: ip });
    expect(res.statusCode).toBe(401);
    await ctx().app.refusals.flush();
    expect(await entriesFrom(ctx(), ip)).toEqual([]);
  });
});
