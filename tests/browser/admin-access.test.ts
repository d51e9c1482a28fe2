import { createStaffUser } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn, signInThroughForm, staffPage } from './admin-helpers.js';

const refused = 'Неверный логин или пароль, либо учётная запись временно заблокирована.';

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('admin console: access', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sends a visitor without a session to the sign-in page, which has no serious accessibility violations', async () => {
    const page = await staffPage(app);
    await page.goto(`${app.baseUrl}/admin/calendar`);
    await page.waitForURL(`${app.baseUrl}/staff/login?next=${encodeURIComponent('/admin/calendar')}`);
    await page.getByRole('heading', { level: 1, name: 'Вход для сотрудников' }).waitFor();
    expect(await page.title()).toBe('Вход для сотрудников — Мои документы');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'staff-login');
  });

  it('refuses an operator an admin section with «Нет доступа», keeps the menu and who is signed in, and signs out', async () => {
    const page = await openSignedIn(app, '/admin/calendar', 'operator');
    await page.getByRole('heading', { level: 1, name: 'Нет доступа' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Меню служебного раздела' });
    expect(await menu.getByRole('link', { name: 'Календарь' }).count()).toBe(0);
    await menu.getByRole('link', { name: 'Главная' }).waitFor();
    await page.getByText('(operator)').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(`${app.baseUrl}/staff/login`);
    await page.goto(`${app.baseUrl}/admin`);
    await page.waitForURL(/\/staff\/login\?next=%2Fadmin$/);
  });

  it('refuses an unknown login and a wrong password with the same message', async () => {
    const page = await staffPage(app);
    await page.goto(`${app.baseUrl}/staff/login`);
    await signInThroughForm(page, `nobody-${Date.now()}`, 'whatever');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(refused);
    await signInThroughForm(page, 'admin', 'not-the-password');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'login-error');
    expect(await error.textContent()).toBe(refused);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
  });

  it('slows down wrong passwords: after three the form says how long to wait, and the right one waits too', async () => {
    const user = await createStaffUser(app.database, {
      password: 'the-right-password',
      grants: [{ role: 'admin', scope: { kind: 'region' } }],
    });
    const page = await staffPage(app);
    await page.goto(`${app.baseUrl}/staff/login`);
    const error = page.getByTestId('login-error');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await signInThroughForm(page, user.login, `wrong-${attempt}`);
      await error.waitFor();
      expect(await error.textContent()).toBe(refused);
      // the form clears the password after a refusal: wait for it before the next try
      await page.getByLabel('Пароль').and(page.locator('[value=""]')).waitFor();
    }
    await signInThroughForm(page, user.login, user.password);
    await error.getByText(/Попробуйте снова через \d+ секунд/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await expectNoSeriousA11yViolations(page);
  });

  it('makes a user whose password an admin set choose their own before the console, then goes on', async () => {
    const user = await createStaffUser(app.database, {
      password: 'set-by-admin-1',
      mustChangePassword: true,
      grants: [{ role: 'admin', scope: { kind: 'region' } }],
    });
    const page = await staffPage(app);
    await page.goto(`${app.baseUrl}/admin/agencies`);
    await signInThroughForm(page, user.login, user.password);
    await page.waitForURL(/\/staff\/password\?next=%2Fadmin%2Fagencies$/);
    await page.getByText('Пароль выдан администратором').waitFor();
    await page.getByLabel('Текущий пароль').fill('not-it');
    await page.getByLabel('Новый пароль', { exact: true }).fill('my-own-password-2');
    await page.getByLabel('Новый пароль ещё раз').fill('my-own-password-2');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.getByTestId('password-errors').getByText('Неверный текущий пароль').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Текущий пароль').fill(user.password);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.waitForURL(`${app.baseUrl}/admin/agencies`);
    await page.getByRole('heading', { level: 1, name: 'Ведомства' }).waitFor();
  });

  it('goes back to the page the user came from after signing in', async () => {
    const page = await openSignedIn(app, '/admin/districts', 'admin');
    await page.getByRole('heading', { level: 1, name: 'Районы' }).waitFor();
    await page.getByText('(admin)').waitFor();
    await screenshot(page, 'admin-districts');
  });

  it('switches the console to English and fits a phone screen', async () => {
    const page = await openSignedIn(app, '/admin', 'admin');
    await page.getByRole('heading', { level: 1, name: 'Администрирование' }).waitFor();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.setViewportSize(phone);
    await page.goto(`${app.baseUrl}/admin/calendar`);
    await page.getByTestId('year-grid').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'admin-calendar-phone');
  });
});
