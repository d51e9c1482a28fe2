import type { Page } from 'playwright-core';
import { rows, sql } from '../../src/server/db/client.js';
import type { IssuedTicket, StaffTicket } from '../../src/shared/queue.js';
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

const criteria = [
  'Время предоставления услуги',
  'Время ожидания в очереди',
  'Вежливость и компетентность сотрудника',
  'Комфортность помещения',
  'Доступность информации об услуге',
];

/** The scale's options and the buttons: at least 56 px high (a finger's target); the buttons 64 px. */
async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() => [
    ...[...document.querySelectorAll('.rating-option')]
      .map((e) => e.getBoundingClientRect())
      .filter((box) => box.height < 56 || box.width < 56)
      .map((box) => `option ${Math.round(box.width)}×${Math.round(box.height)}`),
    ...[...document.querySelectorAll('button')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 64 || box.height < 64)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
  ]);
  expect(small).toEqual([]);
}

/**
 * Issue 12's exit screen: «Оценить качество обслуживания» on the kiosk's first screen, the ticket's QR held
 * to the scanner (it types the ticket page's link and Enter), the five criteria big, thanks, back to the
 * start; the same ticket a second time says it was rated.
 */
describe('rating a visit at the kiosk', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let operator: Awaited<ReturnType<typeof staffClient>>;
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => now });
    operator = await staffClient(app.app, app.database, [
      { role: 'operator', scope: { kind: 'offices', offices: [office] } },
    ]);
    const open = await operator.call({ method: 'POST', url: `/api/offices/${office}/windows/3/open` });
    expect(open.statusCode, open.body).toBe(200);
  });
  afterAll(() => app?.close());

  const post = (url: string, payload: Record<string, unknown> = {}) =>
    operator.call({ method: 'POST', url, payload });

  async function issue(): Promise<IssuedTicket> {
    const res = await post(`/api/offices/${office}/tickets`, { purpose: 'consult' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** A ticket issued, called to window 3, served and finished through the API. */
  async function finishedTicket(): Promise<IssuedTicket> {
    const ticket = await issue();
    const called = await post(`/api/offices/${office}/windows/3/call-next`);
    expect((called.json() as { ticket: StaffTicket }).ticket.id).toBe(ticket.id);
    expect((await post(`/api/tickets/${ticket.id}/start`)).statusCode).toBe(200);
    const done = await post(`/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' });
    expect(done.statusCode, done.body).toBe(200);
    return ticket;
  }

  async function openRating(query = '?idle=600'): Promise<Page> {
    const page = await app.newPage({ viewport: portrait });
    await page.goto(`${app.baseUrl}/kiosk/${office}${query}#device=${demoToken}`);
    await page.getByTestId('kiosk-start').waitFor();
    await page.getByRole('button', { name: 'Оценить качество обслуживания' }).click();
    await page.getByTestId('kiosk-rating').waitFor();
    return page;
  }

  /** What the scanner does with the ticket's QR: types its link and Enter wherever the focus is. */
  async function scan(page: Page, ticket: IssuedTicket) {
    await page.keyboard.type(`${app.baseUrl}/t/${ticket.track}`);
    await page.keyboard.press('Enter');
  }

  it('scans the ticket’s QR, rates the five criteria, thanks, and goes back to the start', async () => {
    const ticket = await finishedTicket();
    const page = await openRating();
    await expectNoSeriousA11yViolations(page);
    // a tap elsewhere first: the scanner's characters still land in the field
    await page.getByRole('heading', { name: 'Оценка качества обслуживания' }).click();
    await scan(page, ticket);
    await page.getByTestId('rating-form').waitFor();
    expect(await page.getByTestId('rating-about').textContent()).toContain('Визит в офис');

    // every criterion is a named group of the five official labels
    for (const name of criteria) {
      const group = page.getByRole('group', { name });
      expect(await group.getByRole('radio').count()).toBe(5);
      expect(
        await group
          .locator('.rating-option')
          .evaluateAll((labels) => labels.map((l) => l.textContent?.trim())),
      ).toEqual(['очень плохо', 'плохо', 'нормально', 'хорошо', 'отлично']);
    }
    await expectTouchTargets(page);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);

    // four of five: the form says which is left, and sends nothing
    for (const name of criteria.slice(0, 4))
      await page.getByRole('group', { name }).getByText('отлично', { exact: true }).click();
    await page.getByTestId('rating-submit').click();
    expect(await page.getByTestId('rating-missing').textContent()).toContain(
      'доступность информации об услуге',
    );
    // the keyboard reaches the scale too: the focus went to the criterion left, an arrow picks the next label
    const last = page.getByRole('group', { name: criteria[4] });
    expect(
      await last.getByRole('radio', { name: 'очень плохо' }).evaluate((e) => e === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await last.getByRole('radio', { name: 'хорошо' }).isChecked()).toBe(true);
    await screenshot(page, 'kiosk-rating');
    await page.getByTestId('rating-submit').click();

    const thanks = page.getByTestId('rating-thanks');
    await thanks.waitFor();
    expect(await thanks.getByRole('heading').textContent()).toBe('Спасибо за оценку!');
    expect(await page.getByTestId('rating-follow-up').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    const [saved] = await rows<{ source: string; time: number; information: number }>(
      app.database.db,
      sql`select source, score_time as time, score_information as information from ratings`,
    );
    expect(saved).toEqual({ source: 'kiosk', time: 5, information: 4 });
    await page.getByTestId('kiosk-rating-done').click();
    await page.getByTestId('kiosk-start').waitFor();
  });

  it('says a visit was rated already, and goes back to the start after the idle time', async () => {
    const ticket = await finishedTicket();
    const rated = await app.app.inject({
      method: 'POST',
      url: `/api/ratings/${encodeURIComponent((await app.api<{ ratingToken: string }>(`/api/tickets/${ticket.track}`)).ratingToken)}`,
      payload: { scores: { time: 4, waiting: 4, staff: 4, comfort: 4, information: 4 } },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    const page = await openRating('?idle=3');
    await scan(page, ticket);
    const already = page.getByTestId('rating-already');
    await already.waitFor();
    expect(await already.getByRole('heading').textContent()).toBe('Этот визит уже оценён');
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
  });

  it('asks to come back once served for a ticket still waiting, and refuses what is not a ticket', async () => {
    const waiting = await issue();
    const page = await openRating();
    await scan(page, waiting);
    const problem = page.getByTestId('kiosk-rating-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Приём по этому талону ещё не закончен');
    await page.keyboard.type('А-015');
    await page.keyboard.press('Enter');
    await page.getByText('QR-код не распознан', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  it('rates a case from its status found by the receipt’s QR', async () => {
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
    const created = res.json() as { id: string; number: string; pin: string };
    const page = await app.newPage({ viewport: portrait });
    await page.goto(`${app.baseUrl}/kiosk/${office}?idle=600#device=${demoToken}`);
    await page.getByRole('button', { name: 'Узнать статус дела' }).click();
    await page.getByTestId('kiosk-status').waitFor();
    await page.keyboard.type(`${app.baseUrl}/status?number=${created.number}&pin=${created.pin}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('kiosk-status-result').waitFor();
    await page.getByRole('button', { name: 'Оценить качество обслуживания' }).click();
    await page.getByTestId('rating-form').waitFor();
    expect(await page.getByTestId('rating-about').textContent()).toContain('Дело №');
    for (const name of criteria)
      await page.getByRole('group', { name }).getByText('хорошо', { exact: true }).click();
    // the comment on the kiosk's own keyboard
    await page.getByTestId('rating-comment-keyboard').click();
    const keys = page.getByRole('group', { name: 'Экранная клавиатура' });
    for (const key of 'СПАСИБО') await keys.getByRole('button', { name: key, exact: true }).click();
    expect(await page.getByTestId('rating-comment').inputValue()).toBe('СПАСИБО');
    await expectTouchTargets(page);
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-thanks').waitFor();
    const [saved] = await rows<{ source: string; comment: string }>(
      app.database.db,
      sql`select source, comment from ratings where case_id = ${created.id}`,
    );
    expect(saved).toEqual({ source: 'kiosk', comment: 'СПАСИБО' });
  });
});
