import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';

/** A configuration read from the environment still needs the personal-data key; the test runs no outbox worker. */
const testKeys = { PERSONAL_DATA_KEY: '0f'.repeat(32), OUTBOX_WORKER: 'off' };

import { staffClient } from '../support/admin.js';
import { describeOnBackends, type TestContext } from '../support/app.js';

const adminGrants = [{ role: 'admin' as const, scope: { kind: 'region' as const } }];
const loginAsDemoAdmin = (c: TestContext, headers: Record<string, string> = {}, remoteAddress?: string) =>
  c.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'admin', password: 'demo' },
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
  });

/**
 * The penetration test found personal data and the CSRF token in cacheable answers, no HSTS even over
 * https, and the Secure flag of the session cookie lost behind a TLS-terminating proxy.
 */
describeOnBackends('attack: a signed-in answer left in a cache', (ctx) => {
  it('marks every answer to a signed-in user no-store, the sign-in answer too', async () => {
    const admin = await staffClient(ctx().app, ctx().database, adminGrants);
    for (const url of [
      '/api/auth/me',
      '/api/admin/users',
      '/api/admin/security-log',
      '/api/services?q=паспорт',
    ]) {
      const res = await admin.call({ method: 'GET', url });
      expect({ url, status: res.statusCode, cache: res.headers['cache-control'] }).toEqual({
        url,
        status: 200,
        cache: 'no-store',
      });
    }
    const signIn = await loginAsDemoAdmin(ctx());
    expect(signIn.headers['cache-control']).toBe('no-store');
    const refused = await ctx().app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('leaves an anonymous catalog answer cacheable, with no HSTS over plain http', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/services?q=паспорт' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).not.toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const signIn = await loginAsDemoAdmin(ctx());
    expect(signIn.cookies.find((c) => c.name === 'okno_session')?.secure).toBeFalsy();
  });
});

describeOnBackends(
  'attack: behind a TLS-terminating proxy that okno does not trust for addresses',
  (ctx) => {
    it('keeps the Secure flag and sends HSTS when PUBLIC_URL says https', async () => {
      const signIn = await loginAsDemoAdmin(ctx());
      expect(signIn.statusCode).toBe(200);
      expect(signIn.cookies.find((c) => c.name === 'okno_session')?.secure).toBe(true);
      expect(signIn.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const page = await ctx().app.inject({ method: 'GET', url: '/api/services' });
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    });
  },
  { config: loadConfig({ PUBLIC_URL: 'https://mfc.example.ru', LOG_LEVEL: 'silent', ...testKeys }) },
);

describeOnBackends(
  'attack: behind a trusted proxy that reports https',
  (ctx) => {
    it('sends HSTS and a Secure cookie when the trusted proxy says the client came over https', async () => {
      const signIn = await loginAsDemoAdmin(ctx(), { 'x-forwarded-proto': 'https' }, '10.0.0.7');
      expect(signIn.cookies.find((c) => c.name === 'okno_session')?.secure).toBe(true);
      expect(signIn.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    });

    it('believes no other client about https', async () => {
      const other = await loginAsDemoAdmin(ctx(), { 'x-forwarded-proto': 'https' }, '10.0.0.8');
      expect(other.cookies.find((c) => c.name === 'okno_session')?.secure).toBeFalsy();
      expect(other.headers['strict-transport-security']).toBeUndefined();
    });
  },
  { config: { trustProxy: '10.0.0.7' } },
);

describeOnBackends('okno serving https itself (TLS_CERT_FILE, TLS_KEY_FILE)', (ctx) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'okno-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers over TLS with HSTS and a Secure session cookie', async () => {
    const config = loadConfig({
      TLS_CERT_FILE: join(dir, 'cert.pem'),
      TLS_KEY_FILE: join(dir, 'key.pem'),
      LOG_LEVEL: 'silent',
      ...testKeys,
    });
    expect(config.httpsOnly).toBe(true);
    const app = await buildApp({ config, database: ctx().database, webDir: '/nonexistent' });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
        (resolve, reject) => {
          const body = JSON.stringify({ login: 'admin', password: 'demo' });
          const req = httpsRequest(
            {
              host: '127.0.0.1',
              port,
              path: '/api/auth/login',
              method: 'POST',
              rejectUnauthorized: false,
              headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, headers: res.headers });
            },
          );
          req.on('error', reject);
          req.end(body);
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
      expect(String(answer.headers['set-cookie'])).toMatch(/okno_session=.*; Secure/);
    } finally {
      await app.close();
    }
  });

  it('refuses a certificate without its key at start', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: join(dir, 'cert.pem') })).toThrow(
      /TLS_CERT_FILE and TLS_KEY_FILE/,
    );
    expect(() => loadConfig({ TLS_CERT_FILE: '/no/such.pem', TLS_KEY_FILE: '/no/such.key' })).toThrow(
      /no such file/,
    );
  });
});
