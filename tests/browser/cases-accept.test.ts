import type { Page } from 'playwright-core';
import type { ServiceCard } from '../../src/shared/catalog.js';
import type { IssuedTicket, StaffTicket } from '../../src/shared/queue.js';
import { type SignedIn, signIn } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn, staffPage } from './admin-helpers.js';

const office = 'lip-kosmonavtov';
const service = 'egrn-extract';

/**
 * A Tuesday at noon in Lipetsk (the office is open, tickets can be issued), running on from there: the
 * case's due date and the trail's times do not depend on the hour the test runs at.
 */
const noon = Date.parse('2026-12-01T09:00:00Z');
const startedAt = Date.now();
/** Days the clock was moved on by a test (a suspension that lasts). */
let daysLater = 0;
const clock = () => new Date(noon + daysLater * 86_400_000 + (Date.now() - startedAt));

/** A screen that changes after a request: given a busy machine's time, not the default second. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('cases: acceptance at the window and the case page', { timeout: 240_000 }, () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
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

  /** The stage the case page shows as current: the header's and the timeline's must agree. */
  async function expectStage(page: Page, title: string) {
    await poll(() => page.getByTestId('case-stage').textContent()).toBe(title);
    const current = page.getByTestId('case-timeline').locator('[aria-current="step"]');
    await poll(() => current.locator('.case-step-title').textContent()).toBe(title);
  }

  it('accepts an application from the served ticket, prints the receipt, moves the case to ready and issues the result', async () => {
    // a visitor for the ЕГРН extract, called and being served at window 1
    const operator = await signIn(app.app, 'operator', 'demo');
    await post(operator, `/api/offices/${office}/windows/1/open`);
    const issued = await post<IssuedTicket>(operator, `/api/offices/${office}/tickets`, { service });
    const called = await post<{ ticket: StaffTicket | null }>(
      operator,
      `/api/offices/${office}/windows/1/call-next`,
    );
    expect(called.ticket?.id).toBe(issued.id);
    await post(operator, `/api/tickets/${issued.id}/start`);

    const page = await openSignedIn(app, '/operator', 'operator');
    const current = page.getByTestId('current-ticket');
    await current.getByTestId('current-status').waitFor();
    await poll(() => current.getByTestId('current-status').textContent()).toBe('на приёме');
    await current.getByRole('link', { name: 'Принять заявление' }).click();

    // the form, from the ticket: its office and service
    await page.waitForURL(
      (url) => url.pathname === '/cases/new' && url.searchParams.get('ticket') === issued.id,
    );
    await page.getByRole('heading', { level: 1, name: 'Приём заявления' }).waitFor();
    await page.getByTestId('accept-ticket').waitFor();
    expect(await page.getByTestId('accept-ticket').textContent()).toContain(issued.number);
    const form = page.getByTestId('accept-form');
    await form.waitFor();
    expect(await page.getByTestId('accept-service').inputValue()).toBe(service);
    const card = await app.api<ServiceCard>(`/api/services/${service}`);
    await form.getByRole('heading', { level: 2, name: card.title }).waitFor();

    await form.getByLabel('Фамилия').fill('Иванова');
    await form.getByLabel('Имя', { exact: true }).fill('Мария');
    await form.getByLabel('Отчество (если есть)').fill('Петровна');
    await form.getByLabel('Серия').fill('42 05');
    await form.getByLabel('Номер', { exact: true }).fill('123456');
    await form.getByLabel(/^СНИЛС/).fill('112-233-445 96');
    await form.getByLabel('Телефон').fill('+7 910 555-12-34');
    await form.getByLabel('Согласен получать SMS о ходе дела').check();
    const documents = form.getByTestId('accept-document');
    expect(await documents.count()).toBe(card.documents.length);
    await form.getByTestId('accept-missing').waitFor();
    await documents.nth(0).getByRole('checkbox').check();
    await documents.nth(0).getByLabel('Листов').fill('2');
    await documents.nth(1).getByRole('checkbox').check();
    await documents.nth(1).getByLabel('Форма').selectOption('copy');
    await poll(() => form.getByTestId('accept-missing').count()).toBe(0);
    await form.getByLabel('Госпошлина оплачена').check();

    // a wrong СНИЛС: said on its field, nothing sent
    await form.getByTestId('accept-submit').click();
    const snils = form.getByLabel(/^СНИЛС/);
    await poll(() => snils.getAttribute('aria-invalid')).toBe('true');
    const snilsError = page.locator(`#${await snils.getAttribute('id')}-error`);
    expect(await snilsError.textContent()).toBe('СНИЛС не проходит проверку контрольного числа');
    await page.getByTestId('accept-errors').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'cases-accept-form');
    expect(await page.getByTestId('accept-done').count()).toBe(0);

    await snils.fill('112-233-445 95');
    await form.getByTestId('accept-submit').click();

    // accepted: the number, the PIN (once), the due date — 3 working days after Tuesday 1 December
    const done = page.getByTestId('accept-done');
    await done.waitFor();
    const number = (await done.getByTestId('case-number').textContent()) ?? '';
    expect(number).toMatch(/^48-2026-\d{7}$/);
    expect(await done.getByTestId('case-pin').textContent()).toMatch(/^\d{6}$/);
    expect(await done.getByTestId('case-due').textContent()).toContain('4 декабря');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'cases-accept-done');

    // the receipt: a PDF, opened with the staff session
    const receipt = await done.getByTestId('case-receipt').getAttribute('href');
    expect(receipt).toMatch(/^\/api\/cases\/[0-9a-f-]{36}\/receipt\.pdf$/);
    const pdf = await page.request.get(`${app.baseUrl}${receipt}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // the ticket was finished with the case
    await done.getByTestId('case-open').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    await page.getByRole('heading', { level: 1, name: `Дело ${number}` }).waitFor();
    await expectStage(page, 'Приём документов');
    expect(await page.getByTestId('case-due').textContent()).toContain('4 декабря');
    const docs = page.getByTestId('case-document');
    expect(await docs.count()).toBe(2);
    expect(await docs.nth(1).textContent()).toContain('копия');
    // the applicant is masked: the passport's number never on the page
    const applicant = page.getByTestId('case-applicant');
    expect(await applicant.textContent()).toContain('Иванова М. П.');
    expect(await page.locator('main').textContent()).not.toContain('123456');
    const trail = page.getByTestId('case-trail');
    await trail.locator('[data-kind="accepted"]').waitFor();
    await expectNoSeriousA11yViolations(page);

    // a refusal needs a reason: asked for before anything is sent
    const moves = page.getByTestId('case-moves');
    await moves.getByRole('button', { name: 'Перевести: Отказ в предоставлении услуги' }).click();
    await moves.getByText('Укажите причину отказа в комментарии.').waitFor();

    // along the route, each stage seen
    for (const [title, comment] of [
      ['Передача в ведомство', 'Передано курьером'],
      ['Рассмотрение заявления', ''],
      ['Результат в МФЦ', ''],
    ]) {
      if (comment) await moves.getByLabel('Комментарий').fill(comment);
      await moves.getByRole('button', { name: `Перевести: ${title}` }).click();
      await poll(() => page.getByTestId('case-said').textContent()).toBe(`Дело переведено: ${title}`);
      await expectStage(page, title);
    }
    await trail.getByText('комментарий: Передано курьером').waitFor();

    // the result: only once the identity document was checked
    await page.getByTestId('case-issue-open').click();
    const issue = page.getByTestId('case-issue-form');
    await issue.getByTestId('case-issue-submit').click();
    await issue.getByText('Сначала проверьте документ, удостоверяющий личность.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await issue.getByLabel('Документ, удостоверяющий личность, проверен').check();
    await issue.getByLabel('Заявитель', { exact: true }).check();
    await issue.getByTestId('case-issue-submit').click();
    await expectStage(page, 'Выдача результата');
    await page.getByText('Дело завершено').waitFor();
    expect(await page.getByTestId('case-moves').count()).toBe(0);
    await trail.locator('[data-kind="issued"]').waitFor();
    expect(await trail.locator('[data-kind="transition"]').count()).toBe(3);
    expect(await trail.locator('[data-kind="issued"]').textContent()).toContain('получил: Заявитель');

    // the full applicant, on request: the view is in the trail
    await applicant.getByTestId('case-applicant-show').click();
    await expect
      .poll(() => applicant.getByTestId('case-applicant-full').textContent())
      .toContain('42 05 123456');
    await trail.locator('[data-kind="personal_data_viewed"]').waitFor();
    await screenshot(page, 'cases-page-issued');

    // the page on a phone: nothing wider than the screen
    const small = await staffPage(app);
    await small.setViewportSize(phone);
    await small.context().addCookies(await page.context().cookies());
    await small.goto(caseUrl);
    await small.getByRole('heading', { level: 1, name: `Дело ${number}` }).waitFor();
    await small.getByTestId('case-trail').locator('[data-kind="issued"]').waitFor();
    expect(await hasNoHorizontalScroll(small)).toBe(true);
    await expectNoSeriousA11yViolations(small);
    await screenshot(small, 'cases-page-phone');
  });

  it('accepts a business in the back office without a ticket, pauses the deadline for the applicant, adds and replaces a document with its scan', async () => {
    const detail = await app.api<{ name: string }>(`/api/offices/${office}`);
    const page = await openSignedIn(app, '/cases/new', 'backoffice');
    await page.setViewportSize(phone);
    await page.getByRole('heading', { level: 1, name: 'Приём заявления' }).waitFor();
    await page.getByLabel('Офис').selectOption({ label: detail.name });
    await page.getByTestId('accept-service').selectOption(service);
    const form = page.getByTestId('accept-form');
    await form.waitFor();
    expect(await form.getByLabel('Способ обращения').inputValue()).toBe('backoffice');
    await form.getByLabel('Организация или ИП').check();
    await form.getByLabel('Наименование организации или ИП').fill('ООО «Ромашка»');
    const inn = form.getByLabel('ИНН', { exact: true });
    await inn.fill('7707083894');
    await form.getByTestId('accept-document').nth(0).getByRole('checkbox').check();
    await form.getByTestId('accept-submit').click();
    await poll(() => inn.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await inn.getAttribute('id')}-error`).textContent()).toBe(
      'ИНН не проходит проверку контрольных цифр',
    );
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'cases-accept-phone');
    await inn.fill('7707083893');
    await form.getByTestId('accept-submit').click();
    const done = page.getByTestId('accept-done');
    await done.waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await done.getByTestId('case-open').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.setViewportSize({ width: 1280, height: 900 });
    const applicant = page.getByTestId('case-applicant');
    await poll(() => applicant.textContent()).toContain('ООО «Ромашка»');

    // the applicant must bring a power of attorney: the deadline pauses…
    const deadline = page.getByTestId('case-deadline');
    await deadline.getByLabel('Что должен принести заявитель').fill('Нотариальная доверенность');
    await deadline.getByRole('button', { name: 'Приостановить срок' }).click();
    await deadline.getByText('Срок приостановлен', { exact: true }).waitFor();
    await expect
      .poll(() => page.getByTestId('case-due').textContent())
      .toContain('срок приостановлен с 1 декабря');
    expect(await deadline.getByTestId('case-suspensions').textContent()).toContain(
      'Ожидание документов от заявителя: Нотариальная доверенность — с 1 декабря, продолжается',
    );
    await expectNoSeriousA11yViolations(page);
    // …and two days later it resumes: the due date moves, and the page says why
    daysLater = 2;
    await deadline.getByTestId('case-suspension-end').click();
    await deadline.getByText('Срок возобновлён', { exact: true }).waitFor();
    const changes = deadline.getByTestId('case-deadline-changes');
    await expect
      .poll(() => changes.textContent())
      .toMatch(
        /^\+2 рабочих дня: Нотариальная доверенность 1 декабря–3 декабря\. Срок: 4 декабря → 8 декабря$/,
      );
    expect(await page.getByTestId('case-due').textContent()).toContain('8 декабря');
    await page.getByTestId('case-trail').locator('[data-kind="resumed"]').waitFor();
    await screenshot(page, 'cases-page-deadline');

    // a document with its scan, then its replacement: the old one stays, marked
    const docs = page.getByTestId('case-documents');
    await docs.getByTestId('case-doc-add').click();
    const add = docs.getByTestId('case-doc-form');
    await add.getByLabel('Документ', { exact: true }).fill('Доверенность');
    await add.getByLabel('Форма').selectOption('copy');
    await add.getByLabel('Листов').fill('1');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    await add
      .getByLabel(/^Скан/)
      .setInputFiles({ name: 'power.pdf', mimeType: 'application/pdf', buffer: pdf });
    await add.getByTestId('case-doc-submit').click();
    await docs.getByText('Документ добавлен').waitFor();
    const rows = docs.getByTestId('case-document');
    await poll(() => rows.count()).toBe(2);
    const scanLink = rows.nth(1).getByRole('link', { name: 'Открыть скан' });
    const scan = await page.request.get(`${app.baseUrl}${await scanLink.getAttribute('href')}`);
    expect(scan.status()).toBe(200);
    expect(scan.headers()['content-type']).toContain('application/pdf');
    expect(Buffer.from(await scan.body()).equals(pdf)).toBe(true);

    await rows.nth(1).getByRole('button', { name: 'Заменить: Доверенность' }).click();
    const replace = docs.getByTestId('case-doc-form');
    expect(await replace.getByLabel('Документ', { exact: true }).inputValue()).toBe('Доверенность');
    await replace.getByLabel('Форма').selectOption('original');
    await replace.getByTestId('case-doc-submit').click();
    await docs.getByText('Документ добавлен').waitFor();
    await poll(() => rows.count()).toBe(3);
    await docs.getByTestId('case-document-replaced').waitFor();
    expect(await docs.getByTestId('case-document-replaced').textContent()).toContain('заменён 3 декабря');
    expect(await docs.getByText('замена').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // the trail: the scan's view and the replacement, in words
    await page.reload();
    const trail = page.getByTestId('case-trail');
    await trail.locator('[data-kind="scan_viewed"]').waitFor();
    expect(await trail.locator('[data-kind="scan_viewed"]').textContent()).toContain(
      'документ: Доверенность',
    );
    expect(await trail.locator('[data-kind="document_replaced"]').textContent()).toContain(
      'вместо: Доверенность; документ: Доверенность, оригинал, 1 лист',
    );
    await screenshot(page, 'cases-page-documents');
  });
});
