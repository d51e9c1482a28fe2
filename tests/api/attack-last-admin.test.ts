import { rows, sql } from '../../src/server/db/client.js';
import { setGrants, setUserDisabled } from '../../src/server/modules/staff/users.service.js';
import { adminGrants, staffClient } from '../support/admin.js';
import { describeOnBackends, type TestContext } from '../support/app.js';
import { createStaffUser } from '../support/auth.js';

const enabledRegionAdmins = async (c: TestContext) => {
  const [row] = await rows<{ n: number }>(
    c.database.db,
    sql`select count(distinct u.id)::int as n from users u join user_grants g on g.user_id = u.id
      where not u.disabled and g.role = 'admin' and g.scope_kind = 'region'`,
  );
  return Number(row.n);
};

/** Leaves these two the only enabled admins of the region (the demo admin and others are disabled). */
async function onlyAdmins(c: TestContext, ids: string[]) {
  await c.database.db.execute(sql`update users set disabled = true
    where id in (select user_id from user_grants where role = 'admin' and scope_kind = 'region')
      and id::text <> all(${`{${ids.join(',')}}`}::text[])`);
}

/**
 * The penetration test disabled the other admin and then demoted itself: no enabled admin of the region
 * was left, and nobody could manage the region any more. No change may leave none now.
 */
describeOnBackends('attack: removing the last admin of the region', (ctx) => {
  it('refuses to demote oneself after disabling the other admin', async () => {
    const a = await staffClient(ctx().app, ctx().database, adminGrants);
    const b = await staffClient(ctx().app, ctx().database, adminGrants);
    await onlyAdmins(ctx(), [a.user.id, b.user.id]);
    expect((await a.call({ method: 'POST', url: `/api/admin/users/${b.user.id}/disable` })).statusCode).toBe(
      200,
    );
    const demote = await a.call({
      method: 'PUT',
      url: `/api/admin/users/${a.user.id}/grants`,
      payload: { grants: [{ role: 'analyst', scope: { kind: 'region' } }] },
    });
    expect(demote.statusCode).toBe(403);
    const disableSelf = await a.call({ method: 'POST', url: `/api/admin/users/${a.user.id}/disable` });
    expect(disableSelf.statusCode).toBe(409);
    expect(await enabledRegionAdmins(ctx())).toBe(1);
  });

  it('lets exactly one of two admins demoting each other at once win', async () => {
    const a = await staffClient(ctx().app, ctx().database, adminGrants);
    const b = await staffClient(ctx().app, ctx().database, adminGrants);
    await onlyAdmins(ctx(), [a.user.id, b.user.id]);
    const analyst = { grants: [{ role: 'analyst', scope: { kind: 'region' } }] };
    const [byA, byB] = await Promise.all([
      a.call({ method: 'PUT', url: `/api/admin/users/${b.user.id}/grants`, payload: analyst }),
      b.call({ method: 'PUT', url: `/api/admin/users/${a.user.id}/grants`, payload: analyst }),
    ]);
    const statuses = [byA.statusCode, byB.statusCode].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await enabledRegionAdmins(ctx())).toBe(1);
  });

  it('refuses with LAST_ADMIN a change that would leave no enabled admin of the region, whoever makes it', async () => {
    const author = await createStaffUser(ctx().database, { grants: adminGrants });
    const last = await createStaffUser(ctx().database, { grants: adminGrants });
    await onlyAdmins(ctx(), [last.id]);
    const deps = {
      db: ctx().database.db,
      author: { userId: author.id, login: author.login },
      client: { ip: null, userAgent: null },
    };
    await expect(setGrants(deps, last.id, [])).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(setUserDisabled(deps, last.id, true)).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    expect(await enabledRegionAdmins(ctx())).toBe(1);
    const [grant] = await rows<{ role: string }>(
      ctx().database.db,
      sql`select role from user_grants where user_id = ${last.id}::uuid`,
    );
    expect(grant.role).toBe('admin');
  });
});
