import type { Page } from 'playwright-core';
import type { ServicesPage } from '../../src/shared/catalog.js';
import type { AdminDistrict } from '../../src/shared/network.admin.js';
import { type BrowserApp, startBrowserApp } from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

/** A mark on the page's window: it is gone if the page reloads. */
const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { __notReloaded: true }));
const stillSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

describe('the web data layer', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows an API failure as a message with a retry that works, not an endless loader', async () => {
    const all = await app.api<ServicesPage>('/api/services?limit=20');
    const page = await app.newPage();
    let failing = true;
    let failures = 0;
    await page.route('**/api/services?*', (route) => {
      if (!failing) return route.continue();
      failures++;
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'unavailable' } }),
      });
    });
    await page.goto(`${app.baseUrl}/services`);
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Не удалось загрузить данные. Попробуйте ещё раз.' });
    await alert.waitFor();
    // a 5xx is tried three times in all, then the page says so instead of loading on
    expect(failures).toBe(3);
    expect(await page.getByText('Загрузка…').count()).toBe(0);

    failing = false;
    await alert.getByRole('button', { name: 'Повторить' }).click();
    await page.locator('.service-card h3').first().waitFor();
    expect(await page.locator('.service-card h3').first().textContent()).toBe(all.items[0].title);
    expect(await alert.count()).toBe(0);
  });

  it('does not retry a refusal: a 404 shows at once', async () => {
    const page = await app.newPage();
    let asked = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/services/no-such-service')) asked++;
    });
    await page.goto(`${app.baseUrl}/services/no-such-service`);
    await page.getByRole('heading', { level: 1, name: 'Услуга не найдена' }).waitFor();
    expect(asked).toBe(1);
  });

  it('shows an admin edit in the list at once, without reloading the page', async () => {
    const page = await openSignedIn(app, '/admin/districts', 'admin');
    const table = page.getByTestId('districts');
    await table.getByRole('row').nth(1).waitFor();
    const districts = await page.evaluate(async () => (await fetch('/api/admin/districts')).json());
    const district = (districts as AdminDistrict[])[0];
    await markWindow(page);

    await table.getByRole('button', { name: `Изменить: ${district.name}` }).click();
    const form = page.getByRole('region', { name: district.name });
    const renamed = `${district.name} (проверка)`;
    await form.getByLabel('Название').fill(renamed);
    await form.getByLabel('Население').fill('');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    // checked before sending, in the user's words, by the shared schema
    await page.getByTestId('district-errors').getByText('Укажите число').waitFor();

    await form.getByLabel('Население').fill('123456');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.getByText('Сохранено').waitFor();
    await table.getByRole('rowheader', { name: renamed }).waitFor();
    expect(
      await table.getByRole('row', { name: new RegExp(renamed.replace(/[()]/g, '\\$&')) }).textContent(),
    ).toMatch(/123\s456/);
    // the form's history shows the change too, and nothing was reloaded
    await page.getByTestId('history').getByText(renamed).first().waitFor();
    expect(await stillSamePage(page)).toBe(true);
  });
});
