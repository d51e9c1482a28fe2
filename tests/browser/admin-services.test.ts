import type { ServiceCard, ServicesPage } from '../../src/shared/catalog.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn, staffPage } from './admin-helpers.js';

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('admin console: services', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  let before: ServiceCard;
  beforeAll(async () => {
    app = await startBrowserApp();
    const found = await app.api<ServicesPage>('/api/services?limit=1');
    before = await app.api<ServiceCard>(`/api/services/${found.items[0].code}`);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('saves an edit of a published service as a draft the portal does not show, then publishes it to the portal', async () => {
    const page = await openSignedIn(app, `/admin/services/${before.code}`, 'admin');
    await page.locator('h1', { hasText: before.title }).waitFor();
    await page.getByText('admin', { exact: false }).first().waitFor();
    const stamp = Date.now().toString(36);
    const shortTitle = `Загранпаспорт ${stamp}`;
    const description = `Новое описание услуги ${stamp}.`;
    await page.getByLabel('Краткое название', { exact: true }).fill(shortTitle);
    await page.getByLabel('Описание', { exact: true }).fill(description);
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByTestId('save-status').getByText('Черновик сохранён').waitFor();
    await page.getByTestId('service-status').getByText('Черновик, версия').waitFor();

    const portal = await staffPage(app);
    await portal.goto(`${app.baseUrl}/services/${before.code}`);
    await portal.locator('h1', { hasText: before.shortTitle }).waitFor();
    expect(await portal.locator('main').textContent()).not.toContain(description);
    expect((await app.api<ServiceCard>(`/api/services/${before.code}`)).shortTitle).toBe(before.shortTitle);

    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByTestId('publish-status').getByText('Опубликовано').waitFor();
    expect(await page.getByTestId('service-status').textContent()).not.toContain('Черновик');

    await portal.reload();
    await portal.getByText(description).waitFor();
    expect((await app.api<ServiceCard>(`/api/services/${before.code}`)).shortTitle).toBe(shortTitle);

    // the change is in the service's history, with who made it and the new text
    await page.getByTestId('history').getByText(description).first().waitFor();
    expect(await page.getByTestId('history').textContent()).toContain('admin');
  });

  it('refuses to publish a new service and lists what is missing', async () => {
    const page = await openSignedIn(app, '/admin/services/new', 'catalog_editor');
    const code = `draft-${Date.now().toString(36)}`;
    await page.getByLabel('Код', { exact: true }).fill(code);
    await page.getByLabel('Полное название', { exact: true }).fill('Проверочная услуга');
    await page.getByLabel('Краткое название', { exact: true }).fill('Проверка');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(`${app.baseUrl}/admin/services/${code}`);
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    const missing = page.getByTestId('publish-missing');
    await missing.waitFor();
    expect(await missing.locator('li').allTextContents()).toEqual([
      'ведомства',
      'срока предоставления',
      'списка документов',
      'этапов',
    ]);
    const portal = await app.api<ServicesPage>(`/api/services?q=${encodeURIComponent('Проверочная')}`);
    expect(portal.items.map((s) => s.code)).not.toContain(code);
  });

  it('shows a field error next to a bad value and does not save it', async () => {
    const page = await openSignedIn(app, `/admin/services/${before.code}`, 'admin');
    await page.locator('h1').waitFor();
    await page.getByLabel('Срок, дней', { exact: true }).fill('-3');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByTestId('service-errors').waitFor();
    const input = page.getByLabel('Срок, дней', { exact: true });
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const card = await app.api<ServiceCard>(`/api/services/${before.code}`);
    expect(card.term?.days).toBeGreaterThan(0);
  });

  it('has no serious accessibility violations in the services list and the editor', async () => {
    const page = await openSignedIn(app, '/admin/services', 'admin');
    await page.getByRole('table').getByRole('link').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${app.baseUrl}/admin/services/${before.code}`);
    await page.getByRole('heading', { name: 'Этапы' }).waitFor();
    await page.getByTestId('versions').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-service-editor');
  });
});
