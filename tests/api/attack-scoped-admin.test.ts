import { rows, sql } from '../../src/server/db/client.js';
import type { Grant } from '../../src/shared/auth.js';
import { adminGrants, staffClient, uniqueCode } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { createStaffUser } from '../support/auth.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
type Office = { code: string; district: string };

/**
 * The penetration test signed in as an admin of one district and made themselves admin of the region,
 * changed another district, created an office in it, listed every user, and set the services of an office
 * outside their district from the service's side. Each is refused now; what the district admin may do in
 * their own district still works.
 */
describeOnBackends('attack: an admin of one district reaches beyond it', (ctx) => {
  let own: Office;
  let other: Office;
  let ownSecond: Office;
  let districtAdmin: Client;
  let regionAdmin: Client;
  let serviceCode: string;

  const districtGrants = (district: string): Grant[] => [
    { role: 'admin', scope: { kind: 'district', district } },
  ];

  beforeAll(async () => {
    const offices = await rows<Office>(
      ctx().database.db,
      sql`select code, district_code as district from offices order by district_code, code`,
    );
    own = offices.find((o) => o.code === 'lip-kosmonavtov') ?? offices[0];
    ownSecond = offices.find((o) => o.district === own.district && o.code !== own.code) ?? own;
    other = offices.find((o) => o.district !== own.district) ?? offices[1];
    districtAdmin = await staffClient(ctx().app, ctx().database, districtGrants(own.district));
    regionAdmin = await staffClient(ctx().app, ctx().database, adminGrants);
    const [service] = await rows<{ code: string }>(
      ctx().database.db,
      sql`select code from services where published_version is not null order by code limit 1`,
    );
    serviceCode = service.code;
  });

  const newUserBody = (grants: Grant[]) => ({
    login: uniqueCode('staff'),
    fullName: 'Сотрудник района',
    password: 'temporary-pass-1',
    grants,
  });

  it('refuses to make themselves admin of the region (nobody changes their own grants)', async () => {
    const res = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/users/${districtAdmin.user.id}/grants`,
      payload: { grants: adminGrants },
    });
    expect(res.statusCode).toBe(403);
    const after = await regionAdmin.call({ method: 'GET', url: '/api/staff/whoami' });
    expect(after.statusCode).toBe(200);
    const grants = await rows<{ scope_kind: string }>(
      ctx().database.db,
      sql`select scope_kind from user_grants where user_id = ${districtAdmin.user.id}::uuid`,
    );
    expect(grants.map((g) => g.scope_kind)).toEqual(['district']);
  });

  it('refuses their own grants spelt with an upper-case id', async () => {
    const res = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/users/${districtAdmin.user.id.toUpperCase()}/grants`,
      payload: {
        grants: [
          ...districtGrants(own.district),
          { role: 'catalog_editor', scope: { kind: 'district', district: own.district } },
        ],
      },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses to manage a fellow admin of the same district (acting under their name)', async () => {
    const peer = await createStaffUser(ctx().database, { grants: districtGrants(own.district) });
    const reset = await districtAdmin.call({
      method: 'POST',
      url: `/api/admin/users/${peer.id}/reset-password`,
      payload: { password: 'taken-over-1' },
    });
    expect(reset.statusCode).toBe(403);
    const byRegion = await regionAdmin.call({
      method: 'POST',
      url: `/api/admin/users/${peer.id}/reset-password`,
      payload: { password: 'reset-by-region-1' },
    });
    expect(byRegion.statusCode).toBe(200);
  });

  it('refuses to move an office of their district into another district', async () => {
    const card = (
      await regionAdmin.call({ method: 'GET', url: `/api/admin/offices/${ownSecond.code}` })
    ).json();
    const body = {
      name: card.name,
      kind: card.kind,
      district: other.district,
      address: card.address,
      lat: card.lat,
      lon: card.lon,
      phone: card.phone,
      email: card.email,
      timeZone: card.timeZone ?? null,
    };
    const moved = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/offices/${ownSecond.code}`,
      payload: body,
    });
    expect(moved.statusCode).toBe(403);
    const [row] = await rows<{ district_code: string }>(
      ctx().database.db,
      sql`select district_code from offices where code = ${ownSecond.code}`,
    );
    expect(row.district_code).toBe(own.district);
    const kept = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/offices/${ownSecond.code}`,
      payload: { ...body, district: own.district },
    });
    expect(kept.statusCode).toBe(200);
  });

  it('refuses a region admin’s change of their own grants too', async () => {
    const res = await regionAdmin.call({
      method: 'PUT',
      url: `/api/admin/users/${regionAdmin.user.id}/grants`,
      payload: { grants: [...adminGrants, { role: 'analyst', scope: { kind: 'region' } }] },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses to grant a role on the region or on another district, and grants within their district', async () => {
    for (const grants of [
      adminGrants,
      [{ role: 'analyst', scope: { kind: 'region' } }],
      districtGrants(other.district),
      [{ role: 'operator', scope: { kind: 'offices', offices: [own.code, other.code] } }],
    ] as Grant[][]) {
      const res = await districtAdmin.call({
        method: 'POST',
        url: '/api/admin/users',
        payload: newUserBody(grants),
      });
      expect({ grants, status: res.statusCode }).toEqual({ grants, status: 403 });
    }
    const allowed = await districtAdmin.call({
      method: 'POST',
      url: '/api/admin/users',
      payload: newUserBody([
        { role: 'operator', scope: { kind: 'offices', offices: [own.code, ownSecond.code] } },
        { role: 'office_head', scope: { kind: 'district', district: own.district } },
      ]),
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('refuses to raise a user of their district to the region', async () => {
    const staff = await createStaffUser(ctx().database, {
      grants: [{ role: 'operator', scope: { kind: 'offices', offices: [own.code] } }],
    });
    const res = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/users/${staff.id}/grants`,
      payload: { grants: [{ role: 'operator', scope: { kind: 'region' } }] },
    });
    expect(res.statusCode).toBe(403);
    const within = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/users/${staff.id}/grants`,
      payload: { grants: [{ role: 'office_head', scope: { kind: 'offices', offices: [own.code] } }] },
    });
    expect(within.statusCode).toBe(200);
  });

  it('lists only the users whose every grant lies in their district', async () => {
    const inside = await createStaffUser(ctx().database, {
      grants: [{ role: 'operator', scope: { kind: 'offices', offices: [own.code] } }],
    });
    const straddling = await createStaffUser(ctx().database, {
      grants: [
        { role: 'operator', scope: { kind: 'offices', offices: [own.code] } },
        { role: 'analyst', scope: { kind: 'region' } },
      ],
    });
    const res = await districtAdmin.call({ method: 'GET', url: '/api/admin/users' });
    expect(res.statusCode).toBe(200);
    const logins = (res.json() as { login: string }[]).map((u) => u.login);
    expect(logins).toContain(inside.login);
    expect(logins).not.toContain(straddling.login);
    expect(logins).not.toContain('admin');
    expect(logins).not.toContain(regionAdmin.user.login);
    const everyone = (await regionAdmin.call({ method: 'GET', url: '/api/admin/users' })).json();
    expect(everyone.length).toBeGreaterThan(logins.length);
  });

  it('refuses to reset the password of, disable, enable or unlock a user beyond their district', async () => {
    const beyond = await createStaffUser(ctx().database, { grants: adminGrants });
    for (const [action, payload] of [
      ['reset-password', { password: 'taken-over-1' }],
      ['disable', undefined],
      ['enable', undefined],
      ['unlock', undefined],
    ] as const) {
      const res = await districtAdmin.call({
        method: 'POST',
        url: `/api/admin/users/${beyond.id}/${action}`,
        ...(payload ? { payload } : {}),
      });
      expect({ action, status: res.statusCode }).toEqual({ action, status: 403 });
    }
  });

  it('refuses to change another district, and changes their own', async () => {
    const body = { name: 'Захвачен', kind: 'rural', population: 1 };
    const res = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/districts/${other.district}`,
      payload: body,
    });
    expect(res.statusCode).toBe(403);
    const [district] = await rows<{ name: string }>(
      ctx().database.db,
      sql`select name from districts where code = ${other.district}`,
    );
    expect(district.name).not.toBe('Захвачен');
    const current = (await regionAdmin.call({ method: 'GET', url: '/api/admin/districts' }))
      .json()
      .find((d: { code: string }) => d.code === own.district);
    const mine = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/districts/${own.district}`,
      payload: { name: current.name, kind: current.kind, population: current.population },
    });
    expect(mine.statusCode).toBe(200);
  });

  it('refuses to create a district, an office in another district, an agency or a calendar day', async () => {
    const code = uniqueCode('o');
    const office = {
      code,
      name: 'Офис',
      kind: 'remote',
      district: other.district,
      address: 'с. Новое, ул. Мира, 1',
      timeZone: 'Europe/Moscow',
    };
    const attempts = [
      {
        method: 'POST',
        url: '/api/admin/districts',
        payload: { code: uniqueCode('d'), name: 'Новый', kind: 'rural', population: 5 },
      },
      { method: 'POST', url: '/api/admin/offices', payload: office },
      {
        method: 'POST',
        url: '/api/admin/agencies',
        payload: { code: uniqueCode('a'), name: 'Ведомство', level: 'regional' },
      },
      { method: 'PUT', url: '/api/admin/calendar/2026-12-30', payload: { kind: 'holiday', note: 'захват' } },
      { method: 'POST', url: '/api/admin/calendar/import', payload: { year: 2026, format: 'csv', data: '' } },
    ] as const;
    for (const attempt of attempts) {
      const res = await districtAdmin.call(attempt);
      expect({ url: attempt.url, status: res.statusCode }).toEqual({ url: attempt.url, status: 403 });
    }
    const [created] = await rows<{ n: number }>(
      ctx().database.db,
      sql`select count(*)::int as n from offices where code = ${code}`,
    );
    expect(Number(created.n)).toBe(0);
  });

  it('refuses the security log, and the history of objects beyond their district', async () => {
    expect((await districtAdmin.call({ method: 'GET', url: '/api/admin/security-log' })).statusCode).toBe(
      403,
    );
    for (const url of [
      `/api/admin/history?entity=user&key=${regionAdmin.user.id}`,
      '/api/admin/history?entity=user',
      `/api/admin/history?entity=office&key=${other.code}`,
      `/api/admin/history?entity=district&key=${other.district}`,
      '/api/admin/history?entity=calendar',
    ]) {
      const res = await districtAdmin.call({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
    }
    const mine = await districtAdmin.call({
      method: 'GET',
      url: `/api/admin/history?entity=office&key=${own.code}`,
    });
    expect(mine.statusCode).toBe(200);
  });

  it('refuses to set, from the service’s side, the services of an office beyond their district', async () => {
    const current = (
      await regionAdmin.call({ method: 'GET', url: `/api/admin/services/${serviceCode}/offices` })
    ).json() as { offices: string[] };
    const withOther = [...new Set([...current.offices, other.code])];
    const sideDoor = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/services/${serviceCode}/offices`,
      payload: { offices: withOther },
    });
    expect(sideDoor.statusCode).toBe(403);
    const frontDoor = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/offices/${other.code}/services`,
      payload: { offersAll: false, services: [serviceCode] },
    });
    expect(frontDoor.statusCode).toBe(403);
    const unchanged = (
      await regionAdmin.call({ method: 'GET', url: `/api/admin/services/${serviceCode}/offices` })
    ).json() as { offices: string[] };
    expect(unchanged.offices).toEqual(current.offices);
    // Within their district the same change is theirs to make, from either side.
    const withOwn = [...new Set([...current.offices, ownSecond.code])];
    const mine = await districtAdmin.call({
      method: 'PUT',
      url: `/api/admin/services/${serviceCode}/offices`,
      payload: { offices: withOwn },
    });
    expect(mine.statusCode).toBe(200);
  });
});
