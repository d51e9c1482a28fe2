import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { unsubscribeToken } from '../../src/server/modules/notifications/outbox.enqueue.js';
import { describeOnBackends } from '../support/app.js';

/** The web app's pages answer 200 when they show something and 404 when not, with the app's page either way. */
describeOnBackends('web pages and their HTTP status', (ctx) => {
  let app: FastifyInstance;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'okno-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>okno</title><div id="root"></div>');
    app = await buildApp({ config: testConfig(), database: ctx().database, webDir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers 200 for the pages that exist and 404 for those that do not, each with the app', async () => {
    const services = (await app.inject({ method: 'GET', url: '/api/services' })).json() as {
      items: { code: string }[];
    };
    const offices = (await app.inject({ method: 'GET', url: '/api/offices' })).json() as { code: string }[];
    const pages: [string, number][] = [
      ['/', 200],
      ['/services', 200],
      [`/services/${services.items[0].code}`, 200],
      ['/services/no-such-service', 404],
      ['/offices', 200],
      [`/offices/${offices[0].code}`, 200],
      ['/offices/no-such-office', 404],
      ['/book', 200],
      ['/book/manage', 200],
      ['/book/other', 404],
      ['/status', 200],
      ['/status/other', 404],
      ['/staff/login', 200],
      ['/admin/offices', 200],
      ['/callcenter', 200],
      ['/callcenter/nothing', 404],
      [`/kiosk/${offices[0].code}`, 200],
      ['/kiosk', 404],
      ['/kiosk/a/b', 404],
      [`/board/${offices[0].code}`, 200],
      ['/board', 404],
      ['/board/a/b', 404],
      ['/t/AAAAAAAAAAAAAAAAAAAAAA', 200],
      ['/t/short', 404],
      ['/t/AAAAAAAAAAAAAAAAAAAAAA/x', 404],
      ['/operator', 200],
      ['/operator/nothing', 404],
      [`/office/${offices[0].code}`, 200],
      [`/office/${offices[0].code}/bookings`, 200],
      [`/office/${offices[0].code}/nothing`, 404],
      ['/office', 404],
      ['/quality', 200],
      ['/quality/ratings', 200],
      ['/quality/nothing', 404],
      ['/no-such-page', 404],
      ['/services/a/b', 404],
    ];
    for (const [url, status] of pages) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('answers 200 with the app for every unsubscribe link okno makes, whatever its token ends with', async () => {
    // a token is `<value>.<signature>`: a signature without "-" looks like a file's extension
    const tokens = Array.from({ length: 12 }, (_, i) =>
      unsubscribeToken(app.personalData, app.personalData.lookupHash('email', `person${i}@example.ru`)),
    );
    expect(tokens.some((token) => /\.\w+$/.test(token))).toBe(true);
    for (const token of tokens) {
      const res = await app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
      expect(res.statusCode, token).toBe(200);
      expect(res.body, token).toContain('<div id="root">');
    }
    expect((await app.inject({ method: 'GET', url: '/unsubscribe/short' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/unsubscribe' })).statusCode).toBe(404);
  });

  it('serves the favicon and robots.txt of the built app (npm test builds it first)', async () => {
    const built = await buildApp({
      config: testConfig(),
      database: ctx().database,
      webDir: resolve('dist/web'),
    });
    try {
      const icon = await built.inject({ method: 'GET', url: '/favicon.ico' });
      expect(icon.statusCode).toBe(200);
      expect(icon.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
      const robots = await built.inject({ method: 'GET', url: '/robots.txt' });
      expect(robots.statusCode).toBe(200);
      expect(robots.body).toContain('Disallow: /admin');
      const page = await built.inject({ method: 'GET', url: '/' });
      expect(page.body).toContain('<meta name="description"');
      expect(page.headers['cache-control']).toBe('no-cache');
      // The hashed bundle: compressed at build time, cached for a year, for a signed-in browser too.
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
      expect(script).toBeDefined();
      const plain = await built.inject({ method: 'GET', url: String(script) });
      const brotli = await built.inject({
        method: 'GET',
        url: String(script),
        headers: { 'accept-encoding': 'br, gzip', cookie: 'okno_session=anything' },
      });
      expect(brotli.statusCode).toBe(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(brotliDecompressSync(brotli.rawPayload).equals(plain.rawPayload)).toBe(true);
      expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const gzip = await built.inject({
        method: 'GET',
        url: String(script),
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(gzip.headers['content-encoding']).toBe('gzip');
    } finally {
      await built.close();
    }
  });

  it('compresses a large API answer for a client that accepts it, and not a small one', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/offices' });
    const brotli = await app.inject({
      method: 'GET',
      url: '/api/offices',
      headers: { 'accept-encoding': 'br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(plain.json());
    const gzip = await app.inject({
      method: 'GET',
      url: '/api/offices',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const small = await app.inject({ method: 'GET', url: '/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('keeps API misses as JSON errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
