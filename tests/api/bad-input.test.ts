import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

/** Sends raw bytes and returns the whole answer (the server closes the connection). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** The 5xx answers issue 6 found for bad input, now each a 4xx in the error shape. */
describeOnBackends('bad input never reaches a 5xx', (ctx) => {
  it('refuses calendar dates okno cannot represent (years 0000–0099, past 2999) naming the field', async () => {
    for (const url of [
      '/api/calendar?from=0001-01-01&to=0001-01-10',
      '/api/calendar/add-working-days?from=9999-12-31&days=5',
      '/api/calendar/add-working-days?from=0050-03-01&days=1',
    ]) {
      const res = await ctx().app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.json().error.details[0]).toMatchObject({
        field: 'querystring.from',
        message: 'expected a date in the years 1900–2999',
      });
    }
    const beyond = await ctx().app.inject({
      method: 'GET',
      url: '/api/calendar/add-working-days?from=2999-12-30&days=3650',
    });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.details[0].field).toBe('querystring.days');
    const fine = await ctx().app.inject({
      method: 'GET',
      url: '/api/calendar/add-working-days?from=2999-01-10&days=5',
    });
    expect(fine.statusCode).toBe(200);
  });

  it('refuses a NUL character in a path, a query or a staff filter with a 400', async () => {
    const admin = await staffClient(ctx().app, ctx().database, [
      { role: 'admin', scope: { kind: 'region' } },
    ]);
    for (const url of [
      '/api/offices/%00',
      '/api/services/esia-account%00',
      '/api/offices?district=%00',
      '/api/services?category=%00',
      '/api/admin/offices/%00',
      '/api/admin/security-log?login=%00',
      '/api/admin/history?entity=office&key=%00',
    ]) {
      const res = await admin.call({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.json().error.code).toMatch(/^(BAD_REQUEST|VALIDATION)$/);
    }
    const login = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'adm\u0000in', password: 'demo' },
    });
    expect(login.statusCode).toBe(400);
  });

  it('answers an over-long URL or header with 431 in the error shape, and serves on', async () => {
    await ctx().app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx().app.server.address() as AddressInfo;
    const longUrl = await rawRequest(
      port,
      `GET /api/services?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    const longHeader = await rawRequest(
      port,
      `GET /api/services HTTP/1.1\r\nHost: x\r\nX-Long: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    for (const answer of [longUrl, longHeader]) {
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        error: { code: 'HEADERS_TOO_LARGE', message: 'the request line or headers are too large' },
      });
    }
    const garbage = await rawRequest(port, 'NOT AN HTTP REQUEST\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
  });
});
