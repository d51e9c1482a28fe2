import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { StaffTicket } from '../../src/shared/queue.js';
import { ratingCriteria } from '../../src/shared/ratings.js';
import { createStaffUser, type SignedIn, signIn } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

const office = 'lip-kosmonavtov';
const officeName = 'МФЦ г. Липецка — отдел на ул. Космонавтов';
const complaint = 'Ждала почти час, из пяти окон работали два.';
const outcome = 'Связались с заявительницей, извинились; в часы пик открываем все окна.';

/**
 * The time of the visits: a Tuesday at noon in Lipetsk (the office is open), running on from there — the
 * follow-up opens on 1 December 2026 and is due on 31 December.
 */
const noon = Date.parse('2026-12-01T09:00:00Z');
const startedAt = Date.now();
/** Moved forward by a test to see a follow-up past its due date. */
let shift = 0;
const clock = () => new Date(noon + shift + (Date.now() - startedAt));

/** Waits for what the page shows, longer than vitest's 1 s: the staff chunk and a sign-in take seconds. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('quality: an office head follows up a low rating, the ratings export as CSV', {
  timeout: 240_000,
}, () => {
  let app: BrowserApp;
  let operator: SignedIn;
  let serviceTitle: string;

  async function call(session: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) {
    const res = await app.app.inject({ method, url, headers: session.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** A visit served to its end at window 1, rated through the token its public page carries. */
  async function rateVisit(scores: Record<string, number>, comment?: string) {
    const issued = await call(operator, 'POST', `/api/offices/${office}/tickets`, {
      service: 'egrn-extract',
    });
    const { ticket } = (await call(operator, 'POST', `/api/offices/${office}/windows/1/call-next`)) as {
      ticket: StaffTicket;
    };
    await call(operator, 'POST', `/api/tickets/${ticket.id}/start`);
    await call(operator, 'POST', `/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' });
    const page = await app.app.inject({ method: 'GET', url: `/api/tickets/${issued.track}` });
    const token = (page.json() as { ratingToken: string | null }).ratingToken;
    expect(token).toEqual(expect.any(String));
    const rated = await app.app.inject({
      method: 'POST',
      url: `/api/ratings/${token}`,
      payload: { scores, ...(comment ? { comment } : {}) },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    return rated.json() as { followUp: boolean };
  }

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
    serviceTitle = (await app.api<{ title: string }>('/api/services/egrn-extract')).title;
    operator = await signIn(app.app, 'operator', 'demo');
    await call(operator, 'POST', `/api/offices/${office}/windows/1/open`);
    const low = await rateVisit({ time: 4, waiting: 2, staff: 5, comfort: 4, information: 3 }, complaint);
    expect(low.followUp).toBe(true);
    const fine = await rateVisit({ time: 5, waiting: 5, staff: 5, comfort: 5, information: 5 });
    expect(fine.followUp).toBe(false);
    await call(operator, 'POST', `/api/offices/${office}/windows/1/close`);
  });
  afterAll(async () => {
    await app?.close();
  });

  const followUps = (page: Page) => page.getByTestId('follow-ups').getByTestId('follow-up');

  it('shows the follow-up to another office’s head not at all, and to an operator not even the screen', async () => {
    const stranger = await createStaffUser(app.database, {
      grants: [{ role: 'office_head', scope: { kind: 'offices', offices: ['elets-oktyabrskaya'] } }],
    });
    const page = await openSignedIn(app, '/quality', stranger.login, stranger.password);
    await page.getByRole('heading', { level: 1, name: 'Качество обслуживания' }).waitFor();
    await page.getByText('Открытых обращений нет.').waitFor();
    expect(await page.getByTestId('follow-up').count()).toBe(0);
    await page.context().close();

    const operatorPage = await openSignedIn(app, '/quality', 'operator');
    await operatorPage.getByTestId('access-denied').waitFor();
    await operatorPage.goto(`${app.baseUrl}/admin`);
    await operatorPage.getByRole('heading', { level: 1 }).waitFor();
    expect(await operatorPage.getByRole('link', { name: 'Качество' }).count()).toBe(0);
    expect(await operatorPage.getByRole('link', { name: 'Качество обслуживания' }).count()).toBe(0);
    await operatorPage.context().close();
  });

  it('lists the low rating as an open follow-up for the office head, who records the outcome and closes it', async () => {
    const page = await openSignedIn(app, '/admin', 'office_head');
    await page.getByRole('link', { name: 'Качество обслуживания' }).click();
    await page.waitForURL((url) => url.pathname === '/quality');
    await page.getByRole('heading', { level: 1, name: 'Качество обслуживания' }).waitFor();
    await poll(() => followUps(page).count()).toBe(1);
    const card = followUps(page).first();
    const text = await card.textContent();
    expect(text).toContain(officeName);
    expect(text).toContain(serviceTitle);
    expect(await card.getByTestId('fu-comment').textContent()).toBe(complaint);
    const scores = await card.getByTestId('fu-scores').locator('li').allTextContents();
    expect(scores).toEqual([
      'Время предоставления услуги: 4 — хорошо',
      'Время ожидания в очереди: 2 — плохо низкая оценка',
      'Вежливость и компетентность сотрудника: 5 — отлично',
      'Комфортность условий в помещении: 4 — хорошо',
      'Доступность информации о порядке предоставления услуги: 3 — нормально',
    ]);
    expect(await card.getByTestId('fu-opened').textContent()).toBe('1 декабря 2026 г.');
    expect(await card.getByTestId('fu-due').textContent()).toBe('31 декабря 2026 г.');
    expect(text).not.toContain('Просрочено');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'quality-follow-ups');

    // a month on, unanswered: overdue, in words, and in the «Просроченные» tab
    shift = 31 * 86_400_000;
    await page.getByTestId('fu-tab-overdue').click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'overdue');
    await poll(() => followUps(page).count()).toBe(1);
    expect(await followUps(page).first().textContent()).toContain(
      'Просрочено: срок ответа истёк 31 декабря 2026 г.',
    );
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'quality-overdue');
    shift = 0;
    await page.getByTestId('fu-tab-open').click();
    await page.waitForURL((url) => !url.searchParams.has('status'));
    await poll(() => followUps(page).first().textContent()).not.toContain('Просрочено');

    // an outcome is needed first
    await card.getByRole('button', { name: 'Записать результат и закрыть' }).click();
    await poll(() => card.locator('.field-error').count()).toBe(1);
    await card.getByLabel('Результат рассмотрения').fill(outcome);
    await card.getByRole('button', { name: 'Записать результат и закрыть' }).click();
    await page.getByText('Обращение закрыто, результат записан.').waitFor();
    await page.getByText('Открытых обращений нет.').waitFor();

    await page.getByTestId('fu-tab-closed').click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'closed');
    await poll(() => followUps(page).count()).toBe(1);
    const closed = followUps(page).first();
    expect(await closed.getByTestId('fu-outcome').textContent()).toBe(outcome);
    expect(await closed.textContent()).toContain('закрыто');
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it('lists the ratings with filters and downloads them as CSV with the criteria as columns', async () => {
    const page = await openSignedIn(app, '/quality/ratings', 'analyst');
    await page.getByRole('heading', { level: 1, name: 'Качество обслуживания' }).waitFor();
    const rows = page.getByTestId('ratings').locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    // newest first: the fine one, then the complaint with its closed follow-up
    expect(await rows.nth(0).textContent()).toContain('5 — отлично');
    expect(await rows.nth(1).textContent()).toContain('2 — плохо');
    expect(await rows.nth(1).textContent()).toContain(complaint);
    expect(await rows.nth(1).textContent()).toContain('закрыто');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'quality-ratings');

    const filters = page.getByTestId('ratings-filters');
    await filters.getByLabel('Офис').selectOption({ label: officeName });
    await filters.getByLabel('Только с низкой оценкой (ниже «нормально»)').check();
    await filters.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL((url) => url.searchParams.get('low') === 'true');
    expect(new URL(page.url()).searchParams.get('office')).toBe(office);
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(complaint);

    const link = page.getByTestId('ratings-csv');
    const href = (await link.getAttribute('href')) ?? '';
    const query = new URL(href, app.baseUrl).searchParams;
    expect(Object.fromEntries(query)).toEqual({ office, low: 'true', format: 'csv' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split(/\r?\n/);
    // the criteria as columns, side by side in the official order
    const header = lines[0].split(',');
    const first = header.indexOf('time');
    expect(first).toBeGreaterThan(0);
    expect(header.slice(first, first + ratingCriteria.length)).toEqual([...ratingCriteria]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(complaint);
    await page.context().close();
  });
});
