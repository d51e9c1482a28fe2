import type { ChannelAdapter, SendResult } from '../../src/server/modules/notifications/channels/channel.js';
import {
  enqueueNotification,
  type Notification,
} from '../../src/server/modules/notifications/outbox.enqueue.js';
import { createOutboxWorker } from '../../src/server/modules/notifications/outbox.worker.js';
import { signIn } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { daytimeZone } from '../support/notifications.js';
import { openSignedIn } from './admin-helpers.js';

/** A notification of `event` to these addresses (the text does not matter here: the stub renders it). */
const notification = (
  event: Notification['event'],
  to: { phone?: string; email?: string },
): Notification => ({
  event,
  recipient: { phone: to.phone ?? null, email: to.email ?? null, name: 'Анна', smsConsent: true },
  context: {
    timeZone: daytimeZone,
    office: { name: 'МФЦ Советский', address: 'Липецк, ул. Советская, 1' },
    service: { title: 'Выдача паспорта', shortTitle: 'Паспорт', documents: ['Паспорт'] },
    at: '2027-01-12T07:30:00.000Z',
    bookingCode: 'K7M-4PX',
  },
  about: { kind: 'booking', ref: 'K7M-4PX' },
});

describe('admin console: notifications', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
    // The gateway refuses Olga's mailbox and her number for good and takes everything else.
    const answers = new Map<string, SendResult>([
      ['olga@example.ru', { outcome: 'permanent', reason: '550 mailbox unavailable' }],
      ['+79031112244', { outcome: 'permanent', reason: 'number blocked by the operator' }],
    ]);
    const gateway = (channel: 'sms' | 'email'): ChannelAdapter => ({
      channel,
      name: `test-${channel}`,
      send: async (m) => answers.get(m.to) ?? { outcome: 'sent', providerId: `gw-${m.id}` },
    });
    await app.database.db.transaction(async (tx) => {
      const deps = app.app.outbox.deps();
      await enqueueNotification(
        tx,
        deps,
        notification('booking.confirmed', { phone: '+79123456789', email: 'anna@example.ru' }),
      );
      await enqueueNotification(tx, deps, notification('booking.cancelled', { email: 'olga@example.ru' }));
      await enqueueNotification(tx, deps, notification('booking.reminder', { phone: '+79031112244' }));
    });
    await createOutboxWorker({
      database: app.database,
      channels: { sms: gateway('sms'), email: gateway('email') },
      cipher: app.app.personalData,
      name: 'worker-1',
      policy: { batch: 10, pollMs: 50, retryBaseSeconds: 30, retryCapSeconds: 600 },
    }).drain();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the failed messages with their attempts and sends them again', async () => {
    const page = await openSignedIn(app, '/admin', 'admin');
    await page
      .getByRole('navigation', { name: 'Меню служебного раздела' })
      .getByRole('link', { name: 'Уведомления' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Уведомления' }).waitFor();

    // the figures per channel: e-mail 1 sent and 1 failed of 2, half got through; no gateway on this instance
    const figures = page.getByTestId('outbox-figures');
    const email = figures.getByRole('row', { name: /^Эл\. почта/ });
    await email.waitFor();
    expect(await email.getByRole('cell').allInnerTexts()).toEqual([
      '2',
      '1',
      '0',
      '1',
      '0',
      expect.stringMatching(/^50\s%$/),
      expect.stringMatching(/^\d+(,\d)? \/ \d+(,\d)?$/),
      'шлюз не настроен',
    ]);
    const list = page.getByTestId('outbox-messages');
    await page.getByText('4 сообщения').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Статус').selectOption({ label: 'Не отправлено' });
    await page.waitForURL(/[?&]status=failed/);
    await page.getByText('2 сообщения').waitFor();
    const row = list.getByRole('row', { name: /Запись отменена/ });
    await row.getByText('Не отправлено').waitFor();
    await row.getByText('550 mailbox unavailable').waitFor();
    expect(await row.getByText('o***@example.ru').count()).toBe(1);
    expect(await row.getAttribute('class')).toContain('row-failed');

    await row.getByRole('button', { name: 'Подробнее: Запись отменена, Эл. почта, o***@example.ru' }).click();
    const panel = page.getByTestId('outbox-message');
    await page.getByRole('heading', { name: 'Запись отменена: Эл. почта, o***@example.ru' }).waitFor();
    const attempts = panel.getByTestId('outbox-attempts');
    const first = attempts.getByRole('row', { name: /^1 / });
    await first.getByText('отказ, без повторов').waitFor();
    await first.getByText('550 mailbox unavailable').waitFor();
    await first.getByText('worker-1').waitFor();
    await panel.getByText('запись K7M-4PX').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-notifications');

    await panel.getByRole('button', { name: 'Отправить снова' }).click();
    await panel.getByText('Сообщение снова в очереди.').waitFor();
    await row.getByText('В очереди').waitFor();
    expect((await row.getAttribute('class')) ?? '').not.toContain('row-failed');
    expect(await panel.getByRole('button', { name: 'Отправить снова' }).count()).toBe(0);

    // the other failed one, by the button for the whole page
    const other = list.getByRole('row', { name: /Напоминание о записи/ });
    await other.getByText('Не отправлено').waitFor();
    await page.getByRole('button', { name: 'Отправить снова все неудачные на странице' }).click();
    await page.getByText('Снова в очереди: 1 сообщение.').waitFor();
    await other.getByText('В очереди').waitFor();

    const { headers } = await signIn(app.app, 'admin', 'demo');
    const failed = await app.app.inject({
      method: 'GET',
      url: '/api/admin/notifications/messages?status=failed',
      headers,
    });
    expect(failed.json()).toEqual({ items: [], total: 0 });
  });

  it('checks a channel with a test message to the admin’s own address', async () => {
    const page = await openSignedIn(app, '/admin/notifications', 'admin');
    const form = page.getByRole('form', { name: 'Проверить канал' });
    await form.waitFor();
    await form.getByLabel('Канал').selectOption({ label: 'SMS' });
    await form.getByLabel('Номер телефона или e-mail').fill('admin@example.ru');
    await form.getByRole('button', { name: 'Отправить проверочное сообщение' }).click();
    await form.getByText('Это не адрес для выбранного канала').first().waitFor();

    await form.getByLabel('Номер телефона или e-mail').fill('8 912 000-11-22');
    await form.getByRole('button', { name: 'Отправить проверочное сообщение' }).click();
    await form.getByText('Проверочное сообщение в очереди на отправку.').waitFor();
    const row = page.getByTestId('outbox-messages').getByRole('row', { name: /Проверка канала/ });
    await row.getByText('+7 *** ***-**-22').waitFor();
    await row.getByText('В очереди').waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
