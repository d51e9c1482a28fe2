import { sql } from 'drizzle-orm';
import { describeOnBackends } from '../../../../tests/support/app.js';
import { buildService } from '../../../../tests/support/factories.js';
import type { Agency, Category, ServiceCard, ServicesPage } from '../../../shared/catalog.js';
import { sortedBy } from '../../../shared/collation.js';
import { rows } from '../../db/client.js';

describeOnBackends('catalog lists, pages and cards', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });
  const page = async (query: string): Promise<ServicesPage> => {
    const res = await get(`/api/services?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  let remoteOffice: string;
  let mainOffices: string[];

  beforeAll(async () => {
    const { db } = ctx().database;
    const remote = await rows<{ code: string }>(
      db,
      sql`select code from offices where kind = 'remote' and status = 'open' order by code limit 1`,
    );
    remoteOffice = remote[0].code;
    const main = await rows<{ code: string }>(
      db,
      sql`select code from offices where offers_all_services and status = 'open' order by code`,
    );
    mainOffices = main.map((o) => o.code);
    await buildService(db, {
      code: 'test-card',
      title: 'Тестовая услуга для карточки',
      offices: [remoteOffice],
      popularity: 0,
    });
    await buildService(db, { code: 'test-hidden-draft', title: 'Черновик услуги', status: 'draft' });
  });

  describe('GET /api/agencies', () => {
    it('lists agencies federal first, then regional, then municipal, by name', async () => {
      const agencies: Agency[] = (await get('/api/agencies')).json();
      expect(agencies.length).toBeGreaterThan(0);
      const levels = ['federal', 'regional', 'municipal'];
      const keys = agencies.map((a) => [levels.indexOf(a.level), a.name] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      expect(keys).toEqual(sorted);
    });

    it('counts only published services', async () => {
      const agencies: Agency[] = (await get('/api/agencies')).json();
      const all = await page('limit=1');
      expect(agencies.reduce((sum, a) => sum + a.serviceCount, 0)).toBe(all.total);
      const first = agencies.find((a) => a.serviceCount > 0)!;
      expect((await page(`agency=${first.code}&limit=1`)).total).toBe(first.serviceCount);
    });
  });

  describe('GET /api/categories and /api/situations', () => {
    it('lists categories with the number of published services in each', async () => {
      const categories: Category[] = (await get('/api/categories')).json();
      expect(categories.length).toBeGreaterThan(0);
      const all = await page('limit=1');
      expect(categories.reduce((sum, c) => sum + c.serviceCount, 0)).toBe(all.total);
      for (const c of categories.slice(0, 5)) {
        expect((await page(`category=${c.code}&limit=1`)).total).toBe(c.serviceCount);
      }
    });

    it('lists situations with the number of published services for each', async () => {
      const situations: Category[] = (await get('/api/situations')).json();
      expect(situations.length).toBeGreaterThan(0);
      for (const s of situations.slice(0, 5)) {
        expect((await page(`situation=${s.code}&limit=1`)).total).toBe(s.serviceCount);
      }
    });
  });

  describe('GET /api/services', () => {
    it('lists the most requested services first', async () => {
      const { items, total } = await page('limit=100');
      expect(items.length).toBe(Math.min(total, 100));
      const popularity = items.map((i) => i.popularity);
      expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
    });

    it('pages without overlap and keeps the total', async () => {
      const four = await page('limit=4&page=1');
      const first = await page('limit=2&page=1');
      const second = await page('limit=2&page=2');
      expect([...first.items, ...second.items]).toEqual(four.items.slice(0, 4));
      expect(second.total).toBe(four.total);
    });

    it('gives an empty page with the right total past the last page', async () => {
      const all = await page('limit=1');
      expect(await page('limit=100&page=10000')).toEqual({ items: [], total: all.total });
    });

    it('filters by category and by agency', async () => {
      const all = await page('limit=100');
      const category = all.items[0].category!.code;
      const byCategory = await page(`category=${category}&limit=100`);
      expect(byCategory.items.every((i) => i.category?.code === category)).toBe(true);
      const agency = all.items[0].agency!.code;
      const byAgency = await page(`agency=${agency}&limit=100`);
      expect(byAgency.total).toBeGreaterThan(0);
      expect(byAgency.items.every((i) => i.agency?.code === agency)).toBe(true);
    });

    it('filters unknown codes to an empty page rather than an error', async () => {
      for (const filter of ['category', 'agency', 'situation', 'office']) {
        expect(await page(`${filter}=no-such-code`)).toEqual({ items: [], total: 0 });
      }
    });

    it('filters by office: a main center offers every published service, a remote office its list', async () => {
      const all = await page('limit=1');
      expect((await page(`office=${mainOffices[0]}&limit=1`)).total).toBe(all.total);
      const remote = await page(`office=${remoteOffice}&limit=1`);
      const found = await page(
        `office=${remoteOffice}&q=${encodeURIComponent('тестовая услуга для карточки')}`,
      );
      expect(found.items.map((i) => i.code)).toContain('test-card');
      const [{ n }] = await rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from office_services os join services s on s.code = os.service_code
          where os.office_code = ${remoteOffice} and s.published_version is not null`,
      );
      expect(remote.total).toBe(n);
    });

    it('never lists a service that is only a draft', async () => {
      const all = await page('limit=100&page=1');
      const pages = Math.ceil(all.total / 100);
      const codes = all.items.map((i) => i.code);
      for (let p = 2; p <= pages; p++)
        codes.push(...(await page(`limit=100&page=${p}`)).items.map((i) => i.code));
      expect(codes).toHaveLength(all.total);
      expect(codes).not.toContain('test-hidden-draft');
      expect(codes).toContain('test-card');
    });

    it.each([
      ['limit', 'limit=-1'],
      ['limit', 'limit=1000000000'],
      ['limit', 'limit=abc'],
      ['page', 'page=0'],
      ['page', 'page=1.5'],
      ['q', `q=${'а'.repeat(5000)}`],
    ])('refuses a bad %s (%#) with a VALIDATION error naming it', async (field, query) => {
      const res = await get(`/api/services?${encodeURI(query)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.message).toContain(field);
    });
  });

  describe('GET /api/services/:code', () => {
    it('shows the published card with documents, stages, fee, term and agency', async () => {
      const res = await get('/api/services/test-card');
      expect(res.statusCode).toBe(200);
      const card: ServiceCard = res.json();
      expect(card).toMatchObject({
        code: 'test-card',
        title: 'Тестовая услуга для карточки',
        version: 1,
        documents: [{ name: 'Паспорт', required: true, form: 'original' }],
        stages: [{ code: 'accepted', title: 'Принято', citizenText: 'Документы приняты', notify: true }],
        term: { days: 10, kind: 'working' },
        fee: null,
      });
      expect(card.agency?.name.length).toBeGreaterThan(0);
    });

    it('lists the open offices offering it: main centers first, then by district and name', async () => {
      const card: ServiceCard = (await get('/api/services/test-card')).json();
      const codes = card.offices.map((o) => o.code);
      expect(codes.slice(0, mainOffices.length).sort()).toEqual(mainOffices);
      expect(codes.slice(mainOffices.length)).toEqual([remoteOffice]);
      // In the one Russian collation of the whole app (src/shared/collation.ts): district, then name.
      const mains = card.offices.filter((o) => o.kind === 'main');
      const ordered = sortedBy(
        mains,
        (o) => o.district.name,
        (o) => o.name,
      );
      expect(mains.map((o) => o.code)).toEqual(ordered.map((o) => o.code));
    });

    it('leaves out a closed office', async () => {
      const { db } = ctx().database;
      await db.execute(sql`update offices set status = 'closed' where code = ${remoteOffice}`);
      try {
        const card: ServiceCard = (await get('/api/services/test-card')).json();
        expect(card.offices.map((o) => o.code)).not.toContain(remoteOffice);
      } finally {
        await db.execute(sql`update offices set status = 'open' where code = ${remoteOffice}`);
      }
    });

    it('shows a real published service of the region', async () => {
      const [first] = (await page('limit=1')).items;
      const card: ServiceCard = (await get(`/api/services/${first.code}`)).json();
      expect(card.code).toBe(first.code);
      expect(card.stages.length).toBeGreaterThan(0);
      expect(card.offices.length).toBeGreaterThan(0);
    });

    it('answers 404 NOT_FOUND for an unknown code and for every draft-only service', async () => {
      const drafts = await rows<{ code: string }>(
        ctx().database.db,
        sql`select code from services where published_version is null`,
      );
      for (const code of ['no-such-service', '%20%27%3B', ...drafts.map((d) => d.code)]) {
        const res = await get(`/api/services/${code}`);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
    });

    it('refuses a code longer than any code with a VALIDATION error', async () => {
      const res = await get(`/api/services/${'x'.repeat(100)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    });
  });
});
