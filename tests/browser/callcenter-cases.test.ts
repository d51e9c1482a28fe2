import { rows, sql } from '../../src/server/db/client.js';
import type { CaseCreated } from '../../src/shared/cases.js';
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
 * Issue 8's call center with issue 11's cases: the operator finds a caller's case by their phone (masked:
 * the number but its last four digits, the applicant as lists show them), verifies the caller by the PIN of
 * the receipt they read out, then sees it in full — the number, the applicant, the status the citizen sees
 * — and the view is on the case's trail. A case is also found by its number, with its status and the
 * applicant masked.
 */
describe('cases at the call center', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let created: CaseCreated;
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => new Date('2026-12-01T09:00:00Z') });
    const staff = await staffClient(app.app, app.database, [
      { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
    ]);
    const res = await staff.call({
      method: 'POST',
      url: '/api/cases',
      payload: {
        office,
        service: 'egrn-extract',
        applicant: {
          kind: 'person',
          lastName: 'Соколова',
          firstName: 'Дарья',
          middleName: 'Андреевна',
          phone: '+79123450811',
          email: 'darya@example.ru',
        },
        documents: [{ name: 'Заявление', form: 'original', pages: 1 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
  });
  afterAll(() => app?.close());

  it('finds a caller’s case by phone, masked; verified by the receipt’s PIN it shows in full and is logged', async () => {
    const page = await openSignedIn(app, '/callcenter', 'callcenter');
    await page.getByRole('heading', { name: 'Колл-центр', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Начать звонок' }).click();
    await page.getByTestId('call-timer').waitFor();

    const caller = page.getByTestId('caller-panel');
    await caller.getByLabel('Телефон абонента').fill('8 (912) 345-08-11');
    await caller.getByRole('button', { name: 'Найти' }).click();
    const cases = caller.getByTestId('caller-cases');
    const row = cases.getByTestId('caller-case').first();
    await row.waitFor();
    expect(await row.getByTestId('caller-case-number').textContent()).toBe(
      `№ 48-2026-•••${created.number.slice(-4)}`,
    );
    const masked = (await caller.textContent()) ?? '';
    // no surname before the caller is verified: its first letter and the initials
    expect(masked).toContain('С*** Д. А.');
    expect(masked).not.toContain('Соколова');
    expect(masked).toContain(created.stage.title);
    expect(masked).not.toContain(created.number);
    expect(masked).not.toContain('Дарья');
    expect(masked).not.toContain('darya@');

    // a wrong PIN is refused by the server; the right one verifies
    await caller.getByLabel('Контрольный вопрос', { exact: true }).selectOption('case_pin');
    const told = caller.getByLabel('PIN-код, который назвал звонящий');
    const wrongPin = String((Number(created.pin) + 1) % 1_000_000).padStart(6, '0');
    await told.fill(wrongPin);
    const answered = caller.getByLabel('Абонент ответил на контрольный вопрос');
    await answered.click();
    await caller.getByText('Это не PIN-код дела с этим номером телефона.').first().waitFor();
    await expect.poll(() => answered.isChecked()).toBe(false);
    await told.fill(created.pin);
    await answered.check();
    await expect.poll(() => answered.isChecked()).toBe(true);

    await cases.getByTestId('cases-full').waitFor();
    await row.getByTestId('caller-case-number').getByText(`№ ${created.number}`).waitFor();
    const applicant = row.getByTestId('caller-case-applicant');
    await applicant.getByText('Соколова Дарья Андреевна').waitFor();
    await applicant.getByText('darya@example.ru').waitFor();
    await row.getByTestId('case-timeline').waitFor();
    expect(await row.getByTestId('case-status-stage').textContent()).toBe(created.stage.title);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'callcenter-cases');

    const [viewed] = await rows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from case_events where case_id = ${created.id} and kind = 'personal_data_viewed'`,
    );
    expect(viewed.n).toBeGreaterThan(0);
  });

  it('finds a case by its number, with its status and the applicant masked', async () => {
    const page = await openSignedIn(app, '/callcenter', 'callcenter');
    const search = page.getByTestId('case-search');
    await search.getByLabel('Номер дела').fill('48-2026-9999999');
    await search.getByRole('button', { name: 'Найти дело' }).click();
    await search.getByTestId('case-search-none').waitFor();
    await search.getByLabel('Номер дела').fill('12');
    await search.getByRole('button', { name: 'Найти дело' }).click();
    await search.getByText('Номер дела выглядит так: 48-2026-0001234.').waitFor();

    // as the caller reads it out: with spaces
    await search.getByLabel('Номер дела').fill(created.number.replace(/-/g, ' '));
    await search.getByRole('button', { name: 'Найти дело' }).click();
    const found = search.getByTestId('case-search-found');
    await found.getByRole('heading', { name: `Дело № ${created.number}` }).waitFor();
    const text = (await found.textContent()) ?? '';
    expect(text).toContain('Соколова Д. А.');
    expect(text).not.toContain('Дарья');
    expect(await found.getByTestId('case-status-stage').textContent()).toBe(created.stage.title);
    await expectNoSeriousA11yViolations(page);
  });
});
