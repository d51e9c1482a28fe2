import type { Page } from 'playwright-core';
import { updateTicket } from '../../src/server/modules/queue/tickets.repository.js';
import type { OfficeDetail } from '../../src/shared/network.js';
import type { IssuedTicket, MyWindow, OfficeOverview, StaffTicket } from '../../src/shared/queue.js';
import { type SignedIn, signIn } from '../support/auth.js';
import { type BrowserApp, expectNoSeriousA11yViolations, startBrowserApp } from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

const office = 'lip-kosmonavtov';
const ticketNumber = /[А-ЯЁA-Z]-\d{3}/;

/**
 * The queue's time: a Tuesday at noon in Lipetsk (the office is open, far from closing), running on from
 * there as the test runs — tickets can only be issued while an office is open, and the test must not
 * depend on the hour it runs at.
 */
const noon = Date.parse('2026-12-01T09:00:00Z');
const startedAt = Date.now();
const clock = () => new Date(noon + (Date.now() - startedAt));

/** The operator's console and the office head's screen, on the demo office. */
// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('the queue: the operator’s console and the office head’s screen', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let detail: OfficeDetail;

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
    detail = await app.api<OfficeDetail>(`/api/offices/${office}`);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function post<T>(session: SignedIn, url: string, payload: unknown = {}): Promise<T> {
    const res = await app.app.inject({
      method: 'POST',
      url,
      headers: session.headers,
      payload: payload as object,
    });
    if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  async function get<T>(session: SignedIn, url: string): Promise<T> {
    const res = await app.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }

  /** Issues a ticket through «Выдать талон» (a purpose, or a service found by a word) and returns its number. */
  async function issueThroughForm(page: Page, choice: { purpose: string } | { service: string }) {
    const form = page.getByTestId('issue-ticket');
    if ('purpose' in choice) await form.getByLabel('Цель визита').selectOption({ label: choice.purpose });
    else {
      await form.getByLabel('Найти услугу').fill(choice.service.split(' ')[0]);
      await form.getByLabel('Услуга', { exact: true }).selectOption({ label: choice.service });
    }
    await form.getByRole('button', { name: 'Выдать талон' }).click();
    const issued = form.getByTestId('issued-ticket');
    await issued.waitFor();
    const number = ticketNumber.exec((await issued.textContent()) ?? '')?.[0];
    expect(number).toBeDefined();
    return number as string;
  }

  async function callNext(page: Page, number: string) {
    const current = page.getByTestId('current-ticket');
    await current.getByRole('button', { name: 'Вызвать следующего' }).click();
    await expect.poll(() => current.getByTestId('current-number').textContent()).toContain(number);
    await expect.poll(() => page.getByTestId('op-said').textContent()).toBe(`Вызван талон ${number}`);
  }

  it('takes a window, issues a ticket for a visitor, calls, serves and finishes it; postpones and redirects others', async () => {
    const page = await openSignedIn(app, '/operator', 'operator');
    await page.getByRole('heading', { level: 1, name: 'Окно специалиста' }).waitFor();
    const picker = page.getByTestId('window-picker');
    await picker.getByRole('heading', { name: 'Окно 1', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await picker.getByRole('button', { name: 'Открыть: Окно 1', exact: true }).click();

    await expect.poll(() => page.getByTestId('op-seat').textContent()).toContain('Окно 1 · ');
    const current = page.getByTestId('current-ticket');
    await current.getByText('Талона у окна нет').waitFor();
    // the operator just opened the window: the console has the focus
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Окно специалиста');

    // nobody waits yet
    await current.getByRole('button', { name: 'Вызвать следующего' }).click();
    await expect.poll(() => page.getByTestId('op-said').textContent()).toContain('Очередь пуста');

    // a visitor who cannot use the kiosk: a service found by a word
    const service = detail.services[0];
    const first = await issueThroughForm(page, { service: service.title });
    const queue = page.getByTestId('window-queue');
    await queue.getByText(first).waitFor();

    await callNext(page, first);
    expect(await current.textContent()).toContain(service.title);
    expect(await current.getByTestId('current-calls').textContent()).toBe('1');
    // «Не явился» waits for enough calls, and says why
    const noShow = current.getByRole('button', { name: 'Не явился' });
    expect(await noShow.isDisabled()).toBe(true);
    await current.getByText(/«Не явился» можно отметить после 2 вызовов: сейчас 1/).waitFor();
    await current.getByRole('button', { name: 'Повторный вызов' }).click();
    await expect.poll(() => current.getByTestId('current-calls').textContent()).toBe('2');
    await expect.poll(() => noShow.isDisabled()).toBe(false);

    await current.getByRole('button', { name: 'Начать приём' }).click();
    await expect.poll(() => current.getByTestId('current-status').textContent()).toBe('на приёме');
    await current.getByRole('button', { name: 'Завершить' }).click();
    const finish = page.getByRole('form', { name: 'Завершить' });
    await finish.getByLabel('Отказ').check();
    await finish.getByRole('button', { name: 'Завершить' }).click();
    await finish.getByText('Укажите причину отказа').waitFor();
    await expectNoSeriousA11yViolations(page);
    await finish.getByLabel('Заявление принято').check();
    await finish.getByRole('button', { name: 'Завершить' }).click();
    await expect.poll(() => page.getByTestId('op-said').textContent()).toBe(`Приём талона ${first} завершён`);
    await current.getByText('Талона у окна нет').waitFor();

    // postponed: back in the queue later, marked so
    const second = await issueThroughForm(page, { purpose: 'Консультация' });
    await callNext(page, second);
    await current.getByRole('button', { name: 'Отложить' }).click();
    const postpone = page.getByRole('form', { name: 'Отложить' });
    expect(await postpone.getByLabel('Вернуть в очередь через, минут').inputValue()).toBe('10');
    await postpone.getByRole('button', { name: 'Отложить' }).click();
    await expect
      .poll(() => page.getByTestId('op-said').textContent())
      .toBe(`Талон ${second} отложен на 10 мин`);
    await queue.getByText(second).waitFor();
    await queue.getByText(/отложен до \d\d:\d\d/).waitFor();

    // redirected to another service: it waits again (this window takes every service) and is served
    const third = await issueThroughForm(page, { purpose: 'Подать документы' });
    await callNext(page, third);
    await current.getByRole('button', { name: 'Перенаправить' }).click();
    const redirect = page.getByRole('form', { name: 'Перенаправить' });
    const target = detail.services[1];
    await redirect.getByLabel('Найти услугу').fill(target.title.split(' ')[0]);
    await redirect.getByLabel('Услуга', { exact: true }).selectOption({ label: target.title });
    await redirect.getByRole('button', { name: 'Перенаправить' }).click();
    await expect.poll(() => page.getByTestId('op-said').textContent()).toBe(`Талон ${third} перенаправлен`);
    await queue.getByText(third).waitFor();
    await callNext(page, third);
    expect(await current.textContent()).toContain(target.title);
    await current.getByRole('button', { name: 'Начать приём' }).click();
    await current.getByRole('button', { name: 'Завершить' }).click();
    await finish.getByLabel('Консультация оказана').check();
    await finish.getByRole('button', { name: 'Завершить' }).click();
    await current.getByText('Талона у окна нет').waitFor();

    // a break with its reason, then back to work
    await current.getByRole('button', { name: 'Перерыв' }).click();
    const pause = page.getByRole('form', { name: 'Перерыв' });
    await pause.getByRole('button', { name: 'Перерыв' }).click();
    await pause.getByText('Обязательное поле').waitFor();
    await pause.getByLabel('Причина перерыва').fill('обед');
    await pause.getByRole('button', { name: 'Перерыв' }).click();
    await expect.poll(() => page.getByTestId('op-seat').textContent()).toContain('Перерыв: обед');
    expect(await current.getByRole('button', { name: 'Вызвать следующего' }).count()).toBe(0);
    await current.getByRole('button', { name: 'Продолжить' }).click();
    await expect.poll(() => page.getByTestId('op-seat').textContent()).toContain('Окно открыто');
    await expectNoSeriousA11yViolations(page);
  });

  it('shows a second operator the window as taken, and says so in words when someone was quicker', async () => {
    const page = await openSignedIn(app, '/operator', 'operator2');
    const picker = page.getByTestId('window-picker');
    const taken = picker
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Окно 1', exact: true }) });
    await taken.getByText('Занято: Кузнецов Андрей Павлович').waitFor();
    expect(await taken.getByRole('button').count()).toBe(0);

    // someone takes window 3 while this page still shows it closed (its overview answered before)
    const quicker = await signIn(app.app, 'operator3', 'demo');
    await post(quicker, `/api/offices/${office}/windows/3/open`);
    await page.route('**/queue/overview', async (route) => {
      const response = await route.fetch();
      const overview = (await response.json()) as OfficeOverview;
      overview.windows = overview.windows.map((w) =>
        w.number === 3 ? { ...w, status: 'closed', operator: null } : w,
      );
      await route.fulfill({ response, json: overview });
    });
    await page.reload();
    await picker.getByRole('button', { name: 'Открыть: Окно 3', exact: true }).click();
    const error = page.getByTestId('open-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Окно занято');
    expect(await error.getAttribute('data-error-code')).toBe('WINDOW_TAKEN');
    await post(quicker, `/api/offices/${office}/windows/3/close`);

    // a free window is taken and given up again
    await page.unrouteAll();
    await picker.getByRole('button', { name: 'Открыть: Окно 2', exact: true }).click();
    await expect.poll(() => page.getByTestId('op-seat').textContent()).toContain('Окно 2 · ');
    await page.getByRole('button', { name: 'Закрыть окно' }).click();
    await page.getByTestId('window-picker').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Окно специалиста');
  });

  it('shows the office head every window’s state, the alert for a long wait, and the waiting tickets, live', async () => {
    const operator = await signIn(app.app, 'operator', 'demo');
    // the operator holds window 1 since the first test; on its own, this test opens it
    const mine = await get<MyWindow>(operator, '/api/staff/queue/my-window');
    if (!mine.window) await post(operator, `/api/offices/${office}/windows/1/open`);
    const served = await post<IssuedTicket>(operator, `/api/offices/${office}/tickets`, {
      purpose: 'consult',
    });
    const called = await post<{ ticket: StaffTicket | null }>(
      operator,
      `/api/offices/${office}/windows/1/call-next`,
    );
    expect(called.ticket?.number).toBe(served.number);
    await post(operator, `/api/tickets/${served.id}/start`);
    // a ticket that has waited 20 minutes
    const old = await post<IssuedTicket>(operator, `/api/offices/${office}/tickets`, { purpose: 'collect' });
    const earlier = new Date(clock().getTime() - 20 * 60_000).toISOString();
    await updateTicket(app.database.db, old.id, { queuedAt: earlier, issuedAt: earlier });

    const page = await openSignedIn(app, `/office/${office}`, 'office_head');
    await page.getByRole('heading', { level: 1, name: `Очередь: ${detail.name}` }).waitFor();
    const windows = page.getByTestId('office-windows');
    await windows
      .getByRole('row', { name: /Окно 1/ })
      .getByText(new RegExp(`Приём талона ${served.number} · \\d+ мин`))
      .waitFor();
    const alerts = page.getByTestId('office-alerts');
    await alerts.getByText(new RegExp(`Талон ${old.number} ждёт (20|21) мин`)).waitFor();
    const waiting = page.getByTestId('office-waiting');
    await waiting.getByRole('row', { name: new RegExp(old.number) }).waitFor();
    expect(await page.getByTestId('office-today').textContent()).toContain('Вызваны в пределах 15 мин');
    await expectNoSeriousA11yViolations(page);

    // live: a ticket issued elsewhere shows without a reload, by the office's event stream (sooner than the
    // 10-second refetch that stands in when the stream is down)
    const fresh = await post<IssuedTicket>(operator, `/api/offices/${office}/tickets`, { purpose: 'submit' });
    await waiting.getByRole('row', { name: new RegExp(fresh.number) }).waitFor({ timeout: 8_000 });

    // the office head's home links the console and the office's queue
    await page.goto(`${app.baseUrl}/admin`);
    const link = page.getByRole('link', { name: 'Очередь офиса' });
    expect(await link.getAttribute('href')).toBe(`/office/${office}`);
    expect(await page.getByRole('link', { name: 'Окно специалиста' }).first().getAttribute('href')).toBe(
      '/operator',
    );
  });
});
