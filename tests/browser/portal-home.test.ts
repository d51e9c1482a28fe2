import type { Category, ServicesPage } from '../../src/shared/catalog.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';

/** The foreign passport's title: "заграничного паспорта", or the official "…за пределами территории РФ…". */
const foreignPassport = /заграничн|за пределами/i;

describe('portal home page', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the search, the most popular services and the categories with their counts, in Russian', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.locator('h1', { hasText: 'Госуслуги рядом с домом' }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.title()).toBe('Мои документы — okno');
    await page.getByRole('searchbox', { name: 'Найти услугу' }).waitFor();

    const popular = await app.api<ServicesPage>('/api/services?limit=8');
    const popularSection = page.getByRole('region', { name: 'Популярные услуги' });
    const shortTitle = popular.items[0].shortTitle || popular.items[0].title;
    await popularSection.getByRole('link', { name: shortTitle, exact: true }).waitFor();
    expect(await popularSection.getByRole('listitem').count()).toBe(popular.items.length);

    const categories = (await app.api<Category[]>('/api/categories')).filter((c) => c.serviceCount > 0);
    const categoriesSection = page.getByRole('region', { name: 'Категории услуг' });
    await categoriesSection.getByRole('link', { name: categories[0].title, exact: true }).waitFor();
    expect(await categoriesSection.getByRole('listitem').count()).toBe(categories.length);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'home-desktop');
  });

  it('finds the foreign passport by typing "загранпаспорт" into the search', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('searchbox', { name: 'Найти услугу' }).fill('загранпаспорт');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.locator('h1', { hasText: 'Поиск: «загранпаспорт»' }).waitFor();
    expect(page.url()).toContain('/services?q=');
    const first = page.locator('.service-card').first().getByRole('link');
    await first.waitFor();
    expect(await first.textContent()).toMatch(foreignPassport);
  });

  it('switches to English and remembers the choice after a reload', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.locator('h1', { hasText: 'Public services close to home' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents(),
    ).toEqual(['Home', 'Services', 'Offices', 'Book', 'Case status']);
    await page.reload();
    await page.locator('h1', { hasText: 'Public services close to home' }).waitFor();
    expect(await page.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('fits a phone screen without sideways scrolling and passes axe there', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/`);
    await page.locator('.service-card').first().waitFor();
    await page.getByRole('region', { name: 'Категории услуг' }).getByRole('link').first().waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'home-phone');
  });

  it('shows a "page not found" page for an unknown address', async () => {
    const page = await app.newPage();
    // An unknown address is an HTTP 404 (no soft 404), and the app still shows its own page for it.
    const response = await page.goto(`${app.baseUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    await page.locator('h1', { hasText: 'Страница не найдена' }).waitFor();
    await page.getByRole('link', { name: 'На главную' }).click();
    await page.locator('h1', { hasText: 'Госуслуги рядом с домом' }).waitFor();
  });

  it('answers 404 for a service that does not exist, with the page saying so', async () => {
    const page = await app.newPage();
    const response = await page.goto(`${app.baseUrl}/services/no-such-service`);
    expect(response?.status()).toBe(404);
    await page.getByText('Услуга не найдена').first().waitFor();
  });
});
