import { eq, sql } from 'drizzle-orm';
import { testConfig } from '../../src/server/config.js';
import { buildChannels, closeChannels } from '../../src/server/modules/notifications/channels/channels.js';
import { outboxMessages } from '../../src/server/modules/notifications/notifications.schema.js';
import {
  enqueueNotification,
  type Notification,
} from '../../src/server/modules/notifications/outbox.enqueue.js';
import { createOutboxWorker } from '../../src/server/modules/notifications/outbox.worker.js';
import { describeOnBackends } from '../support/app.js';
import { type GatewayProcess, startGatewayProcess } from '../support/gateways.js';

const deliveryReportToken = 'delivery-secret-0123456789';

/** A message about a booking, due now whatever the hour (a "your turn" is never held by the quiet hours). */
const turnNear = (phone: string | null, email: string | null): Notification => ({
  event: 'ticket.turn_near',
  recipient: { phone, email, name: 'Иван', smsConsent: true },
  context: {
    timeZone: 'Europe/Moscow',
    office: { name: 'МФЦ «Мои документы» Советский', address: 'Липецк, ул. Советская, 1' },
    ticketNumber: 'А-015',
    ahead: 2,
  },
});

let gateways: GatewayProcess;
beforeAll(async () => {
  gateways = await startGatewayProcess();
});
afterAll(async () => {
  await gateways?.stop();
});

describeOnBackends(
  'delivery through a real SMTP server and an SMS gateway process',
  (ctx) => {
    /** Runs a worker on the real gateways in `format` until nothing is due; the number it handled. */
    const deliver = async (format: 'json' | 'smsru') => {
      const channels = buildChannels({
        ...testConfig().notifications,
        smtpUrl: gateways.smtpUrl,
        smsGatewayUrl: gateways.smsUrl,
        smsGatewayFormat: format,
      });
      try {
        return await createOutboxWorker({
          database: ctx().database,
          cipher: ctx().app.personalData,
          channels,
          policy: { batch: 20, pollMs: 100, retryBaseSeconds: 30, retryCapSeconds: 600 },
        }).drain();
      } finally {
        await closeChannels(channels);
      }
    };
    const enqueue = (n: Notification) =>
      ctx().database.db.transaction((tx) => enqueueNotification(tx, ctx().app.outbox.deps(), n));
    const row = async (id: string) =>
      (await ctx().database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0];

    beforeEach(async () => {
      await gateways.clear();
      await ctx().database.db.execute(sql`truncate outbox_messages, outbox_attempts`);
    });

    it.each(['json', 'smsru'] as const)(
      'delivers an e-mail and an SMS (%s format), Cyrillic intact',
      async (format) => {
        const { queued } = await enqueue(turnNear('+7 912 345-67-89', 'ivan@example.ru'));
        expect(queued).toHaveLength(2);
        expect(await deliver(format)).toBe(2);
        const sms = await gateways.waitFor((m) => m.channel === 'sms');
        expect(sms.to.replace(/\D/g, '')).toBe('79123456789');
        expect(sms.format).toBe(format);
        expect(sms.text).toContain('А-015');
        const mail = await gateways.waitFor((m) => m.channel === 'email');
        expect(mail.to).toContain('ivan@example.ru');
        expect(mail.text).toContain('А-015');
        expect(mail.subject).toMatch(/[А-Яа-я]/);
        expect(mail.text).toContain('/unsubscribe/');
        expect(mail.headers?.['list-unsubscribe']).toMatch(/^<http.*\/api\/notifications\/unsubscribe\/.+>$/);
        for (const q of queued) {
          const r = await row(q.id);
          expect(r.status).toBe('sent');
          expect(r.providerId).toBeTruthy();
        }
      },
    );

    it('fails an invalid number at once and retries a busy gateway', async () => {
      const invalid = await enqueue(turnNear('+79120000000', null));
      const busy = await enqueue(turnNear('+79129999999', null));
      await deliver('json');
      const refused = await row(invalid.queued[0].id);
      expect(refused.status).toBe('failed');
      expect(refused.attempts).toBe(1);
      expect(refused.lastError).toMatch(/invalid number/);
      expect(refused.lastError).not.toContain('9120000000');
      const retried = await row(busy.queued[0].id);
      expect(retried.status).toBe('queued');
      expect(retried.lastError).toMatch(/503/);
      expect(Date.parse(retried.nextAttemptAt)).toBeGreaterThan(Date.now() + 10_000);
    });

    it('a delivery report turns a sent SMS into delivered, with the gateway’s token only', async () => {
      const { queued } = await enqueue(turnNear('+79123456789', null));
      await deliver('json');
      const sent = await row(queued[0].id);
      const report = { id: sent.providerId, status: 'delivered' };
      const url = '/api/notifications/delivery-reports/json';
      const refused = await ctx().app.inject({
        method: 'POST',
        url,
        payload: report,
        headers: { authorization: 'Bearer wrong-token-000000' },
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('UNAUTHENTICATED');
      const bad = await ctx().app.inject({
        method: 'POST',
        url,
        payload: { id: 1 },
        headers: { authorization: `Bearer ${deliveryReportToken}` },
      });
      expect(bad.statusCode).toBe(400);
      const ok = await ctx().app.inject({
        method: 'POST',
        url,
        payload: report,
        headers: { authorization: `Bearer ${deliveryReportToken}` },
      });
      expect(ok.json()).toEqual({ changed: 1 });
      const delivered = await row(queued[0].id);
      expect(delivered.status).toBe('delivered');
      expect(delivered.deliveredAt).not.toBeNull();
    });

    it('takes SMS.ru’s callback form and answers 100', async () => {
      const { queued } = await enqueue(turnNear('+79123456789', null));
      await deliver('smsru');
      const sent = await row(queued[0].id);
      const form = new URLSearchParams([['data[]', `sms_status\n${sent.providerId}\n104`]]).toString();
      const answer = await ctx().app.inject({
        method: 'POST',
        url: `/api/notifications/delivery-reports/smsru?token=${deliveryReportToken}`,
        payload: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toBe('100');
      const failed = await row(queued[0].id);
      expect(failed.status).toBe('failed');
      expect(failed.lastError).toMatch(/^gateway: /);
      // a report in the other gateway's format names none of SMS.ru's messages, whatever its id
      const other = await ctx().app.inject({
        method: 'POST',
        url: '/api/notifications/delivery-reports/json',
        payload: { id: sent.providerId, status: 'delivered' },
        headers: { authorization: `Bearer ${deliveryReportToken}` },
      });
      expect(other.json()).toEqual({ changed: 0 });
    });
  },
  { config: { notifications: { ...testConfig().notifications, deliveryReportToken } } },
);
