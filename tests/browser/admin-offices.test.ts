import type { AdminOffice } from '../../src/shared/network.admin.js';
import { signIn } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('admin console: offices', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  let office: AdminOffice;
  let headers: Record<string, string>;
  const adminOffice = async (code: string) => {
    const res = await app.app.inject({ method: 'GET', url: `/api/admin/offices/${code}`, headers });
    return res.json() as AdminOffice;
  };
  beforeAll(async () => {
    app = await startBrowserApp();
    headers = (await signIn(app.app, 'admin', 'demo')).headers;
    const offices = await app.api<{ code: string; kind: string }[]>('/api/offices?kind=main');
    office = await adminOffice(offices[0].code);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every office with its district, kind and status, filtered by kind', async () => {
    const page = await openSignedIn(app, '/admin/offices', 'admin');
    await page.getByRole('link', { name: office.name }).waitFor();
    await page.getByLabel('Тип офиса').selectOption('kiosk');
    await page.getByRole('link', { name: office.name }).waitFor({ state: 'detached' });
    await page.getByLabel('Тип офиса').selectOption('main');
    await page.getByRole('link', { name: office.name }).click();
    await page.waitForURL(`${app.baseUrl}/admin/offices/${office.code}`);
    await page.getByRole('heading', { level: 1, name: office.name }).waitFor();
  });

  it('names the field when closing is before opening, saves nothing, and warns when hours fall below the minimum', async () => {
    const page = await openSignedIn(app, `/admin/offices/${office.code}`, 'admin');
    const editor = page.getByTestId('hours-editor');
    await editor.waitFor();
    const monday = office.hours.find((h) => h.weekday === 1);
    if (!monday) await editor.getByLabel('Работает: понедельник').check();
    await editor.getByLabel('понедельник: Открытие').fill('10:00');
    await editor.getByLabel('понедельник: Закрытие').fill('09:00');
    await editor.getByRole('button', { name: 'Сохранить часы работы' }).click();
    const closes = editor.getByLabel('понедельник: Закрытие');
    await page.getByTestId('hours-errors').waitFor();
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await closes.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toBe(
      'Время закрытия должно быть позже времени открытия',
    );
    expect(await page.getByTestId('hours-errors').textContent()).toContain('понедельник, Закрытие');
    expect((await adminOffice(office.code)).hours).toEqual(office.hours);

    // fix the time, and leave only three working days: below the legal minimum of any municipality
    await closes.fill('18:00');
    for (const day of ['вторник', 'среда']) await editor.getByLabel(`Работает: ${day}`).check();
    for (const day of ['четверг', 'пятница', 'суббота', 'воскресенье']) {
      const box = editor.getByLabel(`Работает: ${day}`);
      if (await box.isChecked()) await box.uncheck();
    }
    await editor.getByRole('button', { name: 'Сохранить часы работы' }).click();
    await editor.getByTestId('hours-status').getByText('Сохранено').waitFor();
    const warnings = editor.getByTestId('hours-warnings');
    await warnings.getByText('Слишком мало рабочих дней в неделю').waitFor();
    const saved = await adminOffice(office.code);
    expect(saved.hours.map((h) => h.weekday)).toEqual([1, 2, 3]);
    expect(saved.hours[0]).toMatchObject({ opens: '10:00', closes: '18:00' });
    expect(saved.warnings.map((w) => w.code)).toContain('too-few-days');
    await page.getByTestId('history').getByText('часы работы').first().waitFor();
    expect(await page.getByTestId('history').textContent()).not.toContain('weekday');
  });

  it('adds and removes a dated exception, and has no serious accessibility violations', async () => {
    const page = await openSignedIn(app, `/admin/offices/${office.code}`, 'admin');
    const section = page.getByTestId('exceptions-editor');
    await section.waitFor();
    const date = `${new Date().getFullYear() + 1}-03-03`;
    const note = `Санитарный день ${Date.now().toString(36)}`;
    await section.getByLabel('Дата', { exact: true }).fill(date);
    await section.getByLabel('Примечание').fill(note);
    await section.getByRole('button', { name: 'Добавить', exact: true }).click();
    await section.getByText(note).waitFor();
    expect((await adminOffice(office.code)).exceptions).toContainEqual(
      expect.objectContaining({ date, kind: 'closed', note }),
    );
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-office-editor');
    await section
      .locator('li', { hasText: note })
      .getByRole('button', { name: /^Удалить: / })
      .click();
    await section.getByText(note).waitFor({ state: 'detached' });
    expect((await adminOffice(office.code)).exceptions.map((e) => e.date)).not.toContain(date);
  });

  it('lets an office head edit the hours of their office but not open the list of offices', async () => {
    const page = await openSignedIn(app, '/admin', 'office_head');
    const mine = page.getByRole('region', { name: 'Мои офисы' });
    await mine.getByRole('link').first().click();
    await page.getByTestId('hours-editor').waitFor();
    expect(await page.getByRole('heading', { name: 'Карточка офиса' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Закрыть офис' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/admin/offices`);
    await page.getByRole('heading', { level: 1, name: 'Нет доступа' }).waitFor();
  });
});
