import { and, eq } from 'drizzle-orm';
import {
  notificationOptouts,
  outboxMessages,
} from '../../src/server/modules/notifications/notifications.schema.js';
import {
  enqueueNotification,
  type StoredContent,
} from '../../src/server/modules/notifications/outbox.enqueue.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { bookingNotification } from '../support/notifications.js';

describe('portal: the unsubscribe link of an e-mail', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The token of the List-Unsubscribe header of a real e-mail okno queued for `email`. */
  async function tokenOfEmailTo(email: string): Promise<string> {
    const result = await app.database.db.transaction((tx) =>
      enqueueNotification(tx, app.app.outbox.deps(), bookingNotification({ email })),
    );
    const [queued] = result.queued;
    const [row] = await app.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued.id));
    const content = JSON.parse(app.app.personalData.open(row.content)) as StoredContent;
    const url = /^<(.+)>$/.exec(content.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const token = new URL(url).pathname.split('/').pop();
    if (!token) throw new Error(`no unsubscribe link in ${JSON.stringify(content.headers)}`);
    return token;
  }

  it('asks, unsubscribes on confirmation and says so', async () => {
    const token = await tokenOfEmailTo('anna@example.ru');
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/unsubscribe/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Отписаться от писем МФЦ?' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const optedOut = () =>
      app.database.db
        .select()
        .from(notificationOptouts)
        .where(
          and(
            eq(
              notificationOptouts.recipientHash,
              app.app.personalData.lookupHash('email', 'anna@example.ru'),
            ),
            eq(notificationOptouts.channel, 'email'),
          ),
        );
    // opening the link (as a mail scanner would) unsubscribes no one
    expect(await optedOut()).toHaveLength(0);

    await page.getByRole('button', { name: 'Отписаться' }).click();
    await page.getByRole('heading', { level: 1, name: 'Вы отписались' }).waitFor();
    await page.getByText(/Вы больше не будете получать письма МФЦ/).waitFor();
    expect(await optedOut()).toHaveLength(1);
    expect(await page.title()).toMatch(/^Вы отписались — /);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'portal-unsubscribe');
  });

  it('says an altered or forged link is not valid', async () => {
    const token = await tokenOfEmailTo('boris@example.ru');
    const altered = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const page = await app.newPage();
    for (const bad of [altered, 'not-a-real-token']) {
      await page.goto(`${app.baseUrl}/unsubscribe/${bad}`);
      await page.getByRole('heading', { level: 1, name: 'Ссылка недействительна' }).waitFor();
      await page.getByText(/Ссылка для отписки неверна или повреждена/).waitFor();
      expect(await page.getByRole('button', { name: 'Отписаться' }).count()).toBe(0);
    }
    await expectNoSeriousA11yViolations(page);
  });
});
