import type { FastifyRequest } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { rows, sql } from '../../src/server/db/client.js';
import type { RouteEntry } from '../../src/server/modules/staff/auth.plugin.js';
import type { RoutePolicy } from '../../src/server/modules/staff/auth.policy.js';
import { isStaffUrl } from '../../src/server/modules/staff/auth.policy.js';
import { type Role, roles, type Scope } from '../../src/shared/auth.js';
import { describeOnBackends, type TestContext } from '../support/app.js';
import { createStaffUser, type SignedIn, signIn } from '../support/auth.js';

type Office = { code: string; district: string };
type StaffPolicy = Exclude<RoutePolicy, 'public'>;

const ok = (status: number) => status !== 401 && status !== 403;

/**
 * One request per route: every path parameter is the code of office A (of district A under
 * /api/admin/districts), so a route scoped by an office or a district in its path, query or body resolves
 * to office A or its district. Bodies are mostly invalid: a 400 still means that the request got past
 * authorization.
 */
function requestFor(route: RouteEntry, office: Office) {
  const params: Record<string, string> = {};
  const value = route.url.startsWith('/api/admin/districts') ? office.district : office.code;
  const url = route.url.replace(/:(\w+)/g, (_, name: string) => {
    params[name] = value;
    return encodeURIComponent(value);
  });
  const query = { office: office.code };
  const body = ['POST', 'PUT', 'PATCH'].includes(route.method)
    ? { office: office.code, officeCode: office.code, district: office.district }
    : undefined;
  return {
    method: route.method,
    url: `${url}?office=${encodeURIComponent(office.code)}`,
    params,
    query,
    body,
  };
}

/** The office or district a policy resolves for that request, as the hook would see it. */
function targetOf(policy: StaffPolicy, request: ReturnType<typeof requestFor>) {
  const fake = {
    params: request.params,
    query: request.query,
    body: request.body,
  } as unknown as FastifyRequest;
  return { office: policy.office?.(fake), district: policy.district?.(fake) };
}

