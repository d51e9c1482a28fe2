import { describeOnBackends } from '../../../../tests/support/app.js';
import { officeDetailSchema, officeSummarySchema } from '../../../shared/network.js';
import { rows, sql } from '../../db/client.js';
import { getOffice, listOffices } from './network.service.js';

/**
 * The network API on the demo region plus a small test district of our own (codes zz-…), so the rules are
 * checked on known offices whatever the region's files hold. Each backend gets a fresh database.
 */

const collator = new Intl.Collator('ru');

/** Real decree days of 2025–2026, written over whatever the region's calendar says about them. */
const overrides: [string, 'working' | 'dayoff' | 'short', string][] = [
  ['2025-05-02', 'dayoff', 'Перенос с 4 января'],
  ['2025-05-08', 'dayoff', 'Перенос с 23 февраля'],
  ['2025-05-09', 'dayoff', 'День Победы'],
  ['2025-11-01', 'short', 'Рабочая суббота'],
  ['2025-11-03', 'dayoff', 'Перенос с 1 ноября'],
  ['2025-11-04', 'dayoff', 'День народного единства'],
  ['2025-12-31', 'dayoff', 'Перенос с 5 января'],
  ...[1, 2, 3, 4, 5, 6, 7, 8].map(
    (d) => [`2026-01-0${d}`, 'dayoff', 'Новогодние каникулы'] as [string, 'dayoff', string],
  ),
  ['2026-01-09', 'dayoff', 'Перенос с 3 января'],
  ['2026-03-09', 'dayoff', 'Перенос с 8 марта'],
  ['2026-05-11', 'dayoff', 'Перенос с 9 мая'],
  ['2026-12-31', 'dayoff', 'Перенос с 4 января'],
];

