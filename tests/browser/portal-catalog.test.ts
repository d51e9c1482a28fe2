import type { Category, ServicesPage } from '../../src/shared/catalog.js';
import {
  type BrowserApp,
  desktop,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  startBrowserApp,
} from '../support/browser.js';

/** The Russian count line, e.g. "Найдено 25 услуг". */
function foundText(n: number): string {
  const form = new Intl.PluralRules('ru-RU').select(n);
  const number = new Intl.NumberFormat('ru-RU').format(n);
  if (form === 'one') return `Найдена ${number} услуга`;
  return `Найдено ${number} ${form === 'few' ? 'услуги' : form === 'many' ? 'услуг' : 'услуги'}`;
}

/** The foreign passport's title: "заграничного паспорта", or the official "…за пределами территории РФ…". */
const foreignPassport = /заграничн|за пределами/i;

describe('portal catalog page', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every published service with the total count and pages of 20', async () => {
    const all = await app.api<ServicesPage>('/api/services?limit=20');
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services`);
    await page.locator('h1', { hasText: 'Каталог услуг' }).waitFor();
    await page.getByRole('heading', { name: foundText(all.total) }).waitFor();
    expect(await page.locator('.service-card').count()).toBe(all.items.length);
    expect(await page.locator('.service-card h3').first().textContent()).toBe(all.items[0].title);
    if (all.total > 20) {
      const pages = Math.ceil(all.total / 20);
      await page.getByText(`Страница 1 из ${pages}`).waitFor();
      await page.getByRole('button', { name: /Вперёд/ }).click();
      await page.getByText(`Страница 2 из ${pages}`).waitFor();
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      const second = await app.api<ServicesPage>('/api/services?limit=20&page=2');
      await page.locator('.service-card h3', { hasText: second.items[0].title }).first().waitFor();
    }
    await expectNoSeriousA11yViolations(page);
  });

  it('narrows the list to one category chosen in the filter, and keeps it in the address', async () => {
    const categories = (await app.api<Category[]>('/api/categories')).filter((c) => c.serviceCount > 0);
    const category = categories[categories.length - 1];
    const expected = await app.api<ServicesPage>(`/api/services?category=${category.code}&limit=20`);
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services`);
    await page.getByLabel('Категория').selectOption({ label: category.title });
    await page.getByRole('heading', { name: foundText(expected.total) }).waitFor();
    expect(new URL(page.url()).searchParams.get('category')).toBe(category.code);
    expect(await page.locator('.service-card h3').allTextContents()).toEqual(
      expected.items.map((s) => s.title),
    );
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    expect(await page.getByLabel('Категория').inputValue()).toBe('');
  });

  it('searches by the query in the address and says when nothing is found', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services?q=${encodeURIComponent('загранпаспорт')}`);
    await page.locator('h1', { hasText: 'Поиск: «загранпаспорт»' }).waitFor();
    expect(await page.locator('.service-card h3').first().textContent()).toMatch(foreignPassport);
    expect(await page.getByRole('searchbox', { name: 'Что вы ищете' }).inputValue()).toBe('загранпаспорт');

    await page.getByRole('searchbox', { name: 'Что вы ищете' }).fill('щщщщъъъъ');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Ничего не найдено').waitFor();
  });

  it('speaks English after the switch and fits a phone screen', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/services`);
    await page.locator('.service-card').first().waitFor();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.locator('h1', { hasText: 'Service catalogue' }).waitFor();
    await page.getByRole('heading', { name: /services? found$/ }).waitFor();
    await page.getByLabel('Category').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  it('gives the query box most of the search row on desktop and on a phone', async () => {
    for (const viewport of [desktop, phone]) {
      const page = await app.newPage({ viewport });
      await page.goto(`${app.baseUrl}/services?q=${encodeURIComponent('паспорт')}`);
      const box = page.getByRole('searchbox', { name: 'Что вы ищете' });
      await box.waitFor();
      const input = (await box.boundingBox())!;
      const form = (await page.locator('.search-form form').boundingBox())!;
      expect(input.width, `query box at ${viewport.width} px`).toBeGreaterThanOrEqual(form.width * 0.6);
      await page.getByRole('button', { name: 'Найти' }).waitFor();
      expect(await hasNoHorizontalScroll(page)).toBe(true);
    }
  });

  it('says a query over 200 characters is too long, with no endless loader and no retry', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services?q=${encodeURIComponent('паспорт '.repeat(30))}`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Слишком длинный запрос — сократите его до 200 символов' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Повторить' }).count()).toBe(0);
    expect(await page.getByText('Загрузка…').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
  });

  it('shows «Бесплатно» for a free service in the list', async () => {
    const all = await app.api<ServicesPage>('/api/services?limit=100');
    const free = all.items.find((s) => s.fee?.amount === 0)!;
    expect(free, 'a free service in the demo data').toBeDefined();
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services?q=${encodeURIComponent(free.shortTitle || free.title)}`);
    const card = page.locator('.service-card', {
      has: page.getByRole('link', { name: free.title, exact: true }),
    });
    await card.waitFor();
    expect(await card.locator('.facts').textContent()).toMatch(/Стоимость\s*Бесплатно/);
    expect(await card.textContent()).not.toContain('0 ₽');
  });

  it('brings the catalog back where it was scrolled when the person returns from a service', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/services`);
    const links = page.locator('.service-card h3 a');
    await links.nth(10).waitFor();
    await links.nth(10).scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(500);
    await links.nth(10).click();
    await page.locator('.service h1').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(50);
    await page.goBack();
    await links.nth(10).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 20);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThanOrEqual(20);
  });

  it('says once, in English, that service texts are in Russian', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services`);
    await page.locator('.service-card').first().waitFor();
    expect(await page.getByText('Service descriptions are available in Russian only').count()).toBe(0);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.locator('h1', { hasText: 'Service catalogue' }).waitFor();
    expect(await page.getByText('Service descriptions are available in Russian only').count()).toBe(1);
  });
});
