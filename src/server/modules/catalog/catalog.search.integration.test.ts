import { sql } from 'drizzle-orm';
import { describeOnBackends } from '../../../../tests/support/app.js';
import { buildService } from '../../../../tests/support/factories.js';
import type { ServiceCard, ServicesPage } from '../../../shared/catalog.js';
import { rows } from '../../db/client.js';
import { refreshSearchWords } from './catalog.search-words.js';

describeOnBackends('catalog search GET /api/services?q=', (ctx) => {
  const search = async (q: string, extra = ''): Promise<ServicesPage> => {
    const res = await ctx().app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent(q)}&limit=100${extra}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const card = async (code: string): Promise<ServiceCard> =>
    (await ctx().app.inject({ method: 'GET', url: `/api/services/${code}` })).json();
  const titles = (page: ServicesPage) => page.items.map((i) => i.title);

  beforeAll(async () => {
    const { db } = ctx().database;
    await buildService(db, {
      code: 'test-residence',
      title: 'Регистрационный учёт граждан по месту жительства (тест)',
      shortTitle: 'Регистрация по месту жительства (тест)',
      aliases: ['прописка'],
      popularity: 5,
    });
    await buildService(db, {
      code: 'test-cadastre',
      title: 'Государственный кадастровый учёт недвижимого имущества (тест)',
      popularity: 3,
    });
    await buildService(db, {
      code: 'test-passport-mention',
      title: 'Справка о наличии или отсутствии судимости (тест)',
      description: 'Подаётся лично, при себе нужен паспорт.',
      popularity: 1_000_000,
    });
    await buildService(db, {
      code: 'test-draft',
      title: 'Секретная черновая услуга',
      aliases: ['черновичок'],
      status: 'draft',
      popularity: 1_000_000,
    });
    await refreshSearchWords(db);
  });

  const named = (page: ServicesPage) => page.items.map((i) => `${i.title} ${i.shortTitle}`);
  const aliasesOf = async (page: ServicesPage) =>
    Promise.all(page.items.map(async (i) => (await card(i.code)).aliases));

  it('finds a service by another form of a title word', async () => {
    const passport = await search('паспортом');
    expect(titles(passport).length).toBeGreaterThan(0);
    expect(titles(passport)[0]).toMatch(/паспорт/i);
    expect((await aliasesOf(passport)).flat()).toContain('загранпаспорт');
    expect(named(await search('регистрация по месту жительства'))).toContainEqual(
      expect.stringMatching(/по месту жительства/i),
    );
  });

  it('finds a service by its alias', async () => {
    const foreign = await search('загранпаспорт');
    expect(named(foreign)[0]).toMatch(/загран/i);
    expect((await card(foreign.items[0].code)).aliases).toContain('загранпаспорт');
    const residence = await search('прописка');
    expect((await card(residence.items[0].code)).aliases).toContain('прописка');
  });

  it('finds the most requested services by an English query, through their English aliases', async () => {
    const expectations: [string, string][] = [
      ['international passport', 'zagran-new'],
      ['driver license', 'driver-license-replace'],
      ['tax id', 'inn-issue'],
      ['snils', 'snils-issue'],
      ['criminal record certificate', 'criminal-record-certificate'],
      ['kindergarten', 'kindergarten-queue'],
    ];
    for (const [q, code] of expectations) {
      const page = await search(q);
      expect(page.items[0]?.code, q).toBe(code);
    }
    // A bare "passport" finds the passport services first.
    const passport = await search('passport');
    expect(passport.items.slice(0, 3).map((s) => s.code)).toEqual(
      expect.arrayContaining(['zagran-new', 'passport-rf-replace']),
    );
  });

  it('matches the last word as a prefix while the citizen types', async () => {
    expect(named(await search('загранп'))[0]).toMatch(/загран/i);
    const residence = await search('пропис');
    expect((await aliasesOf(residence)).flat()).toContain('прописка');
  });

  it('still finds a service when a word is misspelt', async () => {
    expect(titles(await search('пасспорт'))).toContainEqual(expect.stringMatching(/паспорт/i));
    expect(named(await search('загранпасорт'))[0]).toMatch(/загран/i);
    expect((await card((await search('прописька')).items[0].code)).aliases).toContain('прописка');
    expect(titles(await search('кадастравый учет'))).toContainEqual(expect.stringMatching(/кадастров/i));
  });

  it('finds a word spelt with ё when the citizen types е', async () => {
    const page = await search('регистрационный учет');
    expect(page.items.map((i) => i.code)).toContain('test-residence');
  });

  it('ranks services named by the word above those that only mention it, then the more requested first', async () => {
    const page = await search('паспорт');
    const named = await Promise.all(
      page.items.map(async (item) => {
        const c = await card(item.code);
        // A title or alias word starting with "паспорт" (the last query word also matches as a prefix).
        return /(^|[^а-яё])паспорт/i.test([c.title, ...c.aliases].join(' '));
      }),
    );
    const firstUnnamed = named.indexOf(false);
    expect(firstUnnamed).toBeGreaterThan(0);
    expect(named.slice(firstUnnamed)).not.toContain(true);
    const namedPopularity = page.items.slice(0, firstUnnamed).map((i) => i.popularity);
    expect(namedPopularity).toEqual([...namedPopularity].sort((a, b) => b - a));
    // The most requested service of all only mentions a passport in its description.
    expect(page.items.map((i) => i.code).indexOf('test-passport-mention')).toBeGreaterThanOrEqual(
      firstUnnamed,
    );
  });

  it('puts the service matching every word first when another matches only some', async () => {
    const page = await search('кадастровый учет недвижимого имущества');
    expect(page.items[0].title).toMatch(/кадастров/i);
  });

  it('never shows a service that is only a draft', async () => {
    const drafts = await rows<{ code: string; title: string }>(
      ctx().database.db,
      sql`select s.code, v.title from services s join service_versions v on v.service_code = s.code
        and v.version = s.draft_version where s.published_version is null`,
    );
    expect(drafts.map((d) => d.code)).toContain('test-draft');
    for (const draft of drafts) {
      expect((await search(draft.title)).items.map((i) => i.code)).not.toContain(draft.code);
    }
    expect((await search('черновичок')).items.map((i) => i.code)).not.toContain('test-draft');
  });

  it('treats a query of punctuation only as no query', async () => {
    const all = (await ctx().app.inject({ method: 'GET', url: '/api/services?limit=1' })).json();
    expect((await search('!!! ? -')).total).toBe(all.total);
  });

  it('takes tsquery operators and quotes typed by a citizen as plain text', async () => {
    const page = await search("паспорт & | ! :* ( ) ' \\ <->");
    expect(titles(page)).toContainEqual(expect.stringMatching(/паспорт/i));
  });

  it('answers nonsense with an empty page, not an error', async () => {
    expect(await search('ъъъъъ щщщщщ')).toEqual({ items: [], total: 0 });
  });

  it('applies filters to the search and counts the total', async () => {
    const page = await search('паспорт', '&category=no-such-category');
    expect(page).toEqual({ items: [], total: 0 });
    const all = await search('паспорт');
    expect(all.total).toBe(all.items.length);
    const firstCategory = all.items[0].category?.code ?? '';
    const filtered = await search('паспорт', `&category=${firstCategory}`);
    expect(filtered.total).toBe(all.items.filter((i) => i.category?.code === firstCategory).length);
  });

  it('pages search results without overlap', async () => {
    const all = await search('паспорт');
    const res = await ctx().app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent('паспорт')}&limit=1&page=2`,
    });
    expect(res.json()).toEqual({ items: [all.items[1]], total: all.total });
  });
});