describeOnBackends(
  'every staff route checks the session, the role and the scope',
  (ctx) => {
    let officeA: Office;
    let officeB: Office;
    const sessions = new Map<string, SignedIn>();

    const signInWith = async (key: string, role: Role, scope: Scope) => {
      const cached = sessions.get(key);
      if (cached) return cached;
      const user = await createStaffUser(ctx().database, { grants: [{ role, scope }] });
      const session = await signIn(ctx().app, user.login, user.password);
      sessions.set(key, session);
      return session;
    };

    const call = (c: TestContext, request: ReturnType<typeof requestFor>, session?: SignedIn) =>
      c.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: session?.headers,
        ...(request.body ? { payload: request.body } : {}),
      });

    const staffRoutes = () =>
      ctx()
        .app.routePolicies.filter((r) => isStaffUrl(r.url) && r.method !== 'HEAD')
        // Reads before writes: a write (closing an office) must not change what a later read sees.
        .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));

    beforeAll(async () => {
      const offices = await rows<Office>(
        ctx().database.db,
        sql`select code, district_code as district from offices order by kind = 'main' desc, code`,
      );
      officeA = offices[0];
      officeB = offices.find((o) => o.district !== officeA.district) ?? offices[1];
    });

    it('walks at least the staff whoami route, and every staff route has a policy with roles', () => {
      const walked = staffRoutes();
      expect(walked.map((r) => `${r.method} ${r.url}`)).toContain('GET /api/staff/whoami');
      for (const r of walked) expect((r.policy as StaffPolicy).roles.length).toBeGreaterThan(0);
    });

    it('resolves the office or district of every route whose policy names one, so the scope walk covers it', () => {
      const blind = staffRoutes()
        .filter((r) => (r.policy as StaffPolicy).office || (r.policy as StaffPolicy).district)
        .filter((r) => {
          const target = targetOf(r.policy as StaffPolicy, requestFor(r, officeA));
          return target.office === undefined && target.district === undefined;
        })
        .map((r) => `${r.method} ${r.url}`);
      expect(blind).toEqual([]);
    });

    it('answers 401 on every staff route without a session', { timeout: 300_000 }, async () => {
      for (const route of staffRoutes()) {
        const res = await call(ctx(), requestFor(route, officeA));
        expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
          route: `${route.method} ${route.url}`,
          status: 401,
        });
      }
    });

    it('lets in every role of a route’s policy and refuses every other role with 403', {
      timeout: 300_000,
    }, async () => {
      for (const role of roles) {
        const session = await signInWith(`region:${role}`, role, { kind: 'region' });
        for (const route of staffRoutes()) {
          const allowed = (route.policy as StaffPolicy).roles.includes(role);
          const res = await call(ctx(), requestFor(route, officeA), session);
          expect({ route: `${route.method} ${route.url}`, role, allowed: ok(res.statusCode) }).toEqual({
            route: `${route.method} ${route.url}`,
            role,
            allowed,
          });
        }
      }
    });

    it('lets in or refuses every role of a route’s policy on every kind of scope', {
      timeout: 600_000,
    }, async () => {
      const scopes: [string, Scope][] = [
        ['the region', { kind: 'region' }],
        ['its district', { kind: 'district', district: officeA.district }],
        ['other district', { kind: 'district', district: officeB.district }],
        ['the office', { kind: 'offices', offices: [officeA.code] }],
        ['other office', { kind: 'offices', offices: [officeB.code] }],
      ];
      const mismatches: string[] = [];
      for (const route of staffRoutes()) {
        const policy = route.policy as StaffPolicy;
        const request = requestFor(route, officeA);
        const target = targetOf(policy, request);
        for (const role of policy.roles) {
          for (const [name, scope] of scopes) {
            // What the hook must decide: a region-wide object needs the region; an office or a district
            // needs a scope that covers it; with no target the handler narrows, and the hook lets in.
            const allowed = policy.region
              ? scope.kind === 'region'
              : target.office !== undefined
                ? name === 'the region' || name === 'its district' || name === 'the office'
                : target.district !== undefined
                  ? name === 'the region' || name === 'its district'
                  : true;
            const session = await signInWith(`${role}:${JSON.stringify(scope)}`, role, scope);
            const res = await call(ctx(), request, session);
            if (ok(res.statusCode) !== allowed) {
              mismatches.push(`${route.method} ${route.url} as ${role} on ${name}: ${res.statusCode}`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('writes a refused request to the security log', async () => {
      // A user of its own: an earlier refusal of the same kind would be counted into a summary instead.
      const session = await signInWith('region:analyst:fresh', 'analyst', { kind: 'region' });
      const route = staffRoutes().find((r) => !(r.policy as StaffPolicy).roles.includes('analyst'));
      if (!route) throw new Error('no staff route refuses analysts');
      const res = await call(ctx(), requestFor(route, officeA), session);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      const [entry] = await rows<{ event: string; result: string; route: string; reason: string }>(
        ctx().database.db,
        sql`select event, result, details->>'route' as route, details->>'reason' as reason from security_log
          order by security_log.id desc limit 1`,
      );
      expect(entry).toEqual({ event: 'access_denied', result: 'refused', route: route.url, reason: 'role' });
    });

    it('refuses to build an app with a staff route that declares no policy', async () => {
      const app = await buildApp({ config: testConfig(), database: ctx().database, webDir: '/nonexistent' });
      try {
        expect(() => app.get('/api/admin/no-policy', async () => 'open')).toThrow(
          /must declare config.policy/,
        );
        expect(() =>
          app.post('/api/staff/public', { config: { policy: 'public' } }, async () => 'open'),
        ).toThrow(/must declare config.policy/);
        expect(() =>
          app.get('/api/admin/no-roles', { config: { policy: { roles: [] } } }, async () => 'x'),
        ).toThrow(/must declare config.policy/);
      } finally {
        await app.close();
      }
    });
  },
  { config: { rateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 100_000 } },
);
