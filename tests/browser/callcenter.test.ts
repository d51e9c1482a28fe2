import { testConfig } from '../../src/server/config.js';
import { rows, sql } from '../../src/server/db/client.js';
import { enqueueNotification } from '../../src/server/modules/notifications/outbox.enqueue.js';
import { issueTicket } from '../../src/server/modules/queue/tickets.service.js';
import type { ServiceCard, ServicesPage } from '../../src/shared/catalog.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone as phoneViewport,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { type GatewayProcess, startGatewayProcess } from '../support/gateways.js';
import { bookingNotification } from '../support/notifications.js';
import { openSignedIn, signInThroughForm } from './admin-helpers.js';

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('call-center console', { timeout: 120_000 }, () => {
  let app: BrowserApp;
  let gateways: GatewayProcess;
  beforeAll(async () => {
    // The outbox worker runs in the app and delivers to a real SMS gateway process, as in production.
    gateways = await startGatewayProcess();
    app = await startBrowserApp({
      // Tuesday noon in Lipetsk: the offices are open and their queues work, whatever the hour of the run
      clock: () => new Date('2026-12-01T09:00:00Z'),
      config: {
        notifications: {
          ...testConfig().notifications,
          worker: true,
          pollMs: 200,
          smsGatewayUrl: gateways.smsUrl,
          smtpUrl: gateways.smtpUrl,
        },
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await gateways?.stop();
  });

  /** A booking confirmation to the phone, delivered by the app's worker to the gateway (so it can be sent again). */
  async function sentMessageTo(phone: string): Promise<string> {
    const { queued } = await app.database.db.transaction((tx) =>
      enqueueNotification(tx, app.app.outbox.deps(), bookingNotification({ phone }, { ref: 'B-7001' })),
    );
    await gateways.waitFor((m) => m.channel === 'sms' && m.to.endsWith(phone.slice(-10)), 10_000);
    await expect
      .poll(
        async () =>
          (
            await rows<{ status: string }>(
              app.database.db,
              sql`select status from outbox_messages where id = ${queued[0].id}`,
            )
          )[0]?.status,
      )
      .toBe('sent');
    return queued[0].id;
  }

  it('takes a call: finds the caller, shows them in full once verified, re-sends, answers from the catalog, plans a call-back, ends the call', async () => {
    const messageId = await sentMessageTo('+79123456701');
    const page = await openSignedIn(app, '/callcenter', 'callcenter');
    await page.getByRole('heading', { name: 'Колл-центр', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Начать звонок' }).click();
    await page.getByTestId('call-timer').waitFor();

    const caller = page.getByTestId('caller-panel');
    await caller.getByLabel('Телефон абонента').fill('8 (912) 345-67-01');
    await caller.getByRole('button', { name: 'Найти' }).click();
    const messages = caller.getByTestId('caller-messages');
    await messages.getByText('Запись подтверждена').waitFor();
    await messages.getByText('+7 *** ***-**-01').waitFor();
    expect(await caller.textContent()).not.toContain('9123456701');

    const answered = caller.getByLabel('Абонент ответил на контрольный вопрос');
    // the booking code is checked against the number's bookings (callcenter-booking.test.ts): this caller has none
    await caller.getByLabel('Контрольный вопрос', { exact: true }).selectOption('name_and_date');
    await answered.check();
    await expect.poll(() => answered.isChecked()).toBe(true);
    const full = caller.getByRole('button', { name: 'Показать полностью' });
    await expect.poll(() => full.isEnabled()).toBe(true);
    await full.click();
    const shown = caller.getByTestId('caller-full');
    await shown.getByText('+79123456701').waitFor();
    await shown.getByText('Просмотр записан в журнал безопасности.').waitFor();

    await caller.getByRole('button', { name: 'Отправить последнее уведомление снова' }).click();
    await caller.getByText('Уведомление поставлено в очередь на отправку.').waitFor();
    // the copy leaves okno: the gateway gets the same confirmation a second time
    await expect
      .poll(
        async () =>
          (await gateways.messages()).filter((m) => m.channel === 'sms' && m.to.endsWith('9123456701'))
            .length,
        { timeout: 10_000 },
      )
      .toBe(2);
    const [first, again] = (await gateways.messages()).filter((m) => m.to.endsWith('9123456701'));
    expect(again.text).toBe(first.text);
    expect(again.text).toContain('B-7001');
    // recorded once the gateway has answered
    await expect
      .poll(() =>
        rows<{ status: string }>(
          app.database.db,
          sql`select status from outbox_messages where resent_from = ${messageId}`,
        ),
      )
      .toEqual([{ status: 'sent' }]);

    const found = await app.api<ServicesPage>(
      '/api/services?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82&limit=8',
    );
    const card = await app.api<ServiceCard>(`/api/services/${found.items[0].code}`);
    // today's predicted wait: one window open at Kosmonavtov street, one visitor waiting for this service
    const office = 'lip-kosmonavtov';
    const [operator] = await rows<{ id: string }>(
      app.database.db,
      sql`select id from users where login = 'operator'`,
    );
    await app.database.db.execute(
      sql`insert into window_states (office_code, number, status, operator_id, since) values (${office}, 1, 'open', ${operator.id}, now())`,
    );
    const queueDeps = {
      db: app.database.db,
      cipher: app.app.personalData,
      outbox: () => app.app.outbox.deps(),
      now: new Date('2026-12-01T09:00:00Z'),
    };
    await issueTicket(queueDeps, office, { service: card.code }, { kind: 'staff', userId: operator.id });

    const catalog = page.getByTestId('catalog-panel');
    await catalog.getByLabel('Услуга').fill('паспорт');
    await catalog.getByRole('button', { name: 'Найти' }).click();
    await catalog.getByRole('button', { name: card.shortTitle || card.title, exact: true }).click();
    const answer = catalog.getByTestId('service-answer');
    await answer.getByRole('heading', { name: card.shortTitle || card.title }).waitFor();
    if (card.documents.length > 0)
      await answer.getByTestId('service-documents').getByText(card.documents[0].name).first().waitFor();
    await answer.getByTestId('service-offices').locator('li').first().waitFor();
    await answer.getByLabel('Район абонента').selectOption({ label: 'городской округ город Липецк' });
    await answer
      .getByTestId('service-offices')
      .locator('li', { hasText: 'Космонавтов' })
      .getByText(/^Ожидание сейчас: около \d+ мин \(в очереди: 1\)$/)
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    const callbacks = page.getByTestId('callbacks-panel');
    expect(await callbacks.getByLabel('Телефон абонента').inputValue()).toBe('8 (912) 345-67-01');
    await callbacks.getByLabel('Заметка').fill('Уточнить часы работы в субботу');
    await callbacks.getByRole('button', { name: 'Запланировать звонок' }).click();
    await callbacks.getByText('Обратный звонок запланирован.').waitFor();
    await callbacks.getByTestId('open-callbacks').getByText('Уточнить часы работы в субботу').waitFor();

    const call = page.getByTestId('call-panel');
    await call.getByLabel('Итог звонка').selectOption({ label: 'Информация' });
    await call.getByLabel('Заметка').fill('Спрашивали про паспорт');
    await call.getByRole('button', { name: 'Завершить звонок' }).click();
    await call.getByText('Звонок завершён.').waitFor();
    const log = page.getByTestId('call-log');
    const row = log.getByRole('row', { name: /Спрашивали про паспорт/ });
    await row.getByText('Информация').waitFor();
    await row.getByText('+7 *** ***-**-01').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'callcenter');

    // the view in full is in the security log, without the number
    const [entry] = await rows<{ text: string }>(
      app.database.db,
      sql`select details::text as text from security_log where event = 'personal_data_view' and result = 'ok'
        and login = 'callcenter' order by id desc limit 1`,
    );
    expect(entry.text).toContain('name_and_date');
    expect(entry.text).not.toContain('9123456701');
  });

  it('warns once a call has lasted more than 10 minutes, and fits a phone screen', async () => {
    // whatever the first test left running is over: this call starts afresh
    await app.database.db.execute(
      sql`update calls set ended_at = now(), outcome = 'other' where operator_login = 'callcenter' and ended_at is null`,
    );
    const page = await app.newPage({ viewport: phoneViewport });
    page.setDefaultTimeout(25_000);
    await page.clock.install();
    await page.goto(`${app.baseUrl}/callcenter`);
    await page.waitForURL(/\/staff\/login\?next=/);
    await signInThroughForm(page, 'callcenter', 'demo');
    await page.waitForURL((url) => url.pathname === '/callcenter');
    const call = page.getByTestId('call-panel');
    const start = call.getByRole('button', { name: 'Начать звонок' });
    await start.click();
    await call.getByTestId('call-timer').waitFor();
    expect(await call.getByTestId('long-call').count()).toBe(0);
    await page.clock.fastForward('09:00');
    await expect.poll(() => call.getByTestId('call-timer').textContent()).toMatch(/^09:0\d$/);
    expect(await call.getByTestId('long-call').count()).toBe(0);
    await page.clock.fastForward('02:00');
    await call.getByText('Звонок длится больше 10 минут').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'callcenter-phone');
  });
});