describeOnBackends('network API', (ctx) => {
  let service = '';

  beforeAll(async () => {
    const db = ctx().database.db;
    const published = await rows<{ code: string }>(
      db,
      sql`select code from services where published_version is not null order by code limit 1`,
    );
    service = published[0].code;
    for (const [date, kind, note] of overrides) {
      await db.execute(sql`insert into calendar_days (date, kind, note) values (${date}, ${kind}, ${note})
        on conflict (date) do update set kind = excluded.kind, note = excluded.note`);
    }
    await db.execute(sql`insert into districts (code, name, kind, population) values
      ('zz-city', 'Яяград', 'city', 30000), ('zz-rural', 'Яяровский', 'rural', 5000)`);
    await db.execute(sql`insert into offices (code, name, kind, district_code, address, time_zone, offers_all_services, status, phone)
      values ('zz-main', 'МФЦ Яяграда', 'main', 'zz-city', 'ул. Тестовая, 1', 'Europe/Moscow', true, 'open', '+7 000'),
             ('zz-remote', 'ТОСП Яяграда', 'remote', 'zz-city', 'ул. Тестовая, 2', 'Europe/Moscow', false, 'open', null),
             ('zz-kiosk', 'Инфомат Яяграда', 'kiosk', 'zz-city', 'ул. Тестовая, 3', null, false, 'open', null),
             ('zz-closed', 'Закрытый офис', 'main', 'zz-city', 'ул. Тестовая, 4', null, true, 'closed', null)`);
    await db.execute(sql`insert into office_windows (office_code, number, label, service_codes) values
      ('zz-main', 2, 'Окно 2', '{}'), ('zz-main', 1, 'Окно 1', ${`{${service}}`}::text[])`);
    for (const weekday of [1, 2, 3, 4, 5]) {
      await db.execute(sql`insert into office_hours (office_code, weekday, opens, closes, break_start, break_end)
        values ('zz-main', ${weekday}, '08:00', ${weekday === 2 ? '20:00' : '18:00'}, null, null)`);
    }
    await db.execute(sql`insert into office_hours (office_code, weekday, opens, closes) values
      ('zz-main', 6, '09:00', '13:00'), ('zz-remote', 2, '09:00', '13:00')`);
    await db.execute(sql`insert into office_exceptions (office_code, date, kind, note)
      values ('zz-main', '2026-01-13', 'closed', 'Санитарный день')`);
    await db.execute(
      sql`insert into office_services (office_code, service_code) values ('zz-remote', ${service})`,
    );
  });

  const get = (url: string) => ctx().app.inject({ method: 'GET', url });

  it('documents every network route in the OpenAPI document', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    for (const path of [
      '/api/districts',
      '/api/offices',
      '/api/offices/{code}',
      '/api/calendar',
      '/api/calendar/add-working-days',
    ]) {
      expect(paths[path]?.get?.tags).toEqual(['network']);
    }
  });

  describe('GET /api/districts', () => {
    it('lists cities first, then rural districts, each by name', async () => {
      const res = await get('/api/districts');
      expect(res.statusCode).toBe(200);
      const districts: { code: string; name: string; kind: string }[] = res.json();
      const kinds = districts.map((d) => d.kind);
      expect(kinds.lastIndexOf('city')).toBeLessThan(kinds.indexOf('rural'));
      for (const kind of ['city', 'rural']) {
        const names = districts.filter((d) => d.kind === kind).map((d) => d.name);
        expect(names).toEqual([...names].sort(collator.compare));
      }
    });

    it('counts only the open offices of a district', async () => {
      const districts: { code: string; officeCount: number; population: number }[] = (
        await get('/api/districts')
      ).json();
      expect(districts.find((d) => d.code === 'zz-city')).toMatchObject({
        officeCount: 3,
        population: 30000,
      });
      expect(districts.find((d) => d.code === 'zz-rural')).toMatchObject({ officeCount: 0 });
    });
  });

  describe('GET /api/offices', () => {
    it('lists public offices in the contract shape, without closed ones, ordered by district, kind and name', async () => {
      const res = await get('/api/offices');
      expect(res.statusCode).toBe(200);
      const offices = officeSummarySchema.array().parse(res.json());
      expect(offices.length).toBeGreaterThan(3);
      expect(offices.some((o) => o.code === 'zz-closed')).toBe(false);
      expect(offices.every((o) => o.status === 'open')).toBe(true);
      const districts = (await get('/api/districts')).json() as {
        code: string;
        kind: string;
        name: string;
      }[];
      const rank = new Map(districts.map((d, i) => [d.code, i]));
      const kindRank = { main: 0, remote: 1, kiosk: 2 };
      for (let i = 1; i < offices.length; i++) {
        const [a, b] = [offices[i - 1], offices[i]];
        const byDistrict = rank.get(a.district.code)! - rank.get(b.district.code)!;
        const byKind = kindRank[a.kind] - kindRank[b.kind];
        expect(
          byDistrict < 0 ||
            (byDistrict === 0 && (byKind < 0 || (byKind === 0 && collator.compare(a.name, b.name) <= 0))),
        ).toBe(true);
      }
    });

    it("filters by district, in the order main, remote, kiosk, with the region's time zone when the office has none", async () => {
      const offices = (await get('/api/offices?district=zz-city')).json();
      expect(offices.map((o: { code: string }) => o.code)).toEqual(['zz-main', 'zz-remote', 'zz-kiosk']);
      const region = await rows<{ time_zone: string }>(ctx().database.db, sql`select time_zone from region`);
      expect(offices[2].timeZone).toBe(region[0].time_zone);
      expect(offices[0]).toMatchObject({ timeZone: 'Europe/Moscow', windowCount: 2, phone: '+7 000' });
      expect(offices[0].district).toEqual({ code: 'zz-city', name: 'Яяград' });
    });

    it('filters by kind', async () => {
      const offices: { code: string; kind: string }[] = (await get('/api/offices?kind=kiosk')).json();
      expect(offices.map((o) => o.code)).toContain('zz-kiosk');
      expect(offices.every((o) => o.kind === 'kiosk')).toBe(true);
    });

    it('filters by a service: main centers offering all, and offices that list it', async () => {
      const offices: { code: string }[] = (
        await get(`/api/offices?district=zz-city&service=${service}`)
      ).json();
      expect(offices.map((o) => o.code)).toEqual(['zz-main', 'zz-remote']);
    });

    it('finds no office for an unknown service or district', async () => {
      expect((await get('/api/offices?service=no-such-service')).json()).toEqual([]);
      expect((await get('/api/offices?district=no-such-district')).json()).toEqual([]);
    });

    it('accepts openNow and returns only offices open now', async () => {
      const res = await get('/api/offices?openNow=true');
      expect(res.statusCode).toBe(200);
      const offices = officeSummarySchema.array().parse(res.json());
      expect(offices.every((o) => o.openNow && o.today.open)).toBe(true);
    });

    it('refuses an unknown kind or openNow value, naming the field', async () => {
      const kind = await get('/api/offices?kind=tent');
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error).toMatchObject({ code: 'VALIDATION' });
      expect(kind.json().error.message).toContain('kind');
      const openNow = await get('/api/offices?openNow=yes');
      expect(openNow.statusCode).toBe(400);
      expect(openNow.json().error.message).toContain('openNow');
    });

    it('sorts by distance from near=lat,lon, nearest first, with the distance of each', async () => {
      // Yelets, 70 km west of Lipetsk: its own offices must come before any office of Lipetsk.
      const yelets = { lat: 52.6208, lon: 38.5033 };
      const res = await get(`/api/offices?near=${yelets.lat},${yelets.lon}`);
      expect(res.statusCode).toBe(200);
      const offices = officeSummarySchema.array().parse(res.json());
      const all = officeSummarySchema.array().parse((await get('/api/offices')).json());
      expect(offices.map((o) => o.code).sort()).toEqual(all.map((o) => o.code).sort());
      const measured = offices.filter((o) => o.distanceKm !== null);
      expect(measured.length).toBeGreaterThan(100);
      const distances = measured.map((o) => o.distanceKm as number);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(distances[0]).toBeLessThan(5);
      expect(offices[0].address.toLowerCase()).toContain('елец');
      // Offices without coordinates come last, in the usual order.
      const unmeasured = offices.findIndex((o) => o.distanceKm === null);
      if (unmeasured >= 0) expect(offices.slice(unmeasured).every((o) => o.distanceKm === null)).toBe(true);
      // Without near, no distance is given.
      expect(all.every((o) => o.distanceKm === undefined)).toBe(true);
    });

    it('refuses a near that is not lat,lon in range, naming the field', async () => {
      for (const near of ['52.6', 'abc,def', '95,39', '52.6,39.5,1', `${'1'.repeat(70)},1`]) {
        const res = await get(`/api/offices?near=${encodeURIComponent(near)}`);
        expect(res.statusCode, near).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
        expect(res.json().error.message).toContain('near');
      }
    });
  });

  describe('offices at a given moment (service with an explicit now)', () => {
    const db = () => ctx().database.db;

    it('is open on a working Monday morning in its own time zone, and not in the evening', async () => {
      const morning = await listOffices({
        db: db(),
        query: { district: 'zz-city' },
        now: new Date('2026-01-12T07:00:00Z'),
      });
      expect(morning.map((o) => [o.code, o.openNow])).toEqual([
        ['zz-main', true],
        ['zz-remote', false],
        ['zz-kiosk', false],
      ]);
      const open = await listOffices({
        db: db(),
        query: { district: 'zz-city', openNow: true },
        now: new Date('2026-01-12T07:00:00Z'),
      });
      expect(open.map((o) => o.code)).toEqual(['zz-main']);
      // 18:00 in Moscow is 15:00 UTC: closing time is excluded.
      const evening = await listOffices({
        db: db(),
        query: { district: 'zz-city', openNow: true },
        now: new Date('2026-01-12T15:00:00Z'),
      });
      expect(evening).toEqual([]);
    });

    it('uses the office-local date: 21:30 UTC on Monday is already Tuesday in Moscow', async () => {
      const [main] = await listOffices({
        db: db(),
        query: { district: 'zz-city' },
        now: new Date('2026-03-09T21:30:00Z'),
      });
      expect(main.today).toMatchObject({ date: '2026-03-10', weekday: 2, open: true, closes: '20:00' });
      expect(main.openNow).toBe(false);
    });

    it('shows the New Year holidays as closed with reason holiday, then the office exception', async () => {
      const office = await getOffice({ db: db(), code: 'zz-main', now: new Date('2026-01-08T09:00:00Z') });
      officeDetailSchema.parse(office);
      expect(office.openNow).toBe(false);
      expect(office.today).toMatchObject({ date: '2026-01-08', open: false, reason: 'holiday' });
      expect(office.week.map((d) => [d.date, d.open, d.reason])).toEqual([
        ['2026-01-08', false, 'holiday'],
        ['2026-01-09', false, 'holiday'],
        ['2026-01-10', true, 'regular'],
        ['2026-01-11', false, 'regular'],
        ['2026-01-12', true, 'regular'],
        ['2026-01-13', false, 'exception-closed'],
        ['2026-01-14', true, 'regular'],
      ]);
      expect(office.week[1].note).toBe('Перенос с 3 января');
      expect(office.week[5].note).toBe('Санитарный день');
    });

    it('opens a short working Saturday with the Friday hours less one hour', async () => {
      const office = await getOffice({ db: db(), code: 'zz-main', now: new Date('2025-11-01T07:00:00Z') });
      expect(office.today).toMatchObject({
        weekday: 6,
        open: true,
        opens: '08:00',
        closes: '17:00',
        reason: 'working-weekend',
      });
      expect(office.openNow).toBe(true);
    });

    it('shows a closed office by its code, with its status', async () => {
      const office = await getOffice({ db: db(), code: 'zz-closed', now: new Date('2026-01-12T07:00:00Z') });
      expect(office.status).toBe('closed');
    });
  });

  describe('GET /api/offices/:code', () => {
    it('returns windows, weekly hours, 7 consecutive days from today and the services offered', async () => {
      const res = await get('/api/offices/zz-main');
      expect(res.statusCode).toBe(200);
      const office = officeDetailSchema.parse(res.json());
      expect(office.windows).toEqual([
        { number: 1, label: 'Окно 1', serviceCodes: [service], categoryCodes: [] },
        { number: 2, label: 'Окно 2', serviceCodes: [], categoryCodes: [] },
      ]);
      expect(office.weeklyHours.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(office.weeklyHours[1]).toEqual({
        weekday: 2,
        opens: '08:00',
        closes: '20:00',
        breakStart: null,
        breakEnd: null,
      });
      expect(office.week).toHaveLength(7);
      expect(office.week[0]).toEqual(office.today);
      for (let i = 1; i < 7; i++) {
        expect(Date.parse(office.week[i].date) - Date.parse(office.week[i - 1].date)).toBe(86_400_000);
      }
      const published = await rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from services where published_version is not null`,
      );
      expect(office.services).toHaveLength(Number(published[0].n));
      expect(office.services.map((s) => s.code)).toContain(service);
    });

    it('lists only the services a remote office offers', async () => {
      const office = (await get('/api/offices/zz-remote')).json();
      expect(office.services.map((s: { code: string }) => s.code)).toEqual([service]);
    });

    it('answers 404 NOT_FOUND for an unknown office', async () => {
      const res = await get('/api/offices/no-such-office');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });
  });

  describe('GET /api/calendar', () => {
    it('gives every date of the range with its kind: decree days off, a working Saturday, plain weekends', async () => {
      const res = await get('/api/calendar?from=2025-10-31&to=2025-11-05');
      expect(res.statusCode).toBe(200);
      expect(res.json().days).toEqual([
        { date: '2025-10-31', kind: 'working', note: null },
        { date: '2025-11-01', kind: 'short', note: 'Рабочая суббота' },
        { date: '2025-11-02', kind: 'dayoff', note: null },
        { date: '2025-11-03', kind: 'dayoff', note: 'Перенос с 1 ноября' },
        { date: '2025-11-04', kind: 'dayoff', note: 'День народного единства' },
        { date: '2025-11-05', kind: 'working', note: null },
      ]);
    });

    it.each([
      '2025-05-02',
      '2025-05-08',
      '2025-11-03',
      '2025-12-31',
      '2026-01-09',
      '2026-12-31',
      '2026-03-09',
      '2026-05-11',
    ])('marks %s as a day off', async (date) => {
      const res = await get(`/api/calendar?from=${date}&to=${date}`);
      expect(res.json().days).toEqual([expect.objectContaining({ date, kind: 'dayoff' })]);
    });

    it('returns a range of 1,100 days and refuses 1,101', async () => {
      const ok = await get('/api/calendar?from=2025-01-01&to=2028-01-05');
      expect(ok.statusCode).toBe(200);
      expect(ok.json().days).toHaveLength(1100);
      const tooBig = await get('/api/calendar?from=2025-01-01&to=2028-01-06');
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().error).toMatchObject({ code: 'VALIDATION' });
      expect(tooBig.json().error.message).toContain('to');
    });

    it('refuses a range that ends before it starts', async () => {
      const res = await get('/api/calendar?from=2026-01-10&to=2026-01-09');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.message).toContain('querystring.to');
    });

    it('refuses an impossible date, naming the field', async () => {
      const res = await get('/api/calendar?from=2026-02-30&to=2026-03-05');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.message).toContain('from');
      const missing = await get('/api/calendar?from=2026-02-01');
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.message).toContain('to');
    });
  });

  describe('GET /api/calendar/add-working-days', () => {
    it('jumps the New Year holidays: 2025-12-30 + 1 working day is 2026-01-12', async () => {
      const res = await get('/api/calendar/add-working-days?from=2025-12-30&days=1');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ date: '2026-01-12' });
    });

    it('jumps the May holidays, counts a working Saturday, and goes back for a negative count', async () => {
      const at = async (from: string, days: number) =>
        (await get(`/api/calendar/add-working-days?from=${from}&days=${days}`)).json().date;
      expect(await at('2025-05-07', 1)).toBe('2025-05-12');
      expect(await at('2025-10-31', 1)).toBe('2025-11-01');
      expect(await at('2026-01-12', -1)).toBe('2025-12-30');
      expect(await at('2026-01-03', 0)).toBe('2026-01-12');
    });

    it('refuses a count that is not a whole number, naming the field', async () => {
      for (const days of ['abc', '1.5', '1e9', '', '99999']) {
        const res = await get(`/api/calendar/add-working-days?from=2026-01-12&days=${days}`);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
        expect(res.json().error.message).toContain('days');
      }
    });

    it('refuses an impossible start date', async () => {
      const res = await get('/api/calendar/add-working-days?from=2025-13-01&days=1');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('from');
    });
  });
});
