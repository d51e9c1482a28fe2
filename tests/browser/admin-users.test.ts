import { sql } from '../../src/server/db/client.js';
import type { AdminUser } from '../../src/shared/staff.admin.js';
import { createStaffUser, signIn } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('admin console: staff and roles', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a staff member with a role on one office, disables the account, and finds it in the security log', async () => {
    const [office] = await app.api<{ code: string; name: string }[]>('/api/offices');
    const page = await openSignedIn(app, '/admin/users', 'admin');
    await page.getByTestId('users').waitFor();
    await page.getByRole('button', { name: 'Новый сотрудник' }).click();
    const login = `head-${Date.now().toString(36)}`;
    const form = page.getByRole('form', { name: 'Новый сотрудник' });
    await form.getByLabel('Логин').fill(login);
    await form.getByLabel('ФИО').fill('Иванова Анна Петровна');
    await form.getByLabel('Временный пароль').fill('temporary-pass-1');
    await form.getByLabel('Роль', { exact: true }).selectOption('office_head');
    await form.getByLabel('Область действия').selectOption('offices');
    // offices are picked by name from a list with search, never typed as codes
    await form.getByLabel('Поиск: Отдельные офисы').fill(office.name);
    await form.getByRole('checkbox', { name: office.name }).first().check();
    await form.getByRole('button', { name: `Убрать: ${office.name}` }).waitFor();
    await form.getByRole('button', { name: 'Создать' }).click();

    const panel = page.getByTestId('user-panel');
    await panel.getByRole('heading', { name: `Иванова Анна Петровна (${login})` }).waitFor();
    const { headers } = await signIn(app.app, 'admin', 'demo');
    const users = (
      await app.app.inject({ method: 'GET', url: '/api/admin/users', headers })
    ).json() as AdminUser[];
    const created = users.find((u) => u.login === login);
    expect(created?.grants).toEqual([
      { role: 'office_head', scope: { kind: 'offices', offices: [office.code] } },
    ]);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-users');

    await panel.getByRole('button', { name: 'Отключить учётную запись' }).click();
    await panel.getByRole('button', { name: 'Включить учётную запись' }).waitFor();
    await page
      .getByTestId('users')
      .getByRole('row', { name: new RegExp(login) })
      .getByText('Отключена')
      .waitFor();

    await page.getByRole('link', { name: 'Журнал безопасности' }).click();
    await page.getByLabel('Логин').fill(login);
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByTestId('security-log').getByText('отключение учётной записи').first().waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  it('shows a field error for a too short password and creates nothing', async () => {
    const page = await openSignedIn(app, '/admin/users', 'admin');
    await page.getByRole('button', { name: 'Новый сотрудник' }).click();
    const login = `short-${Date.now().toString(36)}`;
    const form = page.getByRole('form', { name: 'Новый сотрудник' });
    await form.getByLabel('Логин').fill(login);
    await form.getByLabel('ФИО').fill('Петров Пётр');
    await form.getByLabel('Временный пароль').fill('short');
    await form.getByRole('button', { name: 'Создать' }).click();
    await page.getByTestId('new-user-errors').waitFor();
    expect(await form.getByLabel('Временный пароль').getAttribute('aria-invalid')).toBe('true');
    const { headers } = await signIn(app.app, 'admin', 'demo');
    const users = (
      await app.app.inject({ method: 'GET', url: '/api/admin/users', headers })
    ).json() as AdminUser[];
    expect(users.map((u) => u.login)).not.toContain(login);
  });

  it('shows an account locked by failed sign-ins and lifts the lock', async () => {
    const login = `locked-${Date.now().toString(36)}`;
    const user = await createStaffUser(app.database, {
      login,
      fullName: 'Заблокированный Сотрудник',
      grants: [{ role: 'operator', scope: { kind: 'region' } }],
    });
    await app.database.db.execute(
      sql`update users set locked_until = now() + interval '15 minutes' where id = ${user.id}::uuid`,
    );
    const page = await openSignedIn(app, '/admin/users', 'admin');
    const row = page.getByTestId('users').getByRole('row', { name: new RegExp(login) });
    await row.getByText('Заблокирована').waitFor();
    await row.getByRole('button', { name: `Изменить: ${login}` }).click();
    const lock = page.getByTestId('user-lock');
    await lock.getByText(/Вход заблокирован до .+ после неудачных попыток/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await lock.getByRole('button', { name: 'Снять блокировку' }).click();
    await page.getByText('Блокировка снята.').waitFor();
    await row.getByText('Заблокирована').waitFor({ state: 'detached' });
    expect(await signIn(app.app, login, user.password)).toMatchObject({ cookie: expect.any(String) });
  });
});
