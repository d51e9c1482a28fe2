import { adminGrants, fieldsOf, staffClient, uniqueCode } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Call = Awaited<ReturnType<typeof staffClient>>['call'];

describeOnBackends('admin API: agencies and service cards', (ctx) => {
  let admin: Call;
  let editor: Call;
  let agency: string;
  let category: string;
  beforeAll(async () => {
    admin = (await staffClient(ctx().app, ctx().database, adminGrants)).call;
    editor = (
      await staffClient(ctx().app, ctx().database, [{ role: 'catalog_editor', scope: { kind: 'region' } }])
    ).call;
    agency = uniqueCode('agency');
    const created = await admin({
      method: 'POST',
      url: '/api/admin/agencies',
      payload: { code: agency, name: 'Тестовое ведомство', shortName: 'ТВ', level: 'regional' },
    });
    expect(created.statusCode).toBe(201);
    category = (await ctx().app.inject({ method: 'GET', url: '/api/categories' })).json()[0].code;
  });

  const card = (title: string, description: string) => ({
    title,
    shortTitle: title.slice(0, 40),
    description,
    agency,
    category,
    situations: [],
    applicantKinds: ['person'],
    fee: { amount: 350, note: null },
    term: { days: 10, kind: 'working' },
    keepResultDays: 30,
    documents: [{ name: 'Паспорт гражданина РФ', required: true, form: 'original' }],
    results: ['Справка'],
    refusalReasons: ['Неполный комплект документов'],
    stages: [{ code: 'accepted', title: 'Принято', citizenText: 'Документы приняты', notify: true }],
    aliases: ['справка тестовая'],
  });
  const publicCard = (code: string) => ctx().app.inject({ method: 'GET', url: `/api/services/${code}` });

  /** A service created and published through the admin API. */
  async function publishedService() {
    const code = uniqueCode('service');
    const created = await editor({
      method: 'POST',
      url: '/api/admin/services',
      payload: { code, ...card('Выдача тестовой справки', 'Первая редакция') },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      version: 1,
      status: 'draft',
      publishedVersion: null,
      draftVersion: 1,
    });
    expect((await publicCard(code)).statusCode).toBe(404);
    const published = await editor({ method: 'POST', url: `/api/admin/services/${code}/publish` });
    expect(published.statusCode).toBe(200);
    return code;
  }

  it('keeps showing the published text on the portal while an edit waits as a draft, then shows it once published', async () => {
    const code = await publishedService();
    expect((await publicCard(code)).json()).toMatchObject({
      title: 'Выдача тестовой справки',
      description: 'Первая редакция',
    });

    const edited = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: card('Выдача новой справки', 'Вторая редакция'),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      status: 'draft',
      publishedVersion: 1,
      draftVersion: 2,
    });
    expect((await publicCard(code)).json()).toMatchObject({
      title: 'Выдача тестовой справки',
      description: 'Первая редакция',
    });

    // A second edit changes the same draft, not a third version.
    const again = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: card('Выдача новой справки', 'Третья правка'),
    });
    expect(again.json()).toMatchObject({ version: 2, draftVersion: 2, description: 'Третья правка' });

    const published = await editor({ method: 'POST', url: `/api/admin/services/${code}/publish` });
    expect(published.json()).toMatchObject({
      version: 2,
      status: 'published',
      publishedVersion: 2,
      draftVersion: null,
    });
    expect((await publicCard(code)).json()).toMatchObject({
      title: 'Выдача новой справки',
      description: 'Третья правка',
    });
    const found = await ctx().app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent('новой справки')}`,
    });
    expect(found.json().items.map((i: { code: string }) => i.code)).toContain(code);

    const versions = (await editor({ method: 'GET', url: `/api/admin/services/${code}/versions` })).json();
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'archived'],
    ]);
    const history = (
      await admin({ method: 'GET', url: `/api/admin/history?entity=service&key=${code}` })
    ).json();
    expect(history.items.map((c: { action: string }) => c.action)).toEqual([
      'publish',
      'edit',
      'edit',
      'publish',
      'create',
    ]);
    expect(history.items[0]).toMatchObject({
      before: { version: 1, description: 'Первая редакция' },
      after: { version: 2, description: 'Третья правка' },
    });
  });

  it('refuses to publish an incomplete new service, listing what is missing', async () => {
    const code = uniqueCode('service');
    const created = await editor({
      method: 'POST',
      url: '/api/admin/services',
      payload: { code, title: 'Новая услуга', shortTitle: 'Новая' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().missing).toEqual(['agency', 'term', 'documents', 'stages']);
    const res = await editor({ method: 'POST', url: `/api/admin/services/${code}/publish` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('NOT_PUBLISHABLE');
    expect(fieldsOf(res.json())).toEqual(['agency', 'term', 'documents', 'stages']);
    expect((await publicCard(code)).statusCode).toBe(404);
    // Completing the draft edits version 1 in place; then it publishes.
    const completed = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: card('Новая услуга', ''),
    });
    expect(completed.json()).toMatchObject({
      version: 1,
      status: 'draft',
      publishedVersion: null,
      missing: [],
    });
    const published = await editor({ method: 'POST', url: `/api/admin/services/${code}/publish` });
    expect(published.json()).toMatchObject({
      version: 1,
      status: 'published',
      publishedVersion: 1,
      draftVersion: null,
    });
  });

  it('refuses an unknown agency with a 400 naming agency, and saves nothing', async () => {
    const code = await publishedService();
    const res = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: { ...card('Другое название', 'Другое'), agency: 'no-such-agency' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(fieldsOf(res.json())).toEqual(['body.agency']);
    const category = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: { ...card('Другое название', 'Другое'), category: 'no-such-category' },
    });
    expect(fieldsOf(category.json())).toEqual(['body.category']);
    expect((await editor({ method: 'GET', url: `/api/admin/services/${code}` })).json()).toMatchObject({
      title: 'Выдача тестовой справки',
      draftVersion: null,
    });
  });

  it('refuses a negative term naming term.days, and an overlong description naming description', async () => {
    const code = await publishedService();
    const negative = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: { ...card('Справка', 'x'), term: { days: -5, kind: 'working' } },
    });
    expect(negative.statusCode).toBe(400);
    expect(fieldsOf(negative.json())).toEqual(['body.term.days']);
    const long = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: card('Справка', 'x'.repeat(25_000)),
    });
    expect(long.statusCode).toBe(400);
    expect(fieldsOf(long.json())).toEqual(['body.description']);
  });

  it('answers a 10 MB description with 413, not a 500', async () => {
    const res = await editor({
      method: 'POST',
      url: '/api/admin/services',
      payload: { code: uniqueCode('service'), ...card('Справка', 'x'.repeat(10 * 1024 * 1024)) },
    });
    expect(res.statusCode).toBe(413);
  });

  it('discards a draft and keeps the published version', async () => {
    const code = await publishedService();
    await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: card('Черновик', 'Черновик'),
    });
    const discarded = await editor({ method: 'DELETE', url: `/api/admin/services/${code}/draft` });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json()).toMatchObject({
      version: 1,
      status: 'published',
      draftVersion: null,
      title: 'Выдача тестовой справки',
    });
    expect((await editor({ method: 'DELETE', url: `/api/admin/services/${code}/draft` })).statusCode).toBe(
      404,
    );
  });

  it('lists drafts and published services, filtered by status and words', async () => {
    const code = await publishedService();
    await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}`,
      payload: card('Уникальная справка', 'x'),
    });
    const drafts = (
      await editor({
        method: 'GET',
        url: `/api/admin/services?status=draft&q=${encodeURIComponent('уникальная')}`,
      })
    ).json();
    expect(drafts.items).toEqual([
      expect.objectContaining({ code, title: 'Уникальная справка', publishedVersion: 1, draftVersion: 2 }),
    ]);
  });

  it('sets the offices offering a service, naming an unknown office', async () => {
    const code = await publishedService();
    const office = (await admin({ method: 'GET', url: '/api/admin/offices?kind=remote' })).json()[0].code;
    const bad = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}/offices`,
      payload: { offices: [office, 'no-such-office'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['body.offices.1']);
    const ok = await editor({
      method: 'PUT',
      url: `/api/admin/services/${code}/offices`,
      payload: { offices: [office] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().offices).toEqual([office]);
    const detail = (await admin({ method: 'GET', url: `/api/admin/offices/${office}` })).json();
    expect(detail.services.map((s: { code: string }) => s.code)).toContain(code);
  });

  it('edits an agency with its history, and keeps agencies from catalog editors', async () => {
    const res = await admin({
      method: 'PUT',
      url: `/api/admin/agencies/${agency}`,
      payload: { name: 'Переименованное ведомство', shortName: 'ПВ', level: 'regional' },
    });
    expect(res.json()).toMatchObject({ code: agency, shortName: 'ПВ' });
    const history = (
      await admin({ method: 'GET', url: `/api/admin/history?entity=agency&key=${agency}` })
    ).json();
    expect(history.items[0]).toMatchObject({
      action: 'update',
      before: { name: 'Тестовое ведомство', shortName: 'ТВ' },
      after: { name: 'Переименованное ведомство', shortName: 'ПВ' },
    });
    expect((await editor({ method: 'GET', url: '/api/admin/agencies' })).statusCode).toBe(403);
    expect(
      (await editor({ method: 'GET', url: `/api/admin/history?entity=agency&key=${agency}` })).statusCode,
    ).toBe(200);
    expect((await editor({ method: 'GET', url: '/api/admin/history?entity=user' })).statusCode).toBe(403);
    const operator = (
      await staffClient(ctx().app, ctx().database, [{ role: 'operator', scope: { kind: 'region' } }])
    ).call;
    expect((await operator({ method: 'GET', url: '/api/admin/services' })).statusCode).toBe(403);
  });
});
