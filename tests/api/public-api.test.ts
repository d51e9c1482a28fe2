import { describeOnBackends } from '../support/app.js';

type OpenApi = { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };

/** Values a careless or hostile client sends: each must get an answer below 500. */
const hostile = [
  '-1',
  '1000000000',
  '0',
  'x'.repeat(5000),
  "' or 1=1 --",
  '%00',
  '😀🇷🇺',
  '2026-02-30',
  'null',
  '[object Object]',
  '../../etc/passwd',
];

describeOnBackends('the public API as a whole', (ctx) => {
  it('publishes an OpenAPI 3 document naming the public routes, and a docs page', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenApi & { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/districts',
      '/api/offices',
      '/api/offices/{code}',
      '/api/agencies',
      '/api/services',
      '/api/services/{code}',
      '/api/calendar',
      '/api/calendar/add-working-days',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const docs = await ctx().app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers hostile parameters on every public GET route without a server error', async () => {
    const doc = (await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const routes = Object.entries(doc.paths).filter(
      ([path, ops]) =>
        ops.get &&
        path.startsWith('/api/') &&
        !path.startsWith('/api/admin') &&
        !path.startsWith('/api/staff'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const failures: string[] = [];
    for (const [path, ops] of routes) {
      const query = (ops.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const value of hostile) {
        const url =
          path.replace(/\{(\w+)\}/g, () => encodeURIComponent(value)) +
          (query.length ? `?${query.map((q) => `${q}=${encodeURIComponent(value)}`).join('&')}` : '');
        const res = await ctx().app.inject({ method: 'GET', url });
        if (res.statusCode >= 500)
          failures.push(`${url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400 && !/^[A-Z_]+$/.test(res.json()?.error?.code ?? ''))
          failures.push(
            `${url.slice(0, 120)} → ${res.statusCode} without an error code: ${res.body.slice(0, 200)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a body that is not JSON with a clear 400', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": "admin", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toMatch(/^(BAD_REQUEST|VALIDATION)$/);
  });
});
