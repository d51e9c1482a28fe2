import { adminGrants, fieldsOf, staffClient, uniqueCode } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { signIn } from '../support/auth.js';

type Call = Awaited<ReturnType<typeof staffClient>>['call'];

describeOnBackends('admin API: users, roles and the security log', (ctx) => {
  let admin: Call;
  let adminId: string;
  beforeAll(async () => {
    const client = await staffClient(ctx().app, ctx().database, adminGrants);
    admin = client.call;
    adminId = client.user.id;
  });

  async function newUser() {
    const login = uniqueCode('staff');
    const res = await admin({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        login,
        fullName: 'Иванова Анна',
        password: 'temporary-pass-1',
        grants: [{ role: 'operator', scope: { kind: 'region' } }],
      },
    });
    expect(res.statusCode).toBe(201);
    return { login, id: res.json().id as string };
  }

  it('creates a user who can sign in, and lists them with their grants', async () => {
    const { login, id } = await newUser();
    await signIn(ctx().app, login, 'temporary-pass-1');
    const list = (await admin({ method: 'GET', url: '/api/admin/users' })).json();
    expect(list).toContainEqual(
      expect.objectContaining({
        id,
        login,
        disabled: false,
        grants: [{ role: 'operator', scope: { kind: 'region' } }],
      }),
    );
  });

  it('refuses a grant on an unknown office, naming it', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        login: uniqueCode('staff'),
        fullName: 'Петров',
        password: 'temporary-pass-1',
        grants: [{ role: 'office_head', scope: { kind: 'offices', offices: ['no-such-office'] } }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['body.grants.0.scope.offices.0']);
  });

  it('changes grants and writes the change to the security log and the history', async () => {
    const { id, login } = await newUser();
    const grants = [{ role: 'analyst', scope: { kind: 'region' } }];
    const res = await admin({ method: 'PUT', url: `/api/admin/users/${id}/grants`, payload: { grants } });
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toEqual(grants);
    const log = (
      await admin({ method: 'GET', url: `/api/admin/security-log?login=${login}&event=role_change` })
    ).json();
    expect(log.items[0]).toMatchObject({
      event: 'role_change',
      login,
      result: 'ok',
      details: { action: 'grants_set' },
    });
    const history = (await admin({ method: 'GET', url: `/api/admin/history?entity=user&key=${id}` })).json();
    expect(history.items[0]).toMatchObject({
      action: 'grants',
      before: [{ role: 'operator', scope: { kind: 'region' } }],
      after: grants,
    });
  });

  it('resets a password: the old one no longer signs in, the new one does, and the reset is logged', async () => {
    const { id, login } = await newUser();
    const res = await admin({
      method: 'POST',
      url: `/api/admin/users/${id}/reset-password`,
      payload: { password: 'another-pass-2' },
    });
    expect(res.statusCode).toBe(200);
    await expect(signIn(ctx().app, login, 'temporary-pass-1')).rejects.toThrow(/401/);
    await signIn(ctx().app, login, 'another-pass-2');
    const log = (
      await admin({ method: 'GET', url: `/api/admin/security-log?login=${login}&event=password_reset` })
    ).json();
    expect(log.total).toBe(1);
    const short = await admin({
      method: 'POST',
      url: `/api/admin/users/${id}/reset-password`,
      payload: { password: 'x' },
    });
    expect(fieldsOf(short.json())).toEqual(['body.password']);
  });

  it('disables a user, ending their session, and enables them again', async () => {
    const { id, login } = await newUser();
    const session = await signIn(ctx().app, login, 'temporary-pass-1');
    const disabled = await admin({ method: 'POST', url: `/api/admin/users/${id}/disable` });
    expect(disabled.json().disabled).toBe(true);
    const me = await ctx().app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
    await expect(signIn(ctx().app, login, 'temporary-pass-1')).rejects.toThrow(/401/);
    const log = (
      await admin({ method: 'GET', url: `/api/admin/security-log?login=${login}&event=user_disabled` })
    ).json();
    expect(log.items[0]).toMatchObject({ details: { action: 'disable' } });
    const enabled = await admin({ method: 'POST', url: `/api/admin/users/${id}/enable` });
    expect(enabled.json().disabled).toBe(false);
    const enabledLog = (
      await admin({ method: 'GET', url: `/api/admin/security-log?login=${login}&event=user_enabled` })
    ).json();
    expect(enabledLog.items[0]).toMatchObject({ event: 'user_enabled', details: { action: 'enable' } });
    await signIn(ctx().app, login, 'temporary-pass-1');
  });

  it('refuses to let an admin disable their own account', async () => {
    const res = await admin({ method: 'POST', url: `/api/admin/users/${adminId}/disable` });
    expect(res.statusCode).toBe(409);
  });

  it('filters the security log by dates', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const now = (
      await admin({ method: 'GET', url: `/api/admin/security-log?from=${today}&to=${today}` })
    ).json();
    expect(now.total).toBeGreaterThan(0);
    const past = (
      await admin({ method: 'GET', url: '/api/admin/security-log?from=2000-01-01&to=2000-12-31' })
    ).json();
    expect(past).toEqual({ items: [], total: 0 });
  });

  it('keeps users and the security log from anyone but an admin', async () => {
    const head = (
      await staffClient(ctx().app, ctx().database, [{ role: 'office_head', scope: { kind: 'region' } }])
    ).call;
    expect((await head({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(403);
    expect((await head({ method: 'GET', url: '/api/admin/security-log' })).statusCode).toBe(403);
  });

  it('documents every admin route in the OpenAPI document under an admin tag', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { tags?: string[] }>>;
    const admin = ctx()
      .app.routePolicies.filter((r) => r.url.startsWith('/api/admin/') && r.method !== 'HEAD')
      .map((r) => ({ path: r.url.replace(/:(\w+)/g, '{$1}'), method: r.method.toLowerCase() }));
    expect(admin.length).toBeGreaterThan(30);
    for (const { path, method } of admin) {
      expect({ path, method, tag: paths[path]?.[method]?.tags?.[0] }).toEqual({
        path,
        method,
        tag: expect.stringMatching(/^admin: /),
      });
    }
  });

  it('lists the security log newest first by number, not as text (10 after 9)', async () => {
    for (let i = 0; i < 3; i++) await newUser();
    const page = (await admin({ method: 'GET', url: '/api/admin/security-log?limit=50' })).json();
    const ids = (page.items as { id: string }[]).map((e) => Number(e.id));
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});
