import type { Page } from 'playwright-core';
import type { CaseCreated } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';

const office = 'lip-kosmonavtov';
// Tuesday 1 December 2026, 12:00 in Lipetsk.
const now = new Date('2026-12-01T09:00:00Z');

/**
 * Issue 11's status for the citizen on the portal: a case accepted through the API, then /status by the
 * number and the PIN (typed, or the receipt's QR link) shows its stages; a transition shows on the next
 * look; a wrong PIN reads exactly as an unknown number. On a 375 px phone, axe-clean.
 */
describe('a case’s status on the portal', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let staff: Awaited<ReturnType<typeof staffClient>>;
  let created: CaseCreated;
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => now });
    staff = await staffClient(app.app, app.database, [
      { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
    ]);
    const res = await staff.call({
      method: 'POST',
      url: '/api/cases',
      payload: {
        office,
        service: 'egrn-extract',
        applicant: { kind: 'person', lastName: 'Орлова', firstName: 'Вера', phone: '+79101112233' },
        documents: [{ name: 'Заявление', form: 'original', pages: 1 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
  });
  afterAll(() => app?.close());

  const steps = (page: Page) =>
    page
      .getByTestId('case-timeline')
      .locator('li')
      .evaluateAll((items) =>
        items.map(
          (li) => `${li.getAttribute('data-state')}:${li.querySelector('.case-step-title')?.textContent}`,
        ),
      );

  it('finds the case by number and PIN on a 375 px phone and shows its stages; a transition shows on the next look', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/`);
    // the portal's menu and home lead to it
    await page.getByTestId('home-status-link').click();
    await page.getByRole('heading', { name: 'Статус дела', level: 1 }).waitFor();
    // the number as a person types it from the receipt, with spaces
    await page.getByLabel('Номер дела').fill(created.number.replace(/-/g, ' '));
    await page.getByLabel('PIN-код').fill(created.pin);
    await page.getByRole('button', { name: 'Узнать статус' }).click();
    await page.getByRole('heading', { name: `Дело № ${created.number}`, level: 1 }).waitFor();
    // the PIN is not left in the address
    expect(page.url()).not.toContain(created.pin);
    expect(await page.getByTestId('case-status-stage').textContent()).toBe(created.stage.title);
    const first = await steps(page);
    expect(first[0]).toBe(`current:${created.stages[0].title}`);
    expect(first.slice(1).every((s) => s.startsWith('upcoming:'))).toBe(true);
    expect(first.length).toBe(created.stages.length);
    const text = (await page.getByTestId('case-status').textContent()) ?? '';
    expect(text).toContain('пятница, 4 декабря');
    expect(text).toContain('г. Липецк, ул. Космонавтов, д. 56а');
    expect(text).not.toContain('Орлова');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'portal-status-375');

    const moved = await staff.call({
      method: 'POST',
      url: `/api/cases/${created.id}/transitions`,
      payload: { to: 'sent' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await page.reload();
    await page.getByTestId('case-status').waitFor();
    const second = await steps(page);
    expect(second[0]).toMatch(/^passed:/);
    expect(second[1]).toBe(`current:${created.stages[1].title}`);
    expect(await page.locator('.case-step-current .case-step-when').textContent()).toBe(
      'сейчас, с 1 декабря',
    );
  });

  it('opens from the receipt’s QR link with both fields filled and looks up at once', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/status?number=${created.number}&pin=${created.pin}`);
    await page.getByRole('heading', { name: `Дело № ${created.number}`, level: 1 }).waitFor();
    await page.getByTestId('case-timeline').waitFor();
    await page.waitForURL((url) => !url.search.includes('pin='));
    expect(new URL(page.url()).searchParams.get('number')).toBe(created.number);
  });

  it('reads a wrong PIN exactly as an unknown number', async () => {
    const page = await app.newPage({ viewport: phone });
    const refusal = async (number: string, pin: string) => {
      await page.goto(`${app.baseUrl}/status`);
      await page.getByLabel('Номер дела').fill(number);
      await page.getByLabel('PIN-код').fill(pin);
      await page.getByRole('button', { name: 'Узнать статус' }).click();
      const notice = page.getByTestId('status-refusal');
      await notice.waitFor();
      return notice.textContent();
    };
    const wrongPin = String((Number(created.pin) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await refusal(created.number, wrongPin);
    expect(wrong).toBe('Дело не найдено или PIN неверный. Проверьте номер дела и PIN-код в расписке.');
    expect(await refusal('48-2026-9999999', created.pin)).toBe(wrong);
    // the form is there again to correct, with the number kept
    expect(await page.getByLabel('Номер дела').inputValue()).toBe('48-2026-9999999');
    await expectNoSeriousA11yViolations(page);
  });

  it('says when to try again once a number has had too many wrong attempts', async () => {
    const number = '48-2026-8888888';
    for (let i = 0; i < 10; i++) {
      const res = await app.app.inject({ method: 'GET', url: `/api/status?number=${number}&pin=000000` });
      expect(res.statusCode).toBe(404);
    }
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/status`);
    await page.getByLabel('Номер дела').fill(number);
    await page.getByLabel('PIN-код').fill('111111');
    await page.getByRole('button', { name: 'Узнать статус' }).click();
    const notice = page.getByTestId('status-refusal');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'Слишком много неверных попыток для этого номера. Попробуйте через 60 минут.',
    );
  });

  it('says what is wrong with a malformed number or PIN before asking the server', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/status`);
    await page.getByLabel('Номер дела').fill('12345');
    await page.getByLabel('PIN-код').fill('12');
    await page.getByRole('button', { name: 'Узнать статус' }).click();
    await page.getByText('Номер дела выглядит так: 48-2026-0001234.').waitFor();
    await page.getByText('PIN-код — это 6 цифр.').waitFor();
    expect(await page.getByTestId('status-refusal').count()).toBe(0);
  });
});
