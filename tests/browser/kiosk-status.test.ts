import type { Page } from 'playwright-core';
import type { CaseCreated } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';

const office = 'lip-kosmonavtov';
const portrait = { width: 1080, height: 1920 };
const demoToken = `demo-kiosk-${office}`;
// Tuesday 1 December 2026, 12:00 in Lipetsk: the office is open.
const now = new Date('2026-12-01T09:00:00Z');

/** Every visible button, link and field: at least 64 × 64 CSS pixels. */
async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, a, input, select')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 64 || box.height < 64)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
}

const keypad = (page: Page) => page.getByRole('group', { name: 'Экранная клавиатура' });

/** Taps each digit of `digits` on the kiosk's keypad. */
async function tapDigits(page: Page, digits: string) {
  for (const d of digits) await keypad(page).getByRole('button', { name: d, exact: true }).click();
}

/**
 * Issue 11's status at the kiosk: «Узнать статус дела» on the first screen, the number and the PIN on the
 * kiosk's own keypad (the dashes put in by themselves), or the receipt's QR scanned (a scanner types the link
 * and Enter); the same timeline, big; back to the start after the idle time.
 */
describe('a case’s status at the kiosk', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let created: CaseCreated;
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => now });
    const staff = await staffClient(app.app, app.database, [
      { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
    ]);
    const res = await staff.call({
      method: 'POST',
      url: '/api/cases',
      payload: {
        office,
        service: 'egrn-extract',
        applicant: { kind: 'person', lastName: 'Лебедев', firstName: 'Олег', phone: '+79104445566' },
        documents: [{ name: 'Заявление', form: 'original', pages: 1 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    const moved = await staff.call({
      method: 'POST',
      url: `/api/cases/${created.id}/transitions`,
      payload: { to: 'sent' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
  });
  afterAll(() => app?.close());

  async function openStatus(query = '?idle=600'): Promise<Page> {
    const page = await app.newPage({ viewport: portrait });
    await page.goto(`${app.baseUrl}/kiosk/${office}${query}#device=${demoToken}`);
    await page.getByTestId('kiosk-start').waitFor();
    await page.getByRole('button', { name: 'Узнать статус дела' }).click();
    await page.getByTestId('kiosk-status').waitFor();
    return page;
  }

  it('takes the number and the PIN on its keypad, the dashes put in, and shows the stages big', async () => {
    const page = await openStatus();
    const number = page.getByTestId('kiosk-status-number');
    await tapDigits(page, created.number.replace(/\D/g, '').slice(0, 6));
    expect(await number.inputValue()).toBe(created.number.slice(0, 7));
    await tapDigits(page, created.number.replace(/\D/g, '').slice(6));
    expect(await number.inputValue()).toBe(created.number);
    await expectTouchTargets(page);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Далее: PIN-код' }).click();
    await tapDigits(page, created.pin);
    // the PIN shows as dots: people stand behind
    expect(await page.getByTestId('kiosk-status-pin').textContent()).toBe('••••••');
    await page.getByRole('button', { name: 'Узнать статус', exact: true }).click();

    await page.getByTestId('kiosk-status-result').waitFor();
    await page.getByRole('heading', { name: `Дело № ${created.number}` }).waitFor();
    const states = await page
      .getByTestId('case-timeline')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-state')));
    expect(states.slice(0, 2)).toEqual(['passed', 'current']);
    expect(await page.getByTestId('case-status-stage').textContent()).toBe(created.stages[1].title);
    expect(await page.getByTestId('case-status').textContent()).not.toContain('Лебедев');
    await expectTouchTargets(page);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'kiosk-status');
    await page.getByRole('button', { name: 'Готово' }).click();
    await page.getByTestId('kiosk-start').waitFor();
  });

  it('reads the receipt’s QR link from the scanner and looks up at once', async () => {
    const page = await openStatus();
    // a touch elsewhere first: the scanner's characters still land in the number's field
    await tapDigits(page, '4');
    await page.keyboard.type(`${app.baseUrl}/status?number=${created.number}&pin=${created.pin}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('kiosk-status-result').waitFor();
    expect(await page.getByTestId('case-status-stage').textContent()).toBe(created.stages[1].title);
  });

  it('says a wrong PIN as an unknown number, and goes back to the start after the idle time', async () => {
    const page = await openStatus('?idle=3');
    const wrongPin = String((Number(created.pin) + 1) % 1_000_000).padStart(6, '0');
    await page.keyboard.type(`${app.baseUrl}/status?number=${created.number}&pin=${wrongPin}`);
    await page.keyboard.press('Enter');
    const refusal = page.getByTestId('kiosk-status-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'Дело не найдено или PIN неверный. Проверьте номер дела и PIN-код в расписке.',
    );
    // what was typed is forgotten at the start
    await page.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Узнать статус дела' }).click();
    expect(await page.getByTestId('kiosk-status-number').inputValue()).toBe('');
  });
});
