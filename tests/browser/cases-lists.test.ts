import type { CaseCreated } from '../../src/shared/cases.js';
import { type SignedIn, signIn } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

const office = 'lip-kosmonavtov';
const officeName = 'МФЦ г. Липецка — отдел на ул. Космонавтов';
const agencyName = 'ППК «Роскадастр»';

/**
 * The cases' time, pinned and moved by the test: a case accepted on Tuesday 1 December 2026 (an EGRN
 * extract: 3 working days, due Friday 4 December), then «today» is Tuesday 8 December — that case is
 * overdue and was not handed to the agency by the working day after acceptance; a second one accepted
 * that day is neither.
 */
const firstDay = Date.parse('2026-12-01T09:00:00Z');
const weekLater = Date.parse('2026-12-08T09:00:00Z');
let pinned = firstDay;
const startedAt = Date.now();
const clock = () => new Date(pinned + (Date.now() - startedAt));

/** Waits for what the page shows, longer than vitest's 1 s: the staff chunk and a sign-in take seconds. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

const person = (lastName: string, phone: string) => ({
  kind: 'person',
  lastName,
  firstName: 'Анна',
  middleName: 'Игоревна',
  phone,
  consent: { sms: false, email: false },
});

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('the cases’ lists: search, work lists and a transfer register', { timeout: 240_000 }, () => {
  let app: BrowserApp;
  let backoffice: SignedIn;
  let late: CaseCreated;
  let fresh: CaseCreated;

  async function accept(lastName: string, phone: string): Promise<CaseCreated> {
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: backoffice.headers,
      payload: {
        office,
        service: 'egrn-extract',
        applicant: person(lastName, phone),
        documents: [{ name: 'Запрос о предоставлении сведений из ЕГРН', form: 'original', pages: 1 }],
        channel: 'backoffice',
      },
    });
    if (res.statusCode !== 201) throw new Error(`POST /api/cases: ${res.statusCode} ${res.body}`);
    return res.json() as CaseCreated;
  }

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
    backoffice = await signIn(app.app, 'backoffice', 'demo');
    pinned = firstDay;
    late = await accept('Журавлёва', '+7 910 111-22-33');
    pinned = weekLater;
    fresh = await accept('Белозёрова', '+7 910 444-55-66');
    expect(late.dueDate).toBe('2026-12-04');
  });
  afterAll(async () => {
    await app?.close();
  });

  const results = (page: import('playwright-core').Page) => page.getByTestId('case-results');

  it('finds a case by a pasted number and by the applicant’s surname, and lists the overdue and the ones to send', async () => {
    const page = await openSignedIn(app, '/cases', 'backoffice');
    await page.getByRole('heading', { level: 1, name: 'Дела' }).waitFor();
    await results(page).getByRole('link', { name: fresh.number }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // the number as printed on the receipt, with «№» and spaces
    const form = page.getByTestId('case-search');
    await form.getByLabel('Номер дела').fill(`№ ${late.number.replaceAll('-', ' ')}`);
    await form.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL((url) => url.searchParams.get('number') === late.number);
    await poll(() => results(page).locator('tbody tr').count()).toBe(1);
    const row = results(page).locator('tbody tr').first();
    expect(await row.getByRole('link').getAttribute('href')).toBe(`/cases/${late.id}`);
    expect(await row.textContent()).toContain('Журавлёва А. И.');
    expect(await row.textContent()).not.toContain('111-22');
    expect(await row.textContent()).toContain('просрочено');
    expect(await row.textContent()).toContain('не передано в срок');

    // a mistyped number is refused here, before asking the server
    await form.getByLabel('Номер дела').fill('48-2026');
    await form.getByRole('button', { name: 'Найти' }).click();
    await page.getByTestId('case-search-errors').getByText('Номер дела выглядит так').waitFor();
    await expectNoSeriousA11yViolations(page);

    // by surname: the other case only
    await form.getByLabel('Номер дела').fill('');
    await form.getByLabel('Заявитель').fill('Белозёрова');
    await form.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL((url) => url.searchParams.get('applicant') === 'Белозёрова');
    await poll(() => results(page).locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining(fresh.number),
    ]);
    // the search is in the address: a reload shows the same
    await page.reload();
    await poll(() => results(page).locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining(fresh.number),
    ]);
    expect(await page.getByTestId('case-search').getByLabel('Заявитель').inputValue()).toBe('Белозёрова');

    // the overdue list: the case accepted a week ago, not today's
    await page.getByTestId('case-search').getByRole('button', { name: 'Сбросить' }).click();
    await page.getByTestId('case-tab-overdue').click();
    await page.waitForURL((url) => url.searchParams.get('list') === 'overdue');
    await poll(() => page.getByTestId('case-tab-overdue').getAttribute('aria-current')).toBe('page');
    await poll(() => results(page).locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining(late.number),
    ]);
    expect(await page.getByTestId('case-tab-overdue').textContent()).toBe('Просрочены 1');
    expect(await page.getByTestId('case-tab-to_send').textContent()).toBe('К отправке 2');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'cases-overdue');

    // to send: both, the late one marked
    await page.getByTestId('case-tab-to_send').click();
    await poll(() => results(page).locator('tbody tr').count()).toBe(2);
    const sendRows = await results(page).locator('tbody tr').allTextContents();
    expect(sendRows.find((r) => r.includes(late.number))).toContain('не передано в срок');
    expect(sendRows.find((r) => r.includes(fresh.number))).not.toContain('не передано в срок');
  });

  it('builds a transfer register with the late case flagged, prints it and hands it to the courier', async () => {
    const page = await openSignedIn(app, '/cases/registers', 'backoffice');
    await page.getByRole('heading', { level: 1, name: 'Реестры' }).waitFor();
    const build = page.getByTestId('register-build');
    await build.getByLabel('Офис').selectOption({ label: officeName });
    await build.getByLabel('Ведомство').selectOption({ label: agencyName });
    expect(await build.getByLabel('Вид реестра').inputValue()).toBe('transfer');
    const candidates = build.getByTestId('register-candidates');
    await poll(() => candidates.locator('tbody tr').count()).toBe(2);
    expect(await build.getByTestId('candidate-count').textContent()).toBe(
      '2 дела для реестра · 1 с просроченной передачей',
    );
    const rows = await candidates.locator('tbody tr').allTextContents();
    expect(rows.find((r) => r.includes(late.number))).toContain('передача просрочена');
    expect(rows.find((r) => r.includes(fresh.number))).not.toContain('передача просрочена');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'cases-register-build');

    await build.getByRole('button', { name: 'Сформировать реестр (2 дела)' }).click();
    await page.waitForURL(/\/cases\/registers\/[0-9a-f-]{36}$/);
    const registerId = page.url().split('/').at(-1) as string;
    await page.getByRole('heading', { level: 1, name: /^Реестр / }).waitFor();
    expect(await page.getByTestId('register-status').textContent()).toBe('Сформирован');
    const items = page.getByTestId('register-items');
    await poll(() => items.locator('tbody tr').count()).toBe(2);
    const lateRow = items.locator('tbody tr', { hasText: late.number });
    expect(await lateRow.textContent()).toContain('передача просрочена');
    await expectNoSeriousA11yViolations(page);

    // «Печать» opens the register's PDF
    const print = page.getByTestId('register-print');
    expect(await print.getAttribute('href')).toBe(`/api/registers/${registerId}/pdf`);
    const pdf = await page.request.get(`${app.baseUrl}/api/registers/${registerId}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // handed to the courier: a name is needed first
    await page.getByRole('button', { name: 'Передан курьеру' }).click();
    await page.getByText('Заполните это поле.').waitFor();
    await page.getByLabel('Курьер (ФИО или служба доставки)').fill('Сидоров П. П.');
    await page.getByRole('button', { name: 'Передан курьеру' }).click();
    await page.getByTestId('register-said').getByText('Передача курьеру отмечена.').waitFor();
    await poll(() => page.getByTestId('register-status').textContent()).toBe('Передан курьеру');
    expect(await page.getByTestId('register-courier').textContent()).toContain('курьер Сидоров П. П.');
    // both cases went to the agency: nothing is left to send
    await poll(() => items.locator('tbody tr', { hasText: 'Передача в ведомство' }).count()).toBe(2);

    // accepted by the agency
    await page.getByLabel('Кто принял (ФИО, должность)').fill('Петрова Е. В., специалист');
    await page.getByRole('button', { name: 'Принят ведомством' }).click();
    await page.getByTestId('register-said').getByText('Приёмка отмечена.').waitFor();
    await poll(() => page.getByTestId('register-status').textContent()).toBe('Принят');
    expect(await page.getByTestId('register-accepted').textContent()).toContain('Петрова Е. В., специалист');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'cases-register');

    // the register is listed with its status; the lists have nothing to send now
    await page.getByRole('link', { name: 'Реестры', exact: true }).first().click();
    const listed = page.getByTestId('registers').locator('tbody tr').first();
    await poll(() => listed.textContent()).toContain('Принят');
    await page.goto(`${app.baseUrl}/cases?list=to_send`);
    await page.getByText('Дел не найдено.').waitFor();
  });

  it('asks an agency from the case page, then lists the request with its state', async () => {
    const page = await openSignedIn(app, `/cases/${fresh.id}`, 'backoffice');
    const panel = page.getByTestId('case-requests');
    await panel.getByText('Запросов по делу нет.').waitFor();
    const form = panel.getByRole('form', { name: 'Новый запрос' });
    await form.getByRole('button', { name: 'Отправить запрос' }).click();
    await form.getByText('Напишите, что запрашиваем.').waitFor();
    await form.getByLabel('Что запрашиваем').fill('Сведения о зарегистрированных правах на объект');
    await form.getByRole('button', { name: 'Отправить запрос' }).click();
    await form.getByText('Запрос создан, срок дела приостановлен до ответа.').waitFor();
    const item = panel.locator('li', { hasText: 'Сведения о зарегистрированных правах на объект' });
    await item.waitFor();
    expect(await item.textContent()).toContain('ППК «Роскадастр»');
    expect(await item.textContent()).toContain('Ожидает отправки');
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${app.baseUrl}/cases/requests`);
    await page.getByRole('heading', { level: 1, name: 'Межведомственные запросы' }).waitFor();
    const row = page.getByTestId('requests').locator('tbody tr', { hasText: fresh.number });
    await row.waitFor();
    expect(await row.textContent()).toContain('Сведения о зарегистрированных правах на объект');
    expect(await row.textContent()).toContain('Ожидает отправки');
    expect(await row.getByRole('link', { name: fresh.number }).getAttribute('href')).toBe(
      `/cases/${fresh.id}`,
    );
    await expectNoSeriousA11yViolations(page);
    // only the overdue ones: this one is not (it may go out until the next working day)
    // a click, not check(): the box follows the address, which changes just after the click
    await page.getByLabel('Только просроченные').click();
    await page.waitForURL((url) => url.searchParams.get('overdue') === 'true');
    await poll(() => page.getByLabel('Только просроченные').isChecked()).toBe(true);
    await page.getByText('Запросов нет.').waitFor();
    // the case waits for the answer: it is on the suspended list
    await page.goto(`${app.baseUrl}/cases?list=suspended`);
    await poll(() => results(page).locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining(fresh.number),
    ]);

    // the answer came on paper: typed in, the case runs again
    await page.goto(`${app.baseUrl}/cases/${fresh.id}`);
    const asked = page
      .getByTestId('case-requests')
      .locator('li', { hasText: 'Сведения о зарегистрированных правах на объект' });
    await asked.getByText('Внести ответ').click();
    await asked
      .getByLabel('Текст ответа ведомства')
      .fill('Права зарегистрированы 12.03.2019, № 48:20:0000000:1-48/001/2019-1');
    await asked.getByRole('button', { name: 'Сохранить ответ' }).click();
    await poll(() => asked.textContent()).toContain('Получен ответ');
    expect(await asked.textContent()).toContain('№ 48:20:0000000:1-48/001/2019-1');
    expect(await asked.getByText('Внести ответ').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${app.baseUrl}/cases?list=suspended`);
    await page.getByText('Дел не найдено.').waitFor();
  });
});
