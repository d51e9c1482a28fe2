import { describeOnBackends } from '../support/app.js';
import { createStaffUser, signIn } from '../support/auth.js';

const region = [{ role: 'admin' as const, scope: { kind: 'region' as const } }];

describeOnBackends('sign-in and sessions', (ctx) => {
  it('sets an HttpOnly session cookie on sign-in, and me answers with the user', async () => {
    const user = await createStaffUser(ctx().database, { grants: region });
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: user.login.toUpperCase(), password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'okno_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({ login: user.login, grants: region, mustChangePassword: false });
    const me = await ctx().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `okno_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('answers me with 401 without a session', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lets a signed-in staff member call a staff route', async () => {
    const user = await createStaffUser(ctx().database, { grants: region });
    const session = await signIn(ctx().app, user.login, user.password);
    const res = await ctx().app.inject({ method: 'GET', url: '/api/staff/whoami', headers: session.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ login: user.login, grants: region });
  });
});
