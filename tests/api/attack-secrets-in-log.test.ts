import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { sql } from '../../src/server/db/client.js';
import { hashPassword } from '../../src/server/modules/staff/password.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

/** An app whose log lines are kept in memory, with a route that fails in the database on purpose. */
async function appWithCapturedLog(database: Parameters<typeof buildApp>[0]['database'], secret: string) {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    config: testConfig({ logLevel: 'info' }),
    database,
    webDir: '/nonexistent',
    logStream,
  });
  // Two failures a careless logger would print the secret with: drizzle's "params:" and a message that
  // quotes the value it refused.
  app.post('/api/test/fail-insert', { config: { policy: 'public' } }, async () => {
    await database.db.execute(sql`insert into users (login, full_name, password_hash)
      values (${'nul-user'}, ${'Имя\u0000с нулём'}, ${secret})`);
    return 'unreachable';
  });
  app.post('/api/test/fail-cast', { config: { policy: 'public' } }, async () => {
    await database.db.execute(sql`select ${secret}::int`);
    return 'unreachable';
  });
  await app.ready();
  return { app, log: () => lines.join('') };
}

/**
 * The penetration test created a user whose full name held a NUL character: a 500, and the error line of
 * the server log carried the query's parameters, the new user's scrypt hash among them.
 */
describeOnBackends('attack: a password hash in the server log', (ctx) => {
  let app: FastifyInstance;
  let log: () => string;
  let secret: string;

  beforeAll(async () => {
    secret = await hashPassword('the new user’s password');
    ({ app, log } = await appWithCapturedLog(ctx().database, secret));
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses a NUL character in a name with a 400 naming the field, before anything is hashed or stored', async () => {
    const admin = await staffClient(app, ctx().database, [{ role: 'admin', scope: { kind: 'region' } }]);
    const res = await admin.call({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        login: 'nul-name',
        fullName: 'Иванов\u0000Иван',
        password: 'temporary-pass-1',
        grants: [{ role: 'operator', scope: { kind: 'region' } }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: [{ field: 'body.fullName' }] });
    const query = await app.inject({ method: 'GET', url: '/api/services?q=%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details).toEqual([
      { field: 'querystring.q', message: 'must not contain a NUL character', path: 'q', code: 'invalid' },
    ]);
  });

  it('logs a failed insert carrying a password hash without the hash', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/fail-insert' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    const written = log();
    expect(written).toContain('request failed');
    expect(written).toContain('insert into users');
    expect(written).not.toContain(secret);
    expect(written).not.toContain(secret.split('$')[5]);
  });

  it('logs a failed cast that quotes the hash without the hash', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/fail-cast' });
    expect(res.statusCode).toBe(500);
    const written = log();
    expect(written).toContain('invalid input syntax');
    expect(written).not.toContain(secret);
    expect(written).not.toContain(secret.split('$')[4]);
  });
});

describeOnBackends(
  'attack: a phone number or a gateway’s secret in the query string of a logged request',
  (ctx) => {
    it('logs the path of every request but never its query string', async () => {
      const { app, log } = await appWithCapturedLog(ctx().database, 'unused-secret');
      try {
        const caller = await staffClient(app, ctx().database, [
          { role: 'callcenter', scope: { kind: 'region' } },
        ]);
        const lookup = await caller.call({
          method: 'GET',
          url: '/api/staff/callcenter/lookup?phone=%2B79001234567',
        });
        expect(lookup.statusCode).toBe(200);
        const report = await app.inject({
          method: 'POST',
          url: '/api/notifications/delivery-reports/json?token=gateway-secret-in-the-url',
          payload: {},
        });
        expect(report.statusCode).toBe(401);
        const written = log();
        expect(written).toContain('/api/staff/callcenter/lookup?[query not logged]');
        expect(written).toContain('/api/notifications/delivery-reports/json?[query not logged]');
        expect(written).not.toContain('9001234567');
        expect(written).not.toContain('gateway-secret-in-the-url');
      } finally {
        await app.close();
      }
    });
  },
);
