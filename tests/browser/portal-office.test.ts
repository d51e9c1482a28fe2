import { compareNames } from '../../src/shared/collation.js';
import type { OfficeDetail, OfficeSummary } from '../../src/shared/network.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';

const weekdayRu = (iso: string) =>
  new Intl.DateTimeFormat('ru-RU', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const dateRu = (iso: string) =>
  new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

describe('portal office page', () => {
  let app: BrowserApp;
  let office: OfficeDetail;
  let closedDay: string;
  let holiday: string;
  beforeAll(async () => {
    app = await startBrowserApp();
    const mains = await app.api<OfficeSummary[]>('/api/offices?kind=main');
    const before = await app.api<OfficeDetail>(`/api/offices/${mains[0].code}`);
    // This week's hours must show an office exception and a holiday: put both into this file's own database.
    [closedDay, holiday] = [before.week[2].date, before.week[3].date];
    await app.database.exec(`
      insert into office_exceptions (office_code, date, kind, note)
        values ('${before.code}', '${closedDay}', 'closed', 'Санитарный день');
      insert into calendar_days (date, kind, note) values ('${holiday}', 'dayoff', 'Тестовый праздник')
        on conflict (date) do update set kind = excluded.kind, note = excluded.note;
    `);
    office = await app.api<OfficeDetail>(`/api/offices/${before.code}`);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the address, phone, kind, windows and whether it is open now', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices/${office.code}`);
    await page.locator('h1', { hasText: office.name }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    const facts = (await page.locator('.facts').textContent()) ?? '';
    expect(facts).toContain(office.address);
    if (office.phone) expect(facts).toContain(office.phone);
    expect(facts).toContain('Центр МФЦ');
    expect(facts).toMatch(new RegExp(`Окна приёма\\s*${office.windowCount} (окно|окна|окон)`));
    await page.getByText(office.openNow ? 'Сейчас открыто' : 'Сейчас закрыто', { exact: true }).waitFor();
  });

  it("shows this week's hours day by day, with the holiday and the office's closed day marked", async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices/${office.code}`);
    const table = page.getByRole('table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    for (const [i, day] of office.week.entries()) {
      const text = (await rows.nth(i).textContent()) ?? '';
      expect(text).toContain(`${weekdayRu(day.date)}, ${dateRu(day.date)}`);
      if (day.open) expect(text).toContain(`${day.opens}–${day.closes}`);
      else expect(text).toContain('Выходной');
    }
    expect(await rows.first().textContent()).toContain('сегодня');
    const closed = table.locator(`tr[data-date="${closedDay}"]`);
    expect(await closed.textContent()).toContain('Выходной');
    expect(await closed.textContent()).toContain('Офис закрыт: Санитарный день');
    const holidayRow = table.locator(`tr[data-date="${holiday}"]`);
    expect(await holidayRow.textContent()).toContain('Праздничный день: Тестовый праздник');
    await expectNoSeriousA11yViolations(page);
  });

  it('lists the services offered there with links to their pages', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices/${office.code}`);
    const services = page.getByRole('region', { name: /Услуги в этом офисе/ });
    await services.locator('a[href^="/services/"]').first().waitFor({ state: 'attached' });
    expect(await services.locator('a[href^="/services/"]').count()).toBe(office.services.length);
    const service = office.services[office.services.length - 1];
    if (office.services.length > 12) {
      // a long list is folded by category; the filter finds a service by a word of its title
      const folded = services.locator('details');
      expect(await folded.count()).toBeGreaterThan(1);
      await services
        .getByRole('searchbox', { name: 'Найти услугу в этом офисе' })
        .fill(service.title.slice(0, 40));
    }
    await services.getByRole('link', { name: service.title, exact: true }).click();
    await page.locator('.service h1').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/services/${service.code}`);
  });

  it('says clearly that an office with an unknown code does not exist', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices/no-such-office`);
    await page.locator('h1', { hasText: 'Офис не найден' }).waitFor();
    await page.getByRole('link', { name: 'Перейти к списку офисов' }).waitFor();
  });

  it('speaks English after the switch, fits a phone screen and passes axe there', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/offices/${office.code}`);
    await page.getByRole('table').waitFor();
    await screenshot(page, 'office-phone');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Opening hours this week' }).waitFor();
    expect(await page.locator(`tr[data-date="${holiday}"]`).textContent()).toContain('Public holiday');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  it('folds its services under categories in one Russian alphabetical order, the uncategorized last', async () => {
    expect(office.services.length).toBeGreaterThan(12);
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices/${office.code}`);
    const summaries = page.locator('details.service-group > summary');
    await summaries.first().waitFor();
    await expect
      .poll(async () => (await summaries.allTextContents()).some((s) => /^[a-z-]+ /.test(s)))
      .toBe(false);
    const titles = (await summaries.allTextContents()).map((s) => s.replace(/\s*\d+ услуг\S*$/, '').trim());
    const uncategorized = office.services.some((s) => !s.category);
    const named = uncategorized ? titles.slice(0, -1) : titles;
    expect(named).toEqual([...named].sort(compareNames));
    if (uncategorized) expect(titles.at(-1)).toBe('Другие услуги');
  });

  it('shows the week on a 375 px phone with every cell, the notes included, inside the screen', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/offices/${office.code}`);
    const table = page.getByRole('table');
    await table.waitFor();
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('table.hours th, table.hours td')]
        .filter((cell) => cell.getBoundingClientRect().right > document.documentElement.clientWidth)
        .map((cell) => cell.textContent),
    );
    expect(overflowing).toEqual([]);
    const wrap = await page.locator('.table-wrap').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(wrap[0]).toBeLessThanOrEqual(wrap[1]);
    await table
      .locator(`tr[data-date="${holiday}"]`)
      .getByText('Праздничный день: Тестовый праздник')
      .filter({ visible: true })
      .waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
  });
});
