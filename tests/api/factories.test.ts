import { describeOnBackends } from '../support/app.js';
import { signIn } from '../support/auth.js';
import { buildOffice, buildService, buildUser } from '../support/factories.js';

describeOnBackends('test factories', (ctx) => {
  it('build an office the public API shows with its hours and window', async () => {
    const { app, database } = ctx();
    const code = await buildOffice(database.db, { name: 'Тестовый офис', kind: 'remote' });
    const res = await app.inject({ method: 'GET', url: `/api/offices/${code}` });
    expect(res.statusCode).toBe(200);
    const office = res.json();
    expect(office).toMatchObject({ code, name: 'Тестовый офис', kind: 'remote', windowCount: 1 });
    expect(office.weeklyHours.map((h: { weekday: number }) => h.weekday)).toEqual([1, 2, 3, 4, 5]);
  });

  it('build a published service offered at a built office, and a draft the catalog hides', async () => {
    const { app, database } = ctx();
    const office = await buildOffice(database.db);
    const code = await buildService(database.db, {
      title: 'Справка о составе семьи для фабрики',
      fee: { amount: 350, note: null },
      offices: [office],
    });
    const draft = await buildService(database.db, { title: 'Черновик фабрики', status: 'draft' });
    const card = await app.inject({ method: 'GET', url: `/api/services/${code}` });
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({ code, fee: { amount: 350 } });
    expect(card.json().offices.map((o: { code: string }) => o.code)).toContain(office);
    expect((await app.inject({ method: 'GET', url: `/api/services/${draft}` })).statusCode).toBe(404);
  });

  it('build a staff account that signs in', async () => {
    const { app, database } = ctx();
    const user = await buildUser(database);
    const session = await signIn(app, user.login, user.password);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.login).toBe(user.login);
  });
});
