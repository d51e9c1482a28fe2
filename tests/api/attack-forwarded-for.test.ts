import { loadConfig } from '../../src/server/config.js';
import { rows, sql } from '../../src/server/db/client.js';
import { maskedLogin } from '../../src/server/modules/staff/login-guard.js';
import { describeOnBackends, type TestContext } from '../support/app.js';

const login = (c: TestContext, options: { ip: string; forwardedFor?: string; login?: string }) =>
  c.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: options.login ?? `nobody-${Math.random()}`, password: 'wrong' },
    headers: options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {},
    remoteAddress: options.ip,
  });

const loggedAddresses = (c: TestContext, login: string) =>
  rows<{ ip: string | null }>(
    c.database.db,
    sql`select ip from security_log where event = 'login_failure' and login = ${login} order by security_log.id`,
  );

describe('attack: TRUST_PROXY=true believed anyone’s X-Forwarded-For', () => {
  it('refuses TRUST_PROXY=true at start, naming the variable and what to give instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would believe any client/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    // A hop count cannot tell the proxy from a client that connects directly and writes the header.
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY: a number of proxies cannot tell/);
  });

  it('takes a list of proxy addresses and networks', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1' }).trustProxy).toBe(
      '10.0.0.5,192.168.0.0/16,::1',
    );
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
  });
});

describeOnBackends(
  'attack: a new X-Forwarded-For per request, from a client that is not the proxy',
  (ctx) => {
    it('keeps the sign-in limit on the real address however the header changes', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await login(ctx(), { ip: '203.0.113.9', forwardedFor: `198.51.100.${i}` })).statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    });
  },
  // The proxy is 10.0.0.1; the attacker connects from 203.0.113.9 directly.
  { config: { trustProxy: '10.0.0.1', loginRateLimitPerMinute: 3 } },
);

describeOnBackends(
  'attack: markup in X-Forwarded-For behind a trusted proxy',
  (ctx) => {
    it('stores only a valid IP address in the security log', async () => {
      const name = 'forwarded-markup';
      await login(ctx(), { ip: '10.0.0.1', forwardedFor: '<script>alert(1)</script>', login: name });
      await login(ctx(), { ip: '10.0.0.1', forwardedFor: '192.0.2.44', login: name });
      const ips = (await loggedAddresses(ctx(), maskedLogin(name))).map((r) => r.ip);
      // The markup is not an address: the proxy's own is kept; the client's, when the proxy gives a valid one.
      expect(ips).toEqual(['10.0.0.1', '192.0.2.44']);
    });
  },
  { config: { trustProxy: '10.0.0.1' } },
);
