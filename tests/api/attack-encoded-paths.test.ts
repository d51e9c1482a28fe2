import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteEntry } from '../../src/server/modules/staff/auth.plugin.js';
import { describeOnBackends, type TestContext } from '../support/app.js';
import { createStaffUser, type SignedIn, signIn } from '../support/auth.js';

/**
 * The penetration test read the admin API without signing in through `/%61pi/admin/users`: the
 * authorization hook looked at the raw URL while the router matched the decoded path. Every route is now
 * walked with encoded and odd spellings of its path, which must be answered exactly as the plain path.
 */

const office = 'lip-kosmonavtov';

/** The plain path of a route, every parameter an office code (as the authorization walk does). */
const plainPath = (url: string) => url.replace(/:(\w+)/g, () => office).replace(/\*$/, 'index.html');

/** Upper-cases the route's own words, never a parameter (a code in upper case is another code). */
const upperStatic = (url: string) =>
  url
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? office : segment === '*' ? 'index.html' : segment.toUpperCase(),
    )
    .join('/');

/** Encoded and odd spellings of a path that a router, a proxy or a browser may treat as the same. */
export function variantsOf(url: string): [string, string][] {
  const path = plainPath(url);
  const firstLetter = path.search(/[a-z]/);
  const encoded = (code: string) => `${path.slice(0, firstLetter)}${code}${path.slice(firstLetter + 1)}`;
  const hex = path.charCodeAt(firstLetter).toString(16);
  const [, first, ...rest] = path.split('/');
  const tail = rest.length ? `/${rest.join('/')}` : '';
  return [
    ['%61 (percent-encoded letter)', encoded(`%${hex}`)],
    ['%2561 (double-encoded letter)', encoded(`%25${hex}`)],
    ['// (doubled slash)', rest.length ? `/${first}/${tail}` : `//${first}`],
    ['leading //', `/${path}`],
    ['/./ (dot segment)', `/${first}/.${tail || '/'}`],
    ['trailing /', `${path}/`],
    [';x (path parameter)', `${path};x`],
    ['upper case', upperStatic(url)],
    ['%2e (encoded dot segment)', `/${first}/%2e${tail || '/'}`],
    ['%2E%2E (encoded parent segment)', `/${first}/x/%2E%2E${tail || '/'}`],
  ];
}

const bodyFor = (method: string) =>
  ['POST', 'PUT', 'PATCH'].includes(method) ? { office, officeCode: office } : undefined;

async function statusOf(c: TestContext, method: string, url: string, session?: SignedIn) {
  const body = bodyFor(method);
  const res = await c.app.inject({
    method: method as 'GET',
    url,
    headers: session?.headers,
    ...(body ? { payload: body } : {}),
  });
  return res.statusCode;
}

describeOnBackends(
  'attack: an encoded or odd spelling of a path never gets past what the plain path gets',
  (ctx) => {
    const routes = () =>
      ctx().app.routePolicies.filter(
        (r: RouteEntry) =>
          r.method !== 'HEAD' &&
          r.method !== 'OPTIONS' &&
          // an event stream stays open while a board watches it (an inject would wait for ever); its
          // bad input is tested over a socket in board.stream.integration.test.ts
          !r.url.endsWith('/board/events') &&
          !r.url.endsWith('/situation/stream'),
      );

    it('reads no admin list without signing in through /%61pi/admin/…', async () => {
      for (const path of ['users', 'security-log', 'offices', 'calendar?year=2026', 'agencies', 'services']) {
        const res = await ctx().app.inject({ method: 'GET', url: `/%61pi/admin/${path}` });
        expect({ path, status: res.statusCode }).toEqual({ path, status: 401 });
        expect(res.json().error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('answers every variant of every route as the plain path, without a session', {
      timeout: 300_000,
    }, async () => {
      const mismatches: string[] = [];
      for (const route of routes()) {
        // Only reads and refused writes: an anonymous write never gets past the policy of a staff route.
        const plain = await statusOf(ctx(), route.method, plainPath(route.url));
        for (const [name, url] of variantsOf(route.url)) {
          const status = await statusOf(ctx(), route.method, url);
          if (status !== plain)
            mismatches.push(`${route.method} ${url} (${name}): ${status}, plain ${plain}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('answers every variant of every read as the plain path, for a signed-in operator', {
      timeout: 300_000,
    }, async () => {
      const user = await createStaffUser(ctx().database, {
        grants: [{ role: 'operator', scope: { kind: 'offices', offices: [office] } }],
      });
      const session = await signIn(ctx().app, user.login, user.password);
      const mismatches: string[] = [];
      for (const route of routes().filter((r) => r.method === 'GET')) {
        const plain = await statusOf(ctx(), 'GET', plainPath(route.url), session);
        for (const [name, url] of variantsOf(route.url)) {
          const status = await statusOf(ctx(), 'GET', url, session);
          if (status !== plain) mismatches.push(`GET ${url} (${name}): ${status}, plain ${plain}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('refuses a path that does not normalise cleanly (encoded slash or backslash, NUL, a broken escape)', async () => {
      for (const url of [
        '/api/services/a%2Fb',
        '/api/services/a%5Cb',
        '/api/services/a%00b',
        '/api/services/%E0%A4%A',
        '/api/services/%25252525252561',
      ]) {
        const res = await ctx().app.inject({ method: 'GET', url });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(res.json().error.code).toBe('BAD_REQUEST');
      }
    });
  },
  { config: { rateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 1_000_000 } },
);

/** A GET over a real socket: unlike app.inject, Node's client sends the path exactly as written. */
function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describeOnBackends('attack: odd paths sent over a real socket', (ctx) => {
  it('answers dot segments, doubled slashes and escapes as the plain path, and refuses climbing out', async () => {
    await ctx().app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx().app.server.address() as AddressInfo;
    const statuses: Record<string, number> = {};
    for (const path of [
      '/api/admin/users',
      '/api/./admin/users',
      '/api/x/../admin/users',
      '//api//admin/users/',
      '/%61pi/admin/users',
      '/api/admin/users;jsessionid=1',
      '/api/offices/../../..',
      '/api/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      statuses[path] = await rawGet(port, path);
    }
    expect(statuses).toEqual({
      '/api/admin/users': 401,
      '/api/./admin/users': 401,
      '/api/x/../admin/users': 401,
      '//api//admin/users/': 401,
      '/%61pi/admin/users': 401,
      '/api/admin/users;jsessionid=1': 401,
      '/api/offices/../../..': 400,
      '/api/%2e%2e/%2e%2e/etc/passwd': 400,
    });
  });
});

describeOnBackends(
  'attack: sign-in attempts through an encoded path are rate-limited like the plain path',
  (ctx) => {
    it('answers 429 to the 6th attempt through /%61pi/auth/login with a limit of 5', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await ctx().app.inject({
          method: 'POST',
          url: i % 2 ? '/%61pi/auth/login' : '/API/AUTH/LOGIN/',
          // A new login each time: the per-account throttle must not be what answers 429 here.
          payload: { login: `nobody-${i}`, password: 'guess' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    });
  },
  { config: { loginRateLimitPerMinute: 5 } },
);
