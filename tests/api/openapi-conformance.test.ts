import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Response = { content?: { 'application/json'?: { schema: object } } };
type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: Record<string, unknown> };

/** Values of path and query parameters that exist in the demo region, by name (and path). */
function knownValue(name: string, path: string, known: Record<string, string>): string {
  if (name === 'code') {
    if (path.includes('/offices')) return known.office;
    if (path.includes('/services')) return known.service;
    if (path.includes('/districts')) return known.district;
    if (path.includes('/agencies')) return known.agency;
  }
  if (name === 'id') return known.userId;
  if (name === 'date') return '2026-01-09';
  const byName: Record<string, string> = {
    from: '2026-01-01',
    to: '2026-01-31',
    days: '5',
    year: '2026',
    entity: 'office',
    key: known.office,
    q: 'паспорт',
  };
  return byName[name] ?? 'x';
}

type Case = {
  label: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string;
};

/**
 * Real requests for every route of /api/openapi.json — the ordinary one and its refusals (anonymous on a
 * staff route, an unknown object, a bad parameter, a malformed or mistyped body) — and each answer checked
 * against the document: its status is one the route describes, and its body matches that status's schema.
 */
describeOnBackends('the OpenAPI document and the real answers', (ctx) => {
  it('describe the same statuses and bodies for every route', { timeout: 240_000 }, async () => {
    const { app, database } = ctx();
    const admin = await staffClient(app, database, [{ role: 'admin', scope: { kind: 'region' } }]);
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    const offices = (await app.inject({ method: 'GET', url: '/api/offices' })).json() as { code: string }[];
    const services = (await app.inject({ method: 'GET', url: '/api/services' })).json() as {
      items: { code: string }[];
    };
    const districts = (await app.inject({ method: 'GET', url: '/api/districts' })).json() as {
      code: string;
    }[];
    const agencies = (await app.inject({ method: 'GET', url: '/api/agencies' })).json() as { code: string }[];
    const known = {
      office: offices[0].code,
      service: services.items[0].code,
      district: districts[0].code,
      agency: agencies[0].code,
      userId: admin.user.id,
    };

    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
      );
    expect(operations.length).toBeGreaterThan(40);

    const problems: string[] = [];
    const seen = new Map<string, Set<number>>();
    for (const { path, method, op } of operations) {
      if (!op.operationId) problems.push(`${method} ${path}: no operationId`);
      const staff = op.security !== undefined;
      const fill = (value: (name: string) => string) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)));
      const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required);
      const query = required.map((p) => `${p.name}=${encodeURIComponent(knownValue(p.name, path, known))}`);
      const withQuery = (url: string, extra: string[] = []) =>
        [...query, ...extra].length ? `${url}?${[...query, ...extra].join('&')}` : url;
      const signedIn = staff ? admin.session.headers : {};
      const url = withQuery(fill((name) => knownValue(name, path, known)));
      const cases: Case[] = [];
      // An event stream stays open while a board watches it: an inject would wait for ever. Its refusals
      // (unknown office, bad query) are checked here; its stream in board.stream.integration.test.ts.
      const stream = path.endsWith('/board/events') || path.endsWith('/situation/stream');
      if (method === 'GET' && !stream) cases.push({ label: 'ordinary', method, url, headers: signedIn });
      if (staff) cases.push({ label: 'anonymous', method, url });
      if (path.includes('{')) {
        cases.push({
          label: 'unknown object',
          method,
          url: withQuery(fill(() => 'no-such-thing-9')),
          headers: signedIn,
        });
      }
      for (const p of (op.parameters ?? []).filter((q) => q.in === 'query')) {
        cases.push({
          label: `bad ${p.name}`,
          method,
          url: withQuery(
            fill((n) => knownValue(n, path, known)),
            [`${p.name}=${'%00'}`],
          ),
          headers: signedIn,
        });
      }
      if (['POST', 'PUT', 'PATCH'].includes(method)) {
        const json = { ...signedIn, 'content-type': 'application/json' };
        cases.push({ label: 'malformed body', method, url, headers: json, payload: '{"broken": ' });
        cases.push({ label: 'empty object', method, url, headers: json, payload: '{}' });
        cases.push({
          label: 'xml body',
          method,
          url,
          headers: { ...signedIn, 'content-type': 'application/xml' },
          payload: '<x/>',
        });
      }
      for (const c of cases) {
        const res = await app.inject({
          method: c.method as 'GET',
          url: c.url,
          headers: c.headers,
          payload: c.payload,
        });
        const key = `${method} ${path}`;
        seen.set(key, (seen.get(key) ?? new Set()).add(res.statusCode));
        const described = op.responses[String(res.statusCode)];
        if (!described) {
          problems.push(`${key} (${c.label}): ${res.statusCode} is not described (${res.body.slice(0, 80)})`);
          continue;
        }
        // A read with an ETag answers 304 to If-None-Match naming it: that status must be described too.
        const etag = res.headers.etag;
        if (c.label === 'ordinary' && typeof etag === 'string') {
          cases.push({
            label: 'if-none-match',
            method,
            url: c.url,
            headers: { ...c.headers, 'if-none-match': etag },
          });
        }
        const schema = described.content?.['application/json']?.schema;
        if (res.statusCode === 204 || res.statusCode === 304) {
          if (res.body !== '') problems.push(`${key} (${c.label}): ${res.statusCode} with a body`);
          continue;
        }
        if (!schema) continue;
        const validate = ajv.compile(schema);
        if (!validate(res.json())) {
          problems.push(`${key} (${c.label}): ${res.statusCode} body ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The run reached the handlers: most routes answered their ordinary request with a 2xx.
    const answered = [...seen.values()].filter((s) => [...s].some((x) => x >= 200 && x < 300)).length;
    expect(answered).toBeGreaterThan(20);
    expect([...seen.values()].some((s) => s.has(401))).toBe(true);
    expect([...seen.values()].some((s) => s.has(404))).toBe(true);
    expect([...seen.values()].some((s) => s.has(415))).toBe(true);
    expect([...seen.values()].some((s) => s.has(304))).toBe(true);
  });

  it('describes how to sign in and which routes need it', async () => {
    const doc = (await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi & {
      components: { securitySchemes: Record<string, { in: string; name: string }> };
    };
    expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'okno_session' });
    expect(doc.components.securitySchemes.csrf).toMatchObject({ in: 'header', name: 'x-csrf-token' });
    expect(doc.paths['/api/admin/offices'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/admin/offices'].post.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.paths['/api/offices'].get.security).toBeUndefined();
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
