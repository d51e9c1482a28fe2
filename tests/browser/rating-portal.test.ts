import type { Page } from 'playwright-core';
import { rows, sql } from '../../src/server/db/client.js';
import type { IssuedTicket, PublicTicket, StaffTicket } from '../../src/shared/queue.js';
import { staffClient } from '../support/admin.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';

const office = 'lip-teatralnaya';
// Tuesday 1 December 2026, 12:00 in Lipetsk: the office is open.
const now = new Date('2026-12-01T09:00:00Z');

/**
 * Issue 12's rating page, /rate/:token, as the SMS's link opens it on a phone (375 px): the five criteria
 * as large radio buttons, a low score with a comment → the office head will answer; a second visit to the
 * link says it was rated; a token okno does not know says the link is not valid; the ticket page of a
 * finished visit leads here.
 */
describe('rating a visit on the portal', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let operator: Awaited<ReturnType<typeof staffClient>>;
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => now });
    operator = await staffClient(app.app, app.database, [
      { role: 'operator', scope: { kind: 'offices', offices: [office] } },
    ]);
    const open = await operator.call({ method: 'POST', url: `/api/offices/${office}/windows/1/open` });
    expect(open.statusCode, open.body).toBe(200);
  });
  afterAll(() => app?.close());

  const post = (url: string, payload: Record<string, unknown> = {}) =>
    operator.call({ method: 'POST', url, payload });

  async function finishedTicket(): Promise<{ ticket: IssuedTicket; token: string }> {
    const res = await post(`/api/offices/${office}/tickets`, { service: 'egrn-extract' });
    expect(res.statusCode, res.body).toBe(201);
    const ticket: IssuedTicket = res.json();
    const called = await post(`/api/offices/${office}/windows/1/call-next`);
    expect((called.json() as { ticket: StaffTicket }).ticket.id).toBe(ticket.id);
    expect((await post(`/api/tickets/${ticket.id}/start`)).statusCode).toBe(200);
    expect(
      (await post(`/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' })).statusCode,
    ).toBe(200);
    const { ratingToken } = await app.api<PublicTicket>(`/api/tickets/${ticket.track}`);
    expect(ratingToken).toEqual(expect.any(String));
    return { ticket, token: ratingToken as string };
  }

  const choose = (page: Page, criterion: string, label: string) =>
    page.getByRole('group', { name: criterion }).getByText(label, { exact: true }).click();

  it('takes a low score with a comment at 375 px and says the office head will answer', async () => {
    const { token } = await finishedTicket();
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/rate/${encodeURIComponent(token)}?src=sms`);
    await page.getByTestId('rating-form').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Оценка качества обслуживания' }).waitFor();
    const about = await page.getByTestId('rating-about').textContent();
    expect(about).toContain('Визит в офис');
    expect(about).toContain('1 декабря');
    // on a phone one above another in the scale's order, each a finger's target, no word broken
    const boxes = await page
      .locator('.rating-option')
      .evaluateAll((labels) =>
        labels.map((l) => l.getBoundingClientRect()).map((b) => [b.top, b.height, b.width]),
      );
    expect(boxes).toHaveLength(25);
    expect(Math.min(...boxes.map(([, height]) => height))).toBeGreaterThanOrEqual(56);
    expect(Math.min(...boxes.map(([, , width]) => width))).toBeGreaterThan(300);
    const waiting = page.getByRole('group', { name: 'Время ожидания в очереди' }).locator('.rating-option');
    const tops = await waiting.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().top));
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(new Set(tops).size).toBe(5);
    expect(await waiting.evaluateAll((labels) => labels.map((l) => l.textContent?.trim()))).toEqual([
      'очень плохо',
      'плохо',
      'нормально',
      'хорошо',
      'отлично',
    ]);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);

    await choose(page, 'Время предоставления услуги', 'нормально');
    await choose(page, 'Время ожидания в очереди', 'очень плохо');
    await choose(page, 'Вежливость и компетентность сотрудника', 'хорошо');
    await choose(page, 'Комфортность помещения', 'плохо');
    await choose(page, 'Доступность информации об услуге', 'нормально');
    await page
      .getByLabel('Комментарий (необязательно)')
      .fill('Ждали больше часа, работало одно окно из четырёх.');
    await screenshot(page, 'rating-portal-form');
    await page.getByTestId('rating-submit').click();

    const thanks = page.getByTestId('rating-thanks');
    await thanks.waitFor();
    expect(await thanks.getByRole('heading').textContent()).toBe('Спасибо за оценку!');
    expect(await page.getByTestId('rating-follow-up').textContent()).toBe(
      'Нам жаль, что не всё прошло хорошо. Ваш комментарий передан руководителю офиса: он разберётся и ответит вам в течение 30 дней.',
    );
    // the answer's heading has the focus: a screen reader reads it out
    expect(await thanks.getByRole('heading').evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'rating-portal-thanks');
    const [saved] = await rows<{ source: string; waiting: number; comment: string; follow_ups: number }>(
      app.database.db,
      sql`select r.source, r.score_waiting as waiting, r.comment,
                 (select count(*)::int from rating_follow_ups f where f.rating_id = r.id) as follow_ups
          from ratings r`,
    );
    expect(saved).toEqual({
      source: 'sms',
      waiting: 1,
      comment: 'Ждали больше часа, работало одно окно из четырёх.',
      follow_ups: 1,
    });

    // the link once more: rated already
    await page.reload();
    const already = page.getByTestId('rating-already');
    await already.waitFor();
    expect(await already.getByRole('heading').textContent()).toBe('Этот визит уже оценён');
    await expectNoSeriousA11yViolations(page);
  });

  it('says a link okno does not know is not valid', async () => {
    // the server serves the page for any token (a signed token ends like a file's extension)
    for (const token of ['rvAAAAAAAAAAAAAAAAAAAAAA.forged', 'rvAAAAAAAAAAAAAAAAAAAAAA.forged-x']) {
      const res = await app.app.inject({ method: 'GET', url: `/rate/${token}?src=sms` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/rate/rvAAAAAAAAAAAAAAAAAAAAAA.forged?src=email`);
    const invalid = page.getByTestId('rating-invalid');
    await invalid.waitFor();
    expect(await invalid.getByRole('heading').textContent()).toBe('Ссылка для оценки недействительна');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  it('leads from the finished ticket’s page (its QR) to the rating, the source the QR', async () => {
    const { ticket } = await finishedTicket();
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/t/${ticket.track}`);
    const call = page.getByTestId('ticket-rate');
    await call.waitFor();
    await expectNoSeriousA11yViolations(page);
    await call.getByRole('link', { name: 'Оцените визит' }).click();
    await page.getByTestId('rating-form').waitFor();
    expect(new URL(page.url()).searchParams.get('src')).toBe('qr');
    for (const criterion of [
      'Время предоставления услуги',
      'Время ожидания в очереди',
      'Вежливость и компетентность сотрудника',
      'Комфортность помещения',
      'Доступность информации об услуге',
    ])
      await choose(page, criterion, 'отлично');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-thanks').waitFor();
    // all good, no comment: no follow-up
    expect(await page.getByTestId('rating-follow-up').count()).toBe(0);
  });

  it('offers «Оценить» on the case’s status page, which opens the case’s rating', async () => {
    const backoffice = await staffClient(app.app, app.database, [
      { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
    ]);
    const res = await backoffice.call({
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
    const created = res.json() as { number: string; pin: string };
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/status?number=${created.number}&pin=${created.pin}`);
    const call = page.getByTestId('case-status-rate');
    await call.waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await call.getByRole('link', { name: 'Оценить' }).click();
    await page.getByTestId('rating-form').waitFor();
    const about = await page.getByTestId('rating-about').textContent();
    // the case's number without its last four digits: the page is no place for the whole of it
    expect(about).toContain('Дело №');
    expect(about).not.toContain(created.number);
    expect(new URL(page.url()).searchParams.get('src')).toBe('portal');
  });
});
