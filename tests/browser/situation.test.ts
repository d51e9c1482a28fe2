import type { Page } from 'playwright-core';
import type { OfficeDetail } from '../../src/shared/network.js';
import { staffClient } from '../support/admin.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

const office = 'lip-kosmonavtov';

/**
 * The queue's time: a Tuesday at noon in Lipetsk (the office is open), running on from there as the test
 * runs; `skip` moves it forward (a visitor's wait passes the target without the test waiting for it).
 */
const noon = Date.parse('2026-12-01T09:00:00Z');
const startedAt = Date.now();
let skipped = 0;
const clock = () => new Date(noon + skipped + (Date.now() - startedAt));

describe('the situational center', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let name: string;
  let operator: Awaited<ReturnType<typeof staffClient>>;

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
    name = (await app.api<OfficeDetail>(`/api/offices/${office}`)).name;
    operator = await staffClient(app.app, app.database, [
      { role: 'operator', scope: { kind: 'offices', offices: [office] } },
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  const issueTicket = async () => {
    const res = await operator.call({
      method: 'POST',
      url: `/api/offices/${office}/tickets`,
      payload: { purpose: 'consult' },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const row = (page: Page) => page.getByTestId('situation-list').locator(`tr[data-office="${office}"]`);

  it('shows an alert, live, once an office’s wait passes 15 minutes; the map marks it', async () => {
    const page = await openSignedIn(app, '/situation', 'analyst');
    await page.getByRole('heading', { level: 1, name: 'Ситуационный центр' }).waitFor();
    await expect
      .poll(() => page.getByTestId('situation-live').textContent())
      .toBe('Обновляется сразу при изменениях');
    // 12:00 at the offices, in their zone
    expect(await page.getByTestId('situation-at').textContent()).toMatch(/Данные на 12:0\d/);
    expect(await page.getByTestId('situation-map').locator('g[data-office]').count()).toBeGreaterThan(100);
    await expect.poll(() => row(page).locator('td').nth(2).textContent()).toBe('0');
    expect(await page.getByTestId('situation-alerts').textContent()).not.toContain('Ожидание');

    // a visitor takes a ticket: the stream brings it to the screen at once
    await issueTicket();
    await expect.poll(() => row(page).locator('td').nth(2).textContent(), { timeout: 8000 }).toBe('1');

    // sixteen minutes later another visitor comes: the screen reads again and the first one's wait is over 15
    skipped = 16 * 60_000;
    await issueTicket();
    const alerts = page.getByTestId('situation-alerts');
    await alerts.getByText('Ожидание 16 мин — дольше нормы в 15 мин').waitFor({ timeout: 8000 });
    expect(await alerts.locator(`li[data-office="${office}"]`).textContent()).toContain(name);
    expect(await row(page).getAttribute('data-state')).toBe('alert');
    expect(await row(page).getByTestId('office-alerts').textContent()).toContain('Ожидание 16 мин');
    const dot = page.getByTestId('situation-map').locator(`g[data-office="${office}"]`);
    expect(await dot.getAttribute('data-state')).toBe('alert');
    // not by colour alone: the «!» mark and the office's name beside the circle
    expect(await dot.locator('text').allTextContents()).toEqual(['!', name]);

    // the list in order of the number waiting: this office first
    await page.getByTestId('situation-list').getByRole('button', { name: 'Ждут', exact: true }).click();
    await page.waitForURL(/sort=waiting/);
    expect(
      await page.getByTestId('situation-list').locator('tbody tr').first().getAttribute('data-office'),
    ).toBe(office);
    // picking the office shows its figures beside the map
    await dot.locator('circle').first().click();
    const detail = page.getByTestId('situation-detail');
    await detail.getByRole('heading', { name }).waitFor();
    expect(await detail.textContent()).toContain('Ожидание 16 мин');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'situation');
  });

  it('shows an office head only their office', async () => {
    const page = await openSignedIn(app, '/situation', 'office_head');
    await page.getByTestId('situation-list').waitFor();
    const offices = await page
      .getByTestId('situation-list')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-office')));
    expect(offices).toEqual([office]);
    await expectNoSeriousA11yViolations(page);
  });
});
