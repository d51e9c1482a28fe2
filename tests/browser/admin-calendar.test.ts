import type { OfficeDetail } from '../../src/shared/network.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

type CalendarRange = { days: { date: string; kind: string; note?: string | null }[] };

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('admin console: production calendar', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('marks a working day as a day off: the calendar API and the office week follow at once', async () => {
    const offices = await app.api<{ code: string }[]>('/api/offices?kind=main');
    const before = await app.api<OfficeDetail>(`/api/offices/${offices[0].code}`);
    // a day of the coming week (not today) on which the office is open by its regular hours
    const day = before.week.slice(1).find((d) => d.open && d.reason === 'regular');
    expect(day, 'the office is open on some day of the coming week').toBeDefined();
    const date = day!.date;

    const page = await openSignedIn(app, '/admin/calendar', 'admin');
    await page.getByTestId('year-grid').waitFor();
    const shown = Number(await page.locator('.year-title').textContent());
    if (Number(date.slice(0, 4)) > shown) await page.getByRole('button', { name: 'Следующий год' }).click();
    const button = page.locator(`button[data-date="${date}"]`);
    expect(await button.getAttribute('class')).toContain('day-working');
    await button.click();
    const form = page.getByTestId('day-form');
    await form.getByLabel('Тип дня').selectOption('dayoff');
    await form.getByLabel('Примечание').fill('Выходной по распоряжению');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.getByTestId('day-status').getByText('Сохранено').waitFor();
    // «Сохранено» shows once the server said yes; the year's grid follows when its refetch lands
    await expect.poll(() => button.getAttribute('class')).toMatch(/day-dayoff.*day-override/);
    expect(await button.getAttribute('aria-label')).toContain('выходной');

    const calendar = await app.api<CalendarRange>(`/api/calendar?from=${date}&to=${date}`);
    expect(calendar.days[0]).toMatchObject({ date, kind: 'dayoff' });
    const after = await app.api<OfficeDetail>(`/api/offices/${offices[0].code}`);
    expect(after.week.find((d) => d.date === date)).toMatchObject({ open: false, reason: 'holiday' });

    // back to the weekday rule
    await form.getByRole('button', { name: 'По умолчанию' }).click();
    await page.waitForFunction(
      (d) => document.querySelector(`button[data-date="${d}"]`)?.className.includes('day-working'),
      date,
    );
    const reset = await app.api<CalendarRange>(`/api/calendar?from=${date}&to=${date}`);
    expect(reset.days[0].kind).toBe('working');
  });

  it('imports a year from CSV and shows its overrides, with no serious accessibility violations', async () => {
    const page = await openSignedIn(app, '/admin/calendar', 'admin');
    await page.getByTestId('year-grid').waitFor();
    const year = Number(await page.locator('.year-title').textContent()) + 1;
    const importForm = page.getByTestId('calendar-import');
    await importForm.getByLabel('Год').fill(String(year));
    await importForm
      .getByLabel('Содержимое')
      .fill(`date,kind,note\n${year}-01-01,dayoff,Новый год\n${year}-06-06,working,Рабочая суббота\n`);
    await importForm.getByRole('button', { name: 'Загрузить' }).click();
    await importForm.getByTestId('import-status').getByText('Сохранено').waitFor();
    const days = await app.api<CalendarRange>(`/api/calendar?from=${year}-06-06&to=${year}-06-06`);
    expect(days.days[0].kind).toBe('working');

    await page.getByRole('button', { name: 'Следующий год' }).click();
    const saturday = page.locator(`button[data-date="${year}-06-06"]`);
    await saturday.waitFor();
    await page.waitForFunction(
      (d) => document.querySelector(`button[data-date="${d}"]`)?.className.includes('day-override'),
      `${year}-06-06`,
    );
    expect(await saturday.getAttribute('class')).toContain('day-working');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-calendar');
  });

  it('names the bad line of an import and changes nothing', async () => {
    const page = await openSignedIn(app, '/admin/calendar', 'admin');
    const importForm = page.getByTestId('calendar-import');
    await importForm.waitFor();
    const year = Number(await importForm.getByLabel('Год').inputValue());
    await importForm.getByLabel('Содержимое').fill(`${year}-02-02,holiday,wrong kind`);
    await importForm.getByRole('button', { name: 'Загрузить' }).click();
    await importForm.getByRole('alert').first().waitFor();
    // the line, in the user's words (the server's details carry it as a parameter)
    await importForm.getByText('Ошибка в строке 1').first().waitFor();
    const days = await app.api<CalendarRange>(`/api/calendar?from=${year}-02-02&to=${year}-02-02`);
    expect(days.days[0].kind).not.toBe('holiday');
  });
});
