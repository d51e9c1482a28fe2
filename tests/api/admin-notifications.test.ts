import { inArray, sql } from 'drizzle-orm';
import { testConfig } from '../../src/server/config.js';
import type {
  ChannelAdapter,
  OutgoingMessage,
  SendResult,
} from '../../src/server/modules/notifications/channels/channel.js';
import { outboxMessages } from '../../src/server/modules/notifications/notifications.schema.js';
import {
  enqueueNotification,
  type Notification,
  type StoredContent,
} from '../../src/server/modules/notifications/outbox.enqueue.js';
import { createOutboxWorker } from '../../src/server/modules/notifications/outbox.worker.js';
import type { OutboxFigures, OutboxMessageDetail, OutboxPage } from '../../src/shared/notifications.admin.js';
import { adminGrants, callAs, staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { type SignedIn, signIn } from '../support/auth.js';
import { buildUser } from '../support/factories.js';
import { daytimeZone } from '../support/notifications.js';

const reportToken = 'gateway-secret-0123456789';

/** Who the messages of these tests go to; the gateway answers each address as `answers` says. */
const ivan = { phone: '+7 912 345-67-89', email: 'ivan.petrov@example.ru' };
const olga = { phone: '+7 903 111-22-44', email: 'olga.sidorova@example.ru' };

describeOnBackends(
  'admin API: the outbox of notifications',
  (ctx) => {
    let admin: SignedIn;
    let operator: SignedIn;
    /** What the in-memory gateway answers per address (sent when not listed), and what it was handed. */
    const answers = new Map<string, SendResult>();
    const handed: OutgoingMessage[] = [];

    beforeAll(async () => {
      admin = (await staffClient(ctx().app, ctx().database, adminGrants)).session;
      const user = await buildUser(ctx().database, {
        grants: [{ role: 'operator', scope: { kind: 'region' } }],
      });
      operator = await signIn(ctx().app, user.login, user.password);
    });
    beforeEach(async () => {
      answers.clear();
      handed.length = 0;
      await ctx().database.db.execute(sql`truncate outbox_messages, outbox_attempts, notification_optouts`);
    });

    const as = (who: SignedIn) => (method: 'GET' | 'POST', url: string, payload?: object) =>
      callAs(ctx().app, who, { method, url, ...(payload === undefined ? {} : { payload }) });
    const get = <T>(url: string) =>
      as(admin)('GET', url).then((res) => {
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        return res.json() as T;
      });

    function gateway(channel: 'sms' | 'email'): ChannelAdapter {
      return {
        channel,
        name: `test-${channel}`,
        async send(m) {
          handed.push(m);
          return answers.get(m.to) ?? { outcome: 'sent', providerId: `gw-${m.id}` };
        },
      };
    }
    /** Runs a worker until nothing is due; `clock` moves it past the waits of retries. */
    const runWorker = (clock?: Date) =>
      createOutboxWorker({
        database: ctx().database,
        channels: { sms: gateway('sms'), email: gateway('email') },
        cipher: ctx().app.personalData,
        name: 'test-worker',
        clock: clock ? () => clock : undefined,
        policy: { batch: 50, pollMs: 50, retryBaseSeconds: 30, retryCapSeconds: 600 },
      }).drain();

    const notification = (
      event: Notification['event'],
      to: { phone?: string; email?: string },
      ref = 'K7M-4PX',
    ): Notification => ({
      event,
      recipient: { phone: to.phone ?? null, email: to.email ?? null, name: 'Иван', smsConsent: true },
      context: {
        timeZone: daytimeZone,
        office: { name: 'МФЦ Советский', address: 'Липецк, ул. Советская, 1' },
        service: { title: 'Выдача паспорта', shortTitle: 'Паспорт', documents: ['Паспорт'] },
        at: '2027-01-12T07:30:00.000Z',
        bookingCode: ref,
        ticketNumber: 'А-015',
        ahead: 2,
      },
      officeCode: 'lip-sov',
      about: { kind: 'booking', ref },
    });
    const enqueue = (...notifications: Notification[]) =>
      ctx().database.db.transaction(async (tx) => {
        const results = [];
        for (const n of notifications)
          results.push(await enqueueNotification(tx, ctx().app.outbox.deps(), n));
        return results;
      });

    /**
     * One message in each state: booking.confirmed to Ivan by SMS and e-mail (both sent), booking.cancelled
     * to Olga's e-mail (refused for good: failed), ticket.turn_near to Olga's phone (busy: queued for a retry).
     */
    async function oneOfEach() {
      answers.set('olga.sidorova@example.ru', { outcome: 'permanent', reason: '550 mailbox unavailable' });
      answers.set('+79031112244', { outcome: 'retry', reason: '503 gateway busy' });
      await enqueue(
        notification('booking.confirmed', ivan),
        notification('booking.cancelled', { email: olga.email }, 'B2C-3DE'),
        notification('ticket.turn_near', { phone: olga.phone }, 'T1-015'),
      );
      await runWorker();
      const all = await get<OutboxPage>('/api/admin/notifications/messages');
      const find = (event: string, channel: string) => {
        const found = all.items.find((m) => m.event === event && m.channel === channel);
        if (!found) throw new Error(`no ${event} by ${channel}`);
        return found;
      };
      return {
        all,
        sms: find('booking.confirmed', 'sms'),
        email: find('booking.confirmed', 'email'),
        failed: find('booking.cancelled', 'email'),
        queued: find('ticket.turn_near', 'sms'),
      };
    }

    it('lists messages by status, channel and event, each with its state and attempts', async () => {
      const { all, sms, email, failed, queued } = await oneOfEach();
      expect(all.total).toBe(4);
      expect(sms).toMatchObject({ status: 'sent', attempts: 1, attemptLimit: 8, provider: 'test-sms' });
      expect(sms.sentAt).not.toBeNull();
      expect(email).toMatchObject({ status: 'sent', provider: 'test-email' });
      expect(failed).toMatchObject({ status: 'failed', lastError: '550 mailbox unavailable', attempts: 1 });
      expect(failed.failedAt).not.toBeNull();
      expect(queued).toMatchObject({ status: 'queued', lastError: '503 gateway busy', attempts: 1 });
      expect(queued.nextAttemptAt).not.toBeNull();
      expect(queued.about).toEqual({ kind: 'booking', ref: 'T1-015' });

      const ids = (page: OutboxPage) => page.items.map((m) => m.id).sort();
      const list = (query: string) => get<OutboxPage>(`/api/admin/notifications/messages?${query}`);
      expect(ids(await list('status=sent'))).toEqual([sms.id, email.id].sort());
      expect(await list('status=failed')).toEqual({ items: [failed], total: 1 });
      expect(await list('status=queued')).toEqual({ items: [queued], total: 1 });
      expect(await list('status=delivered')).toEqual({ items: [], total: 0 });
      expect(ids(await list('channel=email'))).toEqual([email.id, failed.id].sort());
      expect(ids(await list('channel=sms&status=sent'))).toEqual([sms.id]);
      expect(ids(await list('event=booking.confirmed'))).toEqual([sms.id, email.id].sort());
      expect(ids(await list('event=ticket.turn_near&channel=email'))).toEqual([]);
    });

    it('filters by the day a message was written and pages newest first, with the total', async () => {
      const { sms, email, failed, queued } = await oneOfEach();
      await ctx()
        .database.db.update(outboxMessages)
        .set({ createdAt: '2026-01-15T10:00:00Z' })
        .where(inArray(outboxMessages.id, [failed.id, queued.id]));
      const today = new Date().toISOString().slice(0, 10);
      const ids = (page: OutboxPage) => page.items.map((m) => m.id).sort();
      const list = (query: string) => get<OutboxPage>(`/api/admin/notifications/messages?${query}`);
      expect(ids(await list('from=2026-01-15&to=2026-01-15'))).toEqual([failed.id, queued.id].sort());
      expect(ids(await list('to=2026-01-14'))).toEqual([]);
      expect(ids(await list('from=2026-01-16'))).toEqual([sms.id, email.id].sort());
      expect(ids(await list(`from=${today}&to=${today}`))).toEqual([sms.id, email.id].sort());

      const first = await list('limit=3&page=1');
      const second = await list('limit=3&page=2');
      expect(first.total).toBe(4);
      expect(second.total).toBe(4);
      expect(first.items).toHaveLength(3);
      expect(second.items).toHaveLength(1);
      const order = [...first.items, ...second.items];
      expect(new Set(order.map((m) => m.id)).size).toBe(4);
      const created = order.map((m) => Date.parse(m.createdAt));
      expect(created).toEqual([...created].sort((a, b) => b - a));
      expect(second.items[0].createdAt.startsWith('2026-01-15')).toBe(true);
    });

    it('shows a masked recipient, never the address or the text', async () => {
      await oneOfEach();
      const res = await as(admin)('GET', '/api/admin/notifications/messages');
      const page = res.json() as OutboxPage;
      expect(page.items.map((m) => m.recipient).sort()).toEqual([
        '+7 *** ***-**-44',
        '+7 *** ***-**-89',
        'i***@example.ru',
        'o***@example.ru',
      ]);
      for (const secret of ['ivan.petrov', 'olga.sidorova', '9123456789', '912 345', '9031112244', 'Иван'])
        expect(res.body).not.toContain(secret);
      for (const m of page.items) {
        const detail = await as(admin)('GET', `/api/admin/notifications/messages/${m.id}`);
        expect(detail.body).not.toMatch(/ivan\.petrov|olga\.sidorova|9123456789|9031112244|Иван/);
      }
    });

    it('gives a message with every attempt: when, what came of it, why and which worker', async () => {
      answers.set('+79123456789', { outcome: 'retry', reason: '503 gateway busy' });
      await enqueue(notification('booking.reminder', { phone: ivan.phone }));
      await runWorker();
      answers.set('+79123456789', { outcome: 'permanent', reason: 'number blocked' });
      await runWorker(new Date(Date.now() + 3_600_000));
      const [message] = (await get<OutboxPage>('/api/admin/notifications/messages')).items;
      const detail = await get<OutboxMessageDetail>(`/api/admin/notifications/messages/${message.id}`);
      expect(detail).toMatchObject({
        id: message.id,
        event: 'booking.reminder',
        status: 'failed',
        lastError: 'number blocked',
      });
      expect(message.attempts).toBe(2);
      expect(detail.attempts).toEqual([
        expect.objectContaining({
          attempt: 1,
          outcome: 'retry',
          detail: '503 gateway busy',
          worker: 'test-worker',
        }),
        expect.objectContaining({
          attempt: 2,
          outcome: 'permanent',
          detail: 'number blocked',
          worker: 'test-worker',
        }),
      ]);
      for (const a of detail.attempts)
        expect(Date.parse(a.finishedAt)).toBeGreaterThanOrEqual(Date.parse(a.startedAt));
    });

    it('sends failed messages again — only those — and a worker then delivers them', async () => {
      const { sms, failed, queued } = await oneOfEach();
      const res = await as(admin)('POST', '/api/admin/notifications/messages/retry', {
        ids: [failed.id, sms.id, queued.id],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ retried: 1 });
      const again = await get<OutboxMessageDetail>(`/api/admin/notifications/messages/${failed.id}`);
      expect(again).toMatchObject({ status: 'queued', lastError: null, failedAt: null, attemptLimit: 1 + 8 });
      expect(again.attempts).toHaveLength(1);
      const untouched = await get<OutboxMessageDetail>(`/api/admin/notifications/messages/${sms.id}`);
      expect(untouched).toMatchObject({ status: 'sent', sentAt: sms.sentAt, attemptLimit: 8 });
      expect(untouched.attempts).toHaveLength(1);
      expect(await get<OutboxMessageDetail>(`/api/admin/notifications/messages/${queued.id}`)).toMatchObject({
        status: 'queued',
        nextAttemptAt: queued.nextAttemptAt,
      });

      answers.delete('olga.sidorova@example.ru');
      handed.length = 0;
      await runWorker();
      expect(handed.map((m) => m.id)).toEqual([failed.id]);
      const sent = await get<OutboxMessageDetail>(`/api/admin/notifications/messages/${failed.id}`);
      expect(sent).toMatchObject({ status: 'sent', lastError: null });
      expect(sent.attempts.map((a) => a.outcome)).toEqual(['permanent', 'sent']);
      const listed = await get<OutboxPage>('/api/admin/notifications/messages?status=sent&channel=email');
      expect(listed.items.find((m) => m.id === failed.id)?.attempts).toBe(2);

      const none = await as(admin)('POST', '/api/admin/notifications/messages/retry', { ids: [sms.id] });
      expect(none.json()).toEqual({ retried: 0 });
    });

    it('counts each channel’s messages by status, with the success rate and the lag', async () => {
      await oneOfEach();
      const figures = await get<OutboxFigures>('/api/admin/notifications/figures');
      const sms = figures.channels.find((c) => c.channel === 'sms');
      const email = figures.channels.find((c) => c.channel === 'email');
      expect(figures.channels.map((c) => c.channel).sort()).toEqual(['email', 'sms']);
      expect(sms).toMatchObject({
        total: 2,
        byStatus: { queued: 1, sending: 0, sent: 1, delivered: 0, failed: 0 },
        successRate: 1,
        deliveryRate: 0,
        // no gateway is configured on this instance: the test's worker brought its own
        configured: false,
      });
      expect(email).toMatchObject({
        total: 2,
        byStatus: { queued: 0, sending: 0, sent: 1, delivered: 0, failed: 1 },
        successRate: 0.5,
        configured: false,
      });
      for (const c of [sms, email]) {
        expect(c?.lagP50Seconds).toBeGreaterThanOrEqual(0);
        expect(c?.lagP99Seconds).toBeGreaterThanOrEqual(c?.lagP50Seconds ?? 0);
        expect(c?.averageAttempts).toBe(1);
      }
      const past = await get<OutboxFigures>('/api/admin/notifications/figures?from=2000-01-01&to=2000-12-31');
      for (const c of past.channels)
        expect(c).toMatchObject({ total: 0, successRate: null, lagP50Seconds: null, lagP99Seconds: null });
    });

    it('keeps the outbox from every role but the admin, and from the anonymous', async () => {
      const { failed } = await oneOfEach();
      const reads = [
        '/api/admin/notifications/messages',
        `/api/admin/notifications/messages/${failed.id}`,
        '/api/admin/notifications/figures',
      ];
      for (const url of reads) {
        expect((await as(operator)('GET', url)).statusCode, url).toBe(403);
        expect((await ctx().app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      }
      const retry = { ids: [failed.id] };
      expect((await as(operator)('POST', '/api/admin/notifications/messages/retry', retry)).statusCode).toBe(
        403,
      );
      const anonymous = await ctx().app.inject({
        method: 'POST',
        url: '/api/admin/notifications/messages/retry',
        payload: retry,
      });
      expect(anonymous.statusCode).toBe(401);
      expect((await get<OutboxMessageDetail>(`/api/admin/notifications/messages/${failed.id}`)).status).toBe(
        'failed',
      );
    });

    it('answers 404 for an unknown message and 400 VALIDATION for what is not a message id', async () => {
      const unknown = await as(admin)(
        'GET',
        '/api/admin/notifications/messages/00000000-0000-4000-8000-000000000000',
      );
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('NOT_FOUND');
      const bad = await as(admin)('GET', '/api/admin/notifications/messages/not-a-uuid');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION');
      const badRetry = await as(admin)('POST', '/api/admin/notifications/messages/retry', { ids: ['x'] });
      expect(badRetry.statusCode).toBe(400);
      expect(badRetry.json().error.code).toBe('VALIDATION');
      const emptyRetry = await as(admin)('POST', '/api/admin/notifications/messages/retry', { ids: [] });
      expect(emptyRetry.json().error.code).toBe('VALIDATION');
      const badFilter = await as(admin)('GET', '/api/admin/notifications/messages?status=lost');
      expect(badFilter.json().error.code).toBe('VALIDATION');
      // a day shaped like one but not on the calendar is refused before it reaches SQL
      for (const url of [
        '/api/admin/notifications/messages?from=2026-13-45',
        '/api/admin/notifications/figures?to=2026-02-30',
      ]) {
        const res = await as(admin)('GET', url);
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.code, url).toBe('VALIDATION');
      }
    });

    /** The one-click unsubscribe link of the newest e-mail's List-Unsubscribe header, as a path. */
    async function unsubscribeLink(): Promise<string> {
      const [row] = await ctx()
        .database.db.select()
        .from(outboxMessages)
        .where(sql`${outboxMessages.channel} = 'email'`)
        .orderBy(sql`${outboxMessages.createdAt} desc`)
        .limit(1);
      const content = JSON.parse(ctx().app.personalData.open(row.content)) as StoredContent;
      expect(content.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      const url = /^<(.+)>$/.exec(content.headers?.['List-Unsubscribe'] ?? '')?.[1];
      expect(url).toBeDefined();
      return new URL(String(url)).pathname;
    }

    it('unsubscribes an address by the link of its e-mail, and sends it no e-mail after', async () => {
      await enqueue(notification('booking.confirmed', ivan));
      const link = await unsubscribeLink();
      expect(link).toMatch(/^\/api\/notifications\/unsubscribe\/[^/]+$/);
      expect(link).not.toMatch(/ivan|petrov/i);
      const check = await ctx().app.inject({ method: 'GET', url: link });
      expect(check.statusCode).toBe(200);
      expect(check.json()).toEqual({ valid: true, channel: 'email' });
      // as a mail client's one-click button posts it (RFC 8058)
      const res = await ctx().app.inject({
        method: 'POST',
        url: link,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      // twice is the same as once
      expect((await ctx().app.inject({ method: 'POST', url: link })).json()).toEqual({ ok: true });
      // from a browser where a staff member is signed in: the session is not asked for, nor its CSRF token
      const staffBrowser = await ctx().app.inject({
        method: 'POST',
        url: link,
        headers: { cookie: admin.cookie },
      });
      expect(staffBrowser.statusCode).toBe(200);

      const [next] = await enqueue(
        notification('booking.reminder', { ...ivan, email: 'Ivan.Petrov@Example.ru' }),
      );
      expect(next.skipped).toContainEqual({ channel: 'email', reason: 'unsubscribed' });
      expect(next.queued.map((q) => q.channel)).toEqual(['sms']);
      const [other] = await enqueue(notification('booking.reminder', { email: olga.email }));
      expect(other.queued.map((q) => q.channel)).toEqual(['email']);
    });

    it('refuses a forged or altered unsubscribe link with 404', async () => {
      await enqueue(notification('booking.confirmed', { email: ivan.email }));
      const link = await unsubscribeLink();
      const token = link.split('/').pop() ?? '';
      const altered = `${token.slice(0, 5)}${token[5] === 'a' ? 'b' : 'a'}${token.slice(6)}`;
      const forged = ['e'.padEnd(65, '0'), 'x'.repeat(22)].join('.');
      for (const bad of [altered, forged, 'not-a-token-at-all']) {
        const url = `/api/notifications/unsubscribe/${bad}`;
        const read = await ctx().app.inject({ method: 'GET', url });
        expect(read.statusCode, bad).toBe(404);
        expect(read.json().error.code).toBe('NOT_FOUND');
        expect((await ctx().app.inject({ method: 'POST', url })).statusCode, bad).toBe(404);
      }
      const [next] = await enqueue(notification('booking.reminder', { email: ivan.email }));
      expect(next.skipped).toEqual([{ channel: 'sms', reason: 'no_address' }]);
    });

    it('refuses a delivery report without the gateway’s token', async () => {
      const report = { reports: [{ id: 'gw-1', status: 'delivered' }] };
      for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }]) {
        const res = await ctx().app.inject({
          method: 'POST',
          url: '/api/notifications/delivery-reports/json',
          headers,
          payload: report,
        });
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('UNAUTHENTICATED');
      }
      const byQuery = await ctx().app.inject({
        method: 'POST',
        url: `/api/notifications/delivery-reports/smsru?token=${reportToken.slice(0, -1)}x`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'data[0]=sms_status',
      });
      expect(byQuery.statusCode).toBe(401);
      // delivery report formats: tested with the channels branch
    });
  },
  { config: { notifications: { ...testConfig().notifications, deliveryReportToken: reportToken } } },
);
