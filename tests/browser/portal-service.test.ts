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
    // the short title leads; the official one (200 characters here) follows in smaller text
    await page.locator('h1', { hasText: card.shortTitle }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(card.shortTitle).not.toBe(card.title);
    expect(await page.locator('.official-title').textContent()).toContain(card.title);
    expect(await page.title()).toBe(`${card.shortTitle} — Мои документы`);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain(card.title);
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
    if (first.required) expect(await checklist.locator('li').first().textContent()).toContain('обязательно');
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
    await page.locator('h1', { hasText: card.shortTitle }).waitFor();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'What to bring' }).waitFor();
    await page.getByRole('heading', { name: 'Where to apply' }).waitFor();
    expect(await page.locator('.facts').textContent()).toMatch(/Term\s*\d+ (calendar|working) days?/);
    expect(await page.getByText('Service descriptions are available in Russian only').count()).toBe(1);
  });

  it('fits a phone screen without sideways scrolling and passes axe there', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/services/${card.code}`);
    const h1 = page.locator('h1', { hasText: card.shortTitle });
    await h1.waitFor();
    // the title does not fill the first screen: the facts start on it
    expect((await h1.boundingBox())!.height).toBeLessThan(phone.height * 0.2);
    const fontSize = (selector: string) =>
      page.locator(selector).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(await fontSize('.official-title')).toBeLessThan(await fontSize('h1'));
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'service-phone');
  });

  it('says «Бесплатно» for a free service and does not repeat a note that says the same', async () => {
    const all = await app.api<ServicesPage>('/api/services?limit=100');
    const free = all.items.find((s) => s.fee?.amount === 0 && s.fee.note === 'бесплатно')!;
    expect(free, 'a free service noted «бесплатно» in the demo data').toBeDefined();
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services/${free.code}`);
    const fee = page.locator('.facts > div', { hasText: 'Госпошлина' });
    await fee.waitFor();
    expect((await fee.locator('dd').textContent())?.trim()).toBe('Бесплатно');
  });

  it('reads a conditional document as its condition and tags only what is a copy', async () => {
    const page = await app.newPage();
    const realty = await app.api<ServiceCard>('/api/services/egrn-extract');
    await page.goto(`${app.baseUrl}/services/${realty.code}`);
    const checklist = page.getByRole('region', { name: 'Что взять с собой' });
    const cadastral = checklist.locator('li', { hasText: 'Кадастровый номер' });
    await cadastral.waitFor();
    // a number one tells the specialist is no paper: no «оригинал» tag
    expect(await cadastral.textContent()).not.toContain('оригинал');
    const items = await checklist.locator('li').allTextContents();
    for (const text of items) expect(text.match(/по желанию/g)?.length ?? 0, text).toBeLessThanOrEqual(1);
    expect(items.join(' ')).not.toContain('оригинал');

    // a document needed only in some cases says when, instead of «по желанию»
    const all = await Promise.all(
      (await app.api<ServicesPage>('/api/services?limit=100')).items.map((s) =>
        app.api<ServiceCard>(`/api/services/${s.code}`),
      ),
    );
    const withCondition = all.find((s) =>
      s.documents.some((d) => !d.required && d.note?.startsWith('при ')),
    )!;
    const conditional = withCondition.documents.find((d) => !d.required && d.note?.startsWith('при '))!;
    await page.goto(`${app.baseUrl}/services/${withCondition.code}`);
    const line = page
      .getByRole('region', { name: 'Что взять с собой' })
      .locator('li', { has: page.getByText(conditional.name, { exact: true }) })
      .first();
    await line.waitFor();
    const condition = conditional.note!.charAt(0).toUpperCase() + conditional.note!.slice(1);
    await line.locator('.mark', { hasText: condition }).waitFor();
    expect(await line.textContent()).not.toContain('по желанию');
    await expectNoSeriousA11yViolations(page);
  });
});
