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
    await page.locator('h1', { hasText: service.title }).waitFor();
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
});
