import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { adminGrants, staffClient, uniqueCode } from '../../../../tests/support/admin.js';
import { describeOnBackends } from '../../../../tests/support/app.js';
import { createPostgresDatabase } from '../../../../tests/support/databases.js';
import type { ServicesPage } from '../../../shared/catalog.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../config.js';
import { type Database, openDatabase, rows, sql } from '../../db/client.js';

type Call = Awaited<ReturnType<typeof staffClient>>['call'];

/** A word no card holds: Cyrillic letters only, so the search takes it as one word. */
const uniqueWord = () =>
  `зюз${Array.from({ length: 8 }, () => 'бвгджзклмнпрстфхцчшщ'[randomInt(20)]).join('')}`;

/** Resolves once `check` holds, polling; fails after `ms`. */
async function eventually(ms: number, check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const searchCodes = async (app: FastifyInstance, q: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/services?q=${encodeURIComponent(q)}` });
  expect(res.statusCode).toBe(200);
  return (res.json() as ServicesPage).items.map((i) => i.code);
};

/** A draft service made through the admin API whose title holds `word`; published by `publish`. */
async function draftService(call: Call, app: FastifyInstance, word: string) {
  const code = uniqueCode('cached');
  const [agency] = (await app.inject({ method: 'GET', url: '/api/agencies' })).json();
  const [category] = (await app.inject({ method: 'GET', url: '/api/categories' })).json();
  const created = await call({
    method: 'POST',
    url: '/api/admin/services',
    payload: {
      code,
      title: `Выдача справки ${word}`,
      shortTitle: `Справка ${word}`,
      description: 'Проверка кэша каталога',
      agency: agency.code,
      category: category.code,
      situations: [],
      applicantKinds: ['person'],
      fee: null,
      term: { days: 5, kind: 'working' },
      keepResultDays: 30,
      documents: [{ name: 'Паспорт гражданина РФ', required: true, form: 'original' }],
      results: ['Справка'],
      refusalReasons: ['Неполный комплект документов'],
      stages: [{ code: 'accepted', title: 'Принято', citizenText: 'Документы приняты', notify: true }],
      aliases: [],
    },
  });
  expect(created.statusCode).toBe(201);
  return {
    code,
    publish: async () =>
      expect((await call({ method: 'POST', url: `/api/admin/services/${code}/publish` })).statusCode).toBe(
        200,
      ),
  };
}

describeOnBackends('catalog cache and HTTP revalidation', (ctx) => {
  let admin: Call;
  beforeAll(async () => {
    admin = (await staffClient(ctx().app, ctx().database, adminGrants)).call;
  });

  it('serves a repeated search from memory and shows a publish on the same instance right away', async () => {
    const { app } = ctx();
    const word = uniqueWord();
    const service = await draftService(admin, app, word);
    expect(await searchCodes(app, word)).not.toContain(service.code);
    // The cache serves only while this instance listens for catalog changes (the first read starts that).
    await eventually(2000, async () => app.catalogCache.stats().live);
    expect(await searchCodes(app, word)).not.toContain(service.code);
    const before = app.catalogCache.stats();
    expect(await searchCodes(app, word)).not.toContain(service.code);
    expect(app.catalogCache.stats().hits).toBe(before.hits + 1);
    await service.publish();
    expect(await searchCodes(app, word)).toContain(service.code);
  });

  it('shows an agency renamed in the console in the agency list and in search results at once', async () => {
    const { app } = ctx();
    const word = uniqueWord();
    const service = await draftService(admin, app, word);
    await service.publish();
    const agencyCode = (await app.inject({ method: 'GET', url: `/api/services/${service.code}` })).json()
      .agency.code;
    const agencyShown = async () =>
      (await app.inject({ method: 'GET', url: `/api/services?q=${word}` })).json().items[0].agency.shortName;
    const listed = async () =>
      (await app.inject({ method: 'GET', url: '/api/agencies' }))
        .json()
        .find((a: { code: string }) => a.code === agencyCode).shortName;
    const old = await listed();
    expect(await agencyShown()).toBe(old);
    const agency = (await admin({ method: 'GET', url: `/api/admin/agencies` }))
      .json()
      .find((a: { code: string }) => a.code === agencyCode);
    const renamed = `${old.slice(0, 50)} ${word.slice(3, 8)}`;
    const edited = await admin({
      method: 'PUT',
      url: `/api/admin/agencies/${agencyCode}`,
      payload: { name: agency.name, shortName: renamed, level: agency.level },
    });
    expect(edited.statusCode).toBe(200);
    expect(await listed()).toBe(renamed);
    expect(await agencyShown()).toBe(renamed);
  });

  it('hears a change made outside the app (SQL on the database) within a second', async () => {
    const { app, database } = ctx();
    const word = uniqueWord();
    const service = await draftService(admin, app, word);
    await service.publish();
    expect(await searchCodes(app, word)).toEqual([service.code]);
    await database.db.execute(sql`update services set published_version = null where code = ${service.code}`);
    await eventually(1000, async () => !(await searchCodes(app, word)).includes(service.code));
  });

  it('gives an ETag; If-None-Match with it gets 304 and no body; a change gives a new tag', async () => {
    const { app } = ctx();
    const word = uniqueWord();
    const service = await draftService(admin, app, word);
    const url = `/api/services?q=${word}&limit=5`;
    const first = await app.inject({ method: 'GET', url });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect({ status: again.statusCode, body: again.body, etag: again.headers.etag }).toEqual({
      status: 304,
      body: '',
      etag,
    });
    await service.publish();
    const changed = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((changed.json() as ServicesPage).items.map((i) => i.code)).toContain(service.code);
    for (const path of [
      '/api/agencies',
      '/api/categories',
      '/api/situations',
      `/api/services/${service.code}`,
    ]) {
      const res = await app.inject({ method: 'GET', url: path });
      expect({ path, etag: typeof res.headers.etag }).toEqual({ path, etag: 'string' });
      const revalidated = await app.inject({
        method: 'GET',
        url: path,
        headers: { 'if-none-match': res.headers.etag },
      });
      expect({ path, status: revalidated.statusCode, body: revalidated.body }).toEqual({
        path,
        status: 304,
        body: '',
      });
    }
  });

  it('keeps its entries within the cap under many different queries', async () => {
    const { app } = ctx();
    for (let page = 1; page <= 60; page++) {
      expect(
        (await app.inject({ method: 'GET', url: `/api/services?page=${page}&limit=3` })).statusCode,
      ).toBe(200);
    }
    const stats = app.catalogCache.stats();
    expect(stats.entries).toBeGreaterThanOrEqual(60);
    expect(stats.entries).toBeLessThanOrEqual(2000);
    expect(stats.bytes).toBeLessThanOrEqual(32 * 1024 * 1024);
  });
});

describe('catalog cache across two instances on one PostgreSQL [postgres]', () => {
  let drop: () => Promise<void>;
  const databases: Database[] = [];
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 2 });
      databases.push(database);
      apps.push(await buildApp({ config: testConfig(), database, webDir: '/nonexistent' }));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const database of databases) await database.close();
    await drop?.();
  });

  it('shows a publish on one instance in a search on the other within a second', async () => {
    const [a, b] = apps;
    const admin = (await staffClient(a, databases[0], adminGrants)).call;
    const word = uniqueWord();
    const service = await draftService(admin, a, word);
    // The first catalog read of an instance subscribes it to catalog_changed; it caches once that listens.
    await eventually(1000, async () => {
      expect(await searchCodes(b, word)).not.toContain(service.code);
      return b.catalogCache.stats().live;
    });
    const { hits } = b.catalogCache.stats();
    expect(await searchCodes(b, word)).not.toContain(service.code);
    expect(await searchCodes(b, word)).not.toContain(service.code);
    expect(b.catalogCache.stats().hits).toBeGreaterThan(hits);
    await service.publish();
    expect(await searchCodes(a, word)).toContain(service.code);
    await eventually(1000, async () => (await searchCodes(b, word)).includes(service.code));
  });
  it('drops the cache when the hub resyncs after losing its connection, and bypasses it meanwhile', async () => {
    const [, b] = apps;
    await searchCodes(b, 'паспорт');
    expect(b.catalogCache.stats()).toMatchObject({ live: true, entries: expect.any(Number) });
    expect(b.catalogCache.stats().entries).toBeGreaterThan(0);
    const { generation } = b.catalogCache.stats();
    const listeners = await rows<{ pid: number }>(
      databases[1].db,
      sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
    );
    expect(listeners.length).toBeGreaterThan(0);
    for (const { pid } of listeners) await databases[1].db.execute(sql`select pg_terminate_backend(${pid})`);
    await eventually(5000, async () => b.catalogCache.stats().generation > generation);
    expect(b.catalogCache.stats().entries).toBe(0);
    await eventually(5000, async () => b.catalogCache.stats().live);
    await searchCodes(b, 'паспорт');
    expect(b.catalogCache.stats().entries).toBeGreaterThan(0);
  });
});
