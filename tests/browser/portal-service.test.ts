import type { ServiceCard, ServicesPage } from '../../src/shared/catalog.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';

describe('portal service page', () => {
  let app: BrowserApp;
  let card: ServiceCard;
  beforeAll(async () => {
    app = await startBrowserApp();
    const found = await app.api<ServicesPage>(
      `/api/services?q=${encodeURIComponent('загранпаспорт')}&limit=1`,
    );
    card = await app.api<ServiceCard>(`/api/services/${found.items[0].code}`);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the title, agency, fee, term and the documents to bring as a checklist the citizen can tick', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services/${card.code}`);
    await page.locator('h1', { hasText: card.title }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.title()).toBe(`${card.title} — Мои документы`);
    if (card.agency) await page.getByText(`Ведомство: ${card.agency.name}`).waitFor();

    const facts = page.locator('.facts');
    const term = card.term!;
    const termWord = term.kind === 'calendar' ? 'календарн' : 'рабоч';
    expect(await facts.textContent()).toMatch(new RegExp(`Срок предоставления\\s*${term.days} ${termWord}`));
    if (card.fee && card.fee.amount > 0) {
      // Intl separates thousands and the sign with no-break spaces
      const amount = new Intl.NumberFormat('ru-RU').format(card.fee.amount).replace(/\s/g, ' ');
      expect((await facts.textContent())?.replace(/\s/g, ' ')).toContain(`${amount} ₽`);
    }

    const checklist = page.getByRole('region', { name: 'Что взять с собой' });
    const boxes = checklist.getByRole('checkbox');
    expect(await boxes.count()).toBe(card.documents.length);
    const first = card.documents[0];
    const firstBox = checklist.getByRole('checkbox', { name: first.name });
    expect(await firstBox.isChecked()).toBe(false);
    expect(await checklist.locator('li').first().textContent()).toContain(
      first.required ? 'обязательно' : 'по желанию',
    );
    const required = card.documents.filter((d) => d.required).length;
    expect(await checklist.getByText('обязательно', { exact: true }).count()).toBe(required);
    await firstBox.check();
    expect(await firstBox.isChecked()).toBe(true);
    await checklist.getByText(`Собрано 1 из ${card.documents.length}`).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'service-desktop');
  });

  it('lists the stages in order with the text the citizen sees, and the offices that offer it', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services/${card.code}`);
    const stages = page.getByRole('region', { name: 'Как проходит услуга' }).locator('ol > li');
    await stages.first().waitFor();
    const texts = await stages.allTextContents();
    expect(texts).toHaveLength(card.stages.length);
    card.stages.forEach((stage, i) => {
      expect(texts[i]).toContain(stage.title);
      expect(texts[i]).toContain(stage.citizenText);
    });

    const offices = page.getByRole('region', { name: 'Где получить услугу' });
    expect(await offices.locator('a[href^="/offices/"]').count()).toBe(card.offices.length);
    const office = card.offices[0];
    await offices.getByRole('link', { name: office.name, exact: true }).click();
    await page.locator('h1', { hasText: office.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/offices/${office.code}`);
  });

  it('says clearly that a service with an unknown code does not exist', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services/no-such-service`);
    await page.locator('h1', { hasText: 'Услуга не найдена' }).waitFor();
    await page.getByText('Услуги с кодом «no-such-service» нет в каталоге').waitFor();
    await page.getByRole('link', { name: 'Перейти в каталог услуг' }).waitFor();
  });

  it('switches its headings to English', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services/${card.code}`);
    await page.locator('h1', { hasText: card.title }).waitFor();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'What to bring' }).waitFor();
    await page.getByRole('heading', { name: 'Where to apply' }).waitFor();
    expect(await page.locator('.facts').textContent()).toMatch(/Term\s*\d+ (calendar|working) days?/);
  });

  it('fits a phone screen without sideways scrolling and passes axe there', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/services/${card.code}`);
    await page.locator('h1', { hasText: card.title }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'service-phone');
  });
});
