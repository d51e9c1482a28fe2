import { adminGrants, fieldsOf, staffClient, uniqueCode } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Call = Awaited<ReturnType<typeof staffClient>>['call'];

describeOnBackends('admin API: districts, offices, hours', (ctx) => {
  let admin: Call;
  let adminLogin: string;
  beforeAll(async () => {
    const client = await staffClient(ctx().app, ctx().database, adminGrants);
    admin = client.call;
    adminLogin = client.user.login;
  });

  /** A rural district of 9,000 people with one remote office open two short days a week. */
  async function ruralOffice() {
    const district = uniqueCode('district');
    const office = uniqueCode('office');
    const d = await admin({
      method: 'POST',
      url: '/api/admin/districts',
      payload: { code: district, name: 'Тестовый район', kind: 'rural', population: 9000 },
    });
    expect(d.statusCode).toBe(201);
    const o = await admin({
      method: 'POST',
      url: '/api/admin/offices',
      payload: { code: office, name: 'ТОСП с. Тестовое', kind: 'remote', district, address: 'ул. Мира, 1' },
    });
    expect(o.statusCode).toBe(201);
    const hours = [
      { weekday: 2, opens: '09:00', closes: '13:00' },
      { weekday: 4, opens: '09:00', closes: '13:00' },
    ];
    const h = await admin({ method: 'PUT', url: `/api/admin/offices/${office}/hours`, payload: { hours } });
    expect(h.statusCode).toBe(200);
    return { district, office };
  }

  it('creates an office, edits its card, and its history shows the values before and after', async () => {
    const { office, district } = await ruralOffice();
    const edit = await admin({
      method: 'PUT',
      url: `/api/admin/offices/${office}`,
      payload: {
        name: 'ТОСП с. Новое',
        kind: 'remote',
        district,
        address: 'ул. Мира, 2',
        phone: '+7 4742 000000',
      },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      code: office,
      name: 'ТОСП с. Новое',
      address: 'ул. Мира, 2',
      status: 'open',
    });
    const history = await admin({ method: 'GET', url: `/api/admin/history?entity=office&key=${office}` });
    expect(history.statusCode).toBe(200);
    const [latest, ...older] = history.json().items;
    expect(latest).toMatchObject({
      action: 'update',
      key: office,
      before: { name: 'ТОСП с. Тестовое', address: 'ул. Мира, 1', phone: null },
      after: { name: 'ТОСП с. Новое', address: 'ул. Мира, 2', phone: '+7 4742 000000' },
    });
    expect(latest.login).toBe(adminLogin);
    expect(older.map((c: { action: string }) => c.action)).toEqual(['hours', 'create']);
  });

  it('refuses an office in an unknown district with a 400 naming district, and creates nothing', async () => {
    const office = uniqueCode('office');
    const res = await admin({
      method: 'POST',
      url: '/api/admin/offices',
      payload: { code: office, name: 'Офис', kind: 'remote', district: 'no-such-district', address: 'ул. 1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(fieldsOf(res.json())).toEqual(['body.district']);
    expect((await admin({ method: 'GET', url: `/api/admin/offices/${office}` })).statusCode).toBe(404);
  });

  it('refuses hours closing before they open with a 400 naming the field, and keeps the old hours', async () => {
    const { office } = await ruralOffice();
    const res = await admin({
      method: 'PUT',
      url: `/api/admin/offices/${office}/hours`,
      payload: {
        hours: [
          { weekday: 1, opens: '09:00', closes: '18:00' },
          { weekday: 2, opens: '18:00', closes: '09:00' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['body.hours.1.closes']);
    const detail = (await admin({ method: 'GET', url: `/api/admin/offices/${office}` })).json();
    expect(detail.hours.map((h: { weekday: number }) => h.weekday)).toEqual([2, 4]);
  });

  it('refuses a break outside the day', async () => {
    const { office } = await ruralOffice();
    const res = await admin({
      method: 'PUT',
      url: `/api/admin/offices/${office}/hours`,
      payload: {
        hours: [{ weekday: 1, opens: '09:00', closes: '18:00', breakStart: '19:00', breakEnd: '20:00' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['body.hours.0.breakStart']);
  });

  it('warns when a rural remote office is open fewer hours than the legal minimum, and not when it is not', async () => {
    const { office } = await ruralOffice();
    const few = (await admin({ method: 'GET', url: `/api/admin/offices/${office}` })).json();
    expect(few.district.population).toBe(9000);
    expect(few.warnings.map((w: { code: string }) => w.code)).toEqual(['too-few-days', 'short-working-day']);
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({
      weekday,
      opens: '08:00',
      closes: '15:00',
      breakStart: '12:00',
      breakEnd: '12:30',
    }));
    const enough = await admin({
      method: 'PUT',
      url: `/api/admin/offices/${office}/hours`,
      payload: { hours },
    });
    expect(enough.statusCode).toBe(200);
    expect(enough.json().warnings).toEqual([]);
  });

  it('lets an office head edit the hours and exceptions of their own office, and refuses another office', async () => {
    const own = await ruralOffice();
    const other = await ruralOffice();
    const head = (
      await staffClient(ctx().app, ctx().database, [
        { role: 'office_head', scope: { kind: 'offices', offices: [own.office] } },
      ])
    ).call;
    const hours = { hours: [{ weekday: 1, opens: '08:00', closes: '17:00' }] };
    const mine = await head({ method: 'PUT', url: `/api/admin/offices/${own.office}/hours`, payload: hours });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().hours).toEqual([
      { weekday: 1, opens: '08:00', closes: '17:00', breakStart: null, breakEnd: null },
    ]);
    const exception = await head({
      method: 'PUT',
      url: `/api/admin/offices/${own.office}/exceptions/2031-03-10`,
      payload: { kind: 'closed', note: 'Санитарный день' },
    });
    expect(exception.statusCode).toBe(200);
    const theirs = await head({
      method: 'PUT',
      url: `/api/admin/offices/${other.office}/hours`,
      payload: hours,
    });
    expect(theirs.statusCode).toBe(403);
    expect(
      (await head({ method: 'PUT', url: `/api/admin/offices/${own.office}`, payload: {} })).statusCode,
    ).toBe(403);
    const unchanged = (await admin({ method: 'GET', url: `/api/admin/offices/${other.office}` })).json();
    expect(unchanged.hours.map((h: { weekday: number }) => h.weekday)).toEqual([2, 4]);
  });

  it('sets and removes a dated exception', async () => {
    const { office } = await ruralOffice();
    const url = `/api/admin/offices/${office}/exceptions/2031-03-11`;
    const bad = await admin({ method: 'PUT', url, payload: { kind: 'hours', opens: '10:00' } });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['body.closes']);
    const set = await admin({
      method: 'PUT',
      url,
      payload: { kind: 'hours', opens: '10:00', closes: '12:00' },
    });
    expect(set.json().exceptions).toEqual([
      { date: '2031-03-11', kind: 'hours', opens: '10:00', closes: '12:00', note: null },
    ]);
    const removed = await admin({ method: 'DELETE', url });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().exceptions).toEqual([]);
    expect((await admin({ method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('closes and reopens an office; the admin list keeps closed offices', async () => {
    const { office, district } = await ruralOffice();
    const closed = await admin({ method: 'POST', url: `/api/admin/offices/${office}/close` });
    expect(closed.json().status).toBe('closed');
    const list = await admin({ method: 'GET', url: `/api/admin/offices?district=${district}` });
    expect(list.json()).toEqual([expect.objectContaining({ code: office, status: 'closed' })]);
    const reopened = await admin({ method: 'POST', url: `/api/admin/offices/${office}/reopen` });
    expect(reopened.json().status).toBe('open');
  });

  it('replaces the windows, refusing an unknown service code by its place in the list', async () => {
    const { office } = await ruralOffice();
    const bad = await admin({
      method: 'PUT',
      url: `/api/admin/offices/${office}/windows`,
      payload: {
        windows: [
          { number: 1, label: 'Окно 1' },
          { number: 2, label: 'Окно 2', serviceCodes: ['nope'] },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['body.windows.1.serviceCodes.0']);
    const unchanged = (await admin({ method: 'GET', url: `/api/admin/offices/${office}` })).json();
    expect(unchanged.windows).toEqual([]);
    const ok = await admin({
      method: 'PUT',
      url: `/api/admin/offices/${office}/windows`,
      payload: { windows: [{ number: 1, label: 'Окно 1' }] },
    });
    expect(ok.json().windows).toEqual([{ number: 1, label: 'Окно 1', serviceCodes: [], categoryCodes: [] }]);
  });

  it('orders districts and offices by one Russian collation, case and ё aside, the same as the portal', async () => {
    const names = ['ёлкинский тест', 'Ельцовский тест', 'абрамовский тест', 'Яснополянский тест'];
    const codes: string[] = [];
    for (const name of names) {
      const code = uniqueCode('district');
      codes.push(code);
      const res = await admin({
        method: 'POST',
        url: '/api/admin/districts',
        payload: { code, name, kind: 'rural', population: 1000 },
      });
      expect(res.statusCode).toBe(201);
      const office = await admin({
        method: 'POST',
        url: '/api/admin/offices',
        payload: {
          code: uniqueCode('office'),
          name: `офис ${name}`,
          kind: 'remote',
          district: code,
          address: 'ул. Мира, 1',
        },
      });
      expect(office.statusCode).toBe(201);
    }
    const expected = ['абрамовский тест', 'ёлкинский тест', 'Ельцовский тест', 'Яснополянский тест'];
    const districts = (await admin({ method: 'GET', url: '/api/admin/districts' })).json() as {
      name: string;
    }[];
    expect(districts.map((d) => d.name).filter((n) => names.includes(n))).toEqual(expected);
    const offices = (await admin({ method: 'GET', url: '/api/admin/offices' })).json() as {
      district: { name: string };
    }[];
    const officeDistricts = offices.map((o) => o.district.name).filter((n) => names.includes(n));
    expect(officeDistricts).toEqual(expected);
    const portal = (await ctx().app.inject({ method: 'GET', url: '/api/offices' })).json() as {
      district: { name: string };
    }[];
    expect(portal.map((o) => o.district.name).filter((n) => names.includes(n))).toEqual(expected);
  });

  it('edits a district and refuses a negative population', async () => {
    const { district } = await ruralOffice();
    const bad = await admin({
      method: 'PUT',
      url: `/api/admin/districts/${district}`,
      payload: { name: 'Район', kind: 'rural', population: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['body.population']);
    const ok = await admin({
      method: 'PUT',
      url: `/api/admin/districts/${district}`,
      payload: { name: 'Район', kind: 'rural', population: 30000 },
    });
    expect(ok.json()).toMatchObject({ code: district, population: 30000, officeCount: 1 });
  });

  it('answers 401 without a session and 403 for a role without access', async () => {
    expect((await ctx().app.inject({ method: 'GET', url: '/api/admin/offices' })).statusCode).toBe(401);
    const editor = (
      await staffClient(ctx().app, ctx().database, [{ role: 'catalog_editor', scope: { kind: 'region' } }])
    ).call;
    expect((await editor({ method: 'GET', url: '/api/admin/offices' })).statusCode).toBe(403);
  });

  it('answers a 10 MB body with 413, not a 500', async () => {
    const res = await admin({
      method: 'PUT',
      url: '/api/admin/districts/any',
      payload: { name: 'x'.repeat(10 * 1024 * 1024), kind: 'rural', population: 1 },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
