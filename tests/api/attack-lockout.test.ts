import { sql } from '../../src/server/db/client.js';
import { loginKey } from '../../src/server/modules/staff/login-guard.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends, type TestContext } from '../support/app.js';
import { createStaffUser } from '../support/auth.js';

const region = [{ role: 'operator' as const, scope: { kind: 'region' as const } }];

const login = (c: TestContext, name: string, password: string, ip: string) =>
  c.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: name, password },
    remoteAddress: ip,
  });

/** Lets the wait of an address on a login run out, as if its time had passed. */
const waitPassed = (c: TestContext, name: string, ip: string) =>
  c.database.db.execute(sql`update login_throttle set blocked_until = now() - interval '1 second'
    where login_key = ${loginKey(name)} and ip = ${ip}`);

/**
 * The penetration test locked any staff account for 15 minutes with five wrong passwords, from anywhere,
 * without signing in. Guessing is still slowed and stopped; the weapon is gone: failures slow down the
 * address that makes them, the account locks only at a far higher count, the lock never refuses an address
 * the account signed in from, and an admin sees a lock and lifts it.
 */
describeOnBackends(
  'attack: locking out a staff member from outside',
  (ctx) => {
    it('slows an address down with growing waits after three failures, and only that address', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const guesser = '198.51.100.10';
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await login(ctx(), user.login, `guess ${i}`, guesser)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const waits: string[] = [];
      // Five failures in all: one short of this suite's account lock (6).
      for (let i = 0; i < 2; i++) {
        const blocked = await login(ctx(), user.login, 'guess', guesser);
        expect(blocked.statusCode).toBe(429);
        expect(blocked.json().error.code).toBe('RATE_LIMITED');
        waits.push(String(blocked.headers['retry-after']));
        await waitPassed(ctx(), user.login, guesser);
        expect((await login(ctx(), user.login, 'guess again', guesser)).statusCode).toBe(401);
      }
      expect(waits).toEqual(['1', '2']);
      const third = await login(ctx(), user.login, 'guess', guesser);
      expect(third.headers['retry-after']).toBe('4');
      // Another address is not slowed by the guesser, and signs in with the right password.
      expect((await login(ctx(), user.login, user.password, '192.0.2.20')).statusCode).toBe(200);
    });

    it('slows an unknown login alike, so the answer tells nothing about which logins exist', async () => {
      const ip = '198.51.100.11';
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(ctx(), 'no-such-login', 'x', ip)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it('never locks the staff member out of the address they work from, however many strangers guess', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const desk = '192.0.2.30';
      expect((await login(ctx(), user.login, user.password, desk)).statusCode).toBe(200);
      // Twelve strangers, two guesses each: 24 failures, over the lock's threshold of 6.
      for (let i = 0; i < 12; i++) {
        for (let j = 0; j < 2; j++) await login(ctx(), user.login, `guess ${j}`, `203.0.113.${i + 1}`);
      }
      expect((await login(ctx(), user.login, user.password, desk)).statusCode).toBe(200);
      // A stranger with the right password is refused while the lock lasts, with the one message for all.
      const stranger = await login(ctx(), user.login, user.password, '203.0.113.99');
      expect(stranger.statusCode).toBe(401);
      expect(stranger.json().error.message).toBe('wrong login or password');
    });

    it('answers a right password against the lock exactly as a wrong one: it slows the address alike', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      for (let i = 0; i < 6; i++) await login(ctx(), user.login, 'guess', `203.0.115.${i + 1}`);
      const prober = '203.0.115.99';
      const answers: number[] = [];
      // Two tries, then a guess (the right password), then one more: the right guess must not spare the
      // address its wait, or the wait would tell the guess was right.
      for (const password of ['wrong-1', 'wrong-2', user.password, 'wrong-3']) {
        answers.push((await login(ctx(), user.login, password, prober)).statusCode);
      }
      expect(answers).toEqual([401, 401, 401, 429]);
    });

    it('slows an IPv6 network, not one address of it', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++) {
        statuses.push(
          (await login(ctx(), user.login, 'guess', `2001:db8:77:1::${i.toString(16)}`)).statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it('shows the lock to an admin, who lifts it; the account then signs in from anywhere', async () => {
      const user = await createStaffUser(ctx().database, { grants: region });
      for (let i = 0; i < 6; i++) await login(ctx(), user.login, 'guess', `203.0.114.${i + 1}`);
      const admin = await staffClient(ctx().app, ctx().database, [
        { role: 'admin', scope: { kind: 'region' } },
      ]);
      const listed = (await admin.call({ method: 'GET', url: '/api/admin/users' })).json() as {
        id: string;
        lockedUntil: string | null;
      }[];
      const locked = listed.find((u) => u.id === user.id);
      expect(locked?.lockedUntil).toEqual(expect.any(String));
      expect(new Date(locked?.lockedUntil ?? 0).getTime()).toBeGreaterThan(Date.now());
      expect((await login(ctx(), user.login, user.password, '203.0.114.50')).statusCode).toBe(401);

      const lifted = await admin.call({ method: 'POST', url: `/api/admin/users/${user.id}/unlock` });
      expect(lifted.statusCode).toBe(200);
      expect(lifted.json().lockedUntil).toBeNull();
      expect((await login(ctx(), user.login, user.password, '203.0.114.51')).statusCode).toBe(200);
      const log = (
        await admin.call({ method: 'GET', url: `/api/admin/security-log?login=${user.login}&event=unlock` })
      ).json();
      expect(log.items[0]).toMatchObject({ event: 'unlock', result: 'ok', details: { wasLocked: true } });
    });
  },
  { config: { lockoutAttempts: 6, loginRateLimitPerMinute: 100_000, rateLimitPerMinute: 100_000 } },
);
