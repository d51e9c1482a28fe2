import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends, openTestDatabase } from '../../../../tests/support/databases.js';
import type { Database } from '../../db/client.js';
import { personalDataCipher } from '../../privacy/personal-data.js';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channels/channel.js';
import { notificationOptouts, outboxAttempts, outboxMessages } from './notifications.schema.js';
import { enqueueNotification, type Notification, type OutboxDeps } from './outbox.enqueue.js';
import { createOutboxWorker, type WorkerDeps } from './outbox.worker.js';

const cipher = personalDataCipher('0f'.repeat(32));

/** A channel that keeps what it was handed and answers as told. */
function recordingChannel(
  channel: 'sms' | 'email',
  answer: (m: OutgoingMessage) => SendResult = () => ({ outcome: 'sent' }),
) {
  const sent: OutgoingMessage[] = [];
  const adapter: ChannelAdapter = {
    channel,
    name: `test-${channel}`,
    async send(m) {
      // A real gateway takes time: lets two workers overlap.
      await new Promise((r) => setTimeout(r, 2));
      const result = answer(m);
      if (result.outcome === 'sent') sent.push(m);
      return result;
    },
  };
  return { adapter, sent };
}

const booking = (over: Partial<Notification['recipient']> = {}): Notification => ({
  event: 'booking.confirmed',
  recipient: { phone: '+7 912 345-67-89', email: 'Ivan@Example.ru', name: 'Иван', smsConsent: true, ...over },
  context: {
    timeZone: 'Europe/Moscow',
    office: { name: 'МФЦ Советский', address: 'Липецк, ул. Советская, 1' },
    service: { title: 'Выдача паспорта', shortTitle: 'Паспорт', documents: ['Паспорт'] },
    at: '2027-01-12T07:30:00.000Z',
    bookingCode: 'K7M-4PX',
  },
  officeCode: 'lip-sov',
  about: { kind: 'booking', ref: 'K7M-4PX' },
});

for (const kind of backends) {
  describe(`the outbox [${kind}]`, () => {
    let database: Database;
    let clock: Date;
    const deps = (): OutboxDeps => ({
      cipher,
      publicUrl: 'https://mfc.example.ru',
      maxAttempts: 3,
      now: clock,
    });
    const worker = (channels: WorkerDeps['channels'], name = 'w1') =>
      createOutboxWorker({
        database,
        channels,
        cipher,
        clock: () => clock,
        name,
        policy: { batch: 10, pollMs: 50, retryBaseSeconds: 30, retryCapSeconds: 600 },
      });
    const messages = () => database.db.select().from(outboxMessages).orderBy(outboxMessages.createdAt);

    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(async () => {
      await database.close();
    });
    beforeEach(async () => {
      clock = new Date('2027-01-11T10:00:00Z'); // 13:00 in Moscow
      await database.db.execute(sql`truncate outbox_messages, outbox_attempts, notification_optouts`);
    });

    it('sends nothing for an event that rolled back', async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await enqueueNotification(tx, deps(), booking());
          throw new Error('the booking failed');
        }),
      ).rejects.toThrow('the booking failed');
      expect(await messages()).toHaveLength(0);
      const sms = recordingChannel('sms');
      expect(await worker({ sms: sms.adapter }).drain()).toBe(0);
      expect(sms.sent).toHaveLength(0);
    });

    it('keeps a committed event’s messages sealed, one per channel', async () => {
      const result = await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking()));
      expect(result.queued.map((q) => q.channel).sort()).toEqual(['email', 'sms']);
      const rows = await messages();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.status).toBe('queued');
        expect(row.recipient).not.toMatch(/912|ivan/i);
        expect(row.content).not.toContain('Иван');
        expect(row.subjectRef).toBe('K7M-4PX');
      }
      const sms = rows.find((r) => r.channel === 'sms');
      expect(sms?.recipientMasked).toBe('+7 *** ***-**-89');
      expect(cipher.open(sms?.recipient ?? '')).toBe('+79123456789');
      expect(cipher.open(rows.find((r) => r.channel === 'email')?.recipient ?? '')).toBe('ivan@example.ru');
    });

    it('sends a committed message exactly once with two workers running', async () => {
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < 30; i++) await enqueueNotification(tx, deps(), booking({ email: null }));
      });
      const sms = recordingChannel('sms');
      const [a, b] = await Promise.all([
        worker({ sms: sms.adapter }, 'w1').drain(),
        worker({ sms: sms.adapter }, 'w2').drain(),
      ]);
      expect(a + b).toBe(30);
      const ids = sms.sent.map((m) => m.id);
      expect(new Set(ids).size).toBe(30);
      expect(ids).toHaveLength(30);
      expect(sms.sent[0].to).toBe('+79123456789');
      const rows = await messages();
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.provider === 'test-sms')).toBe(
        true,
      );
      const attempts = await database.db.select().from(outboxAttempts);
      expect(attempts).toHaveLength(30);
    });

    it('the background worker delivers at commit, woken by the hub', async () => {
      const sms = recordingChannel('sms');
      const w = createOutboxWorker({
        database,
        channels: { sms: sms.adapter },
        cipher,
        policy: { batch: 10, pollMs: 60_000, retryBaseSeconds: 30, retryCapSeconds: 600 },
      });
      await w.start();
      try {
        // "Your turn" is never held by the quiet hours: due now whatever the hour the test runs at.
        const turnNear: Notification = {
          event: 'ticket.turn_near',
          recipient: { phone: '+79123456789', smsConsent: true },
          context: {
            timeZone: 'Europe/Moscow',
            office: booking().context.office,
            ticketNumber: 'А-015',
            ahead: 2,
          },
        };
        await database.db.transaction((tx) =>
          enqueueNotification(tx, { ...deps(), now: new Date() }, turnNear),
        );
        await expect.poll(() => sms.sent.length, { timeout: 5000 }).toBe(1);
      } finally {
        await w.stop();
      }
    });

    it('retries with a growing wait, then fails when the attempts are used up', async () => {
      await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking({ email: null })));
      const sms = recordingChannel('sms', () => ({ outcome: 'retry', reason: '503 gateway busy' }));
      const w = worker({ sms: sms.adapter });
      expect(await w.runOnce()).toBe(1);
      let [row] = await messages();
      expect(row.status).toBe('queued');
      expect(row.lastError).toBe('503 gateway busy');
      const firstWait = Date.parse(row.nextAttemptAt) - clock.getTime();
      expect(firstWait).toBeGreaterThanOrEqual(15_000);
      expect(firstWait).toBeLessThanOrEqual(30_000);
      expect(await w.runOnce()).toBe(0); // not due yet
      clock = new Date(Date.parse(row.nextAttemptAt) + 1);
      expect(await w.runOnce()).toBe(1);
      [row] = await messages();
      const secondWait = Date.parse(row.nextAttemptAt) - clock.getTime();
      expect(secondWait).toBeGreaterThanOrEqual(30_000);
      expect(secondWait).toBeLessThanOrEqual(60_000);
      clock = new Date(Date.parse(row.nextAttemptAt) + 1);
      expect(await w.runOnce()).toBe(1);
      [row] = await messages();
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(3);
      expect(row.lastError).toBe('attempts used up: 503 gateway busy');
      const attempts = await database.db
        .select()
        .from(outboxAttempts)
        .where(eq(outboxAttempts.messageId, row.id));
      expect(attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry']);
    });

    it('stops at once on a permanent refusal', async () => {
      await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking({ email: null })));
      const sms = recordingChannel('sms', () => ({ outcome: 'permanent', reason: 'invalid number' }));
      expect(await worker({ sms: sms.adapter }).runOnce()).toBe(1);
      const [row] = await messages();
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(1);
      expect(row.lastError).toBe('invalid number');
      expect(row.failedAt).not.toBeNull();
      clock = new Date(clock.getTime() + 86_400_000);
      expect(await worker({ sms: sms.adapter }).runOnce()).toBe(0);
    });

    it('fails a message that expired before it could go, without sending it', async () => {
      await database.db.transaction((tx) =>
        enqueueNotification(tx, deps(), {
          ...booking({ email: null }),
          expiresAt: new Date(clock.getTime() + 60_000),
        }),
      );
      clock = new Date(clock.getTime() + 120_000);
      const sms = recordingChannel('sms');
      await worker({ sms: sms.adapter }).drain();
      const [row] = await messages();
      expect(row.status).toBe('failed');
      expect(row.lastError).toMatch(/expired/);
      expect(sms.sent).toHaveLength(0);
    });

    it('leaves a channel without a gateway queued, and takes it up once there is one', async () => {
      await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking()));
      const email = recordingChannel('email');
      expect(await worker({ email: email.adapter }).drain()).toBe(1);
      const rows = await messages();
      expect(rows.find((r) => r.channel === 'sms')?.status).toBe('queued');
      expect(rows.find((r) => r.channel === 'email')?.status).toBe('sent');
      const sms = recordingChannel('sms');
      expect(await worker({ sms: sms.adapter }).drain()).toBe(1);
    });

    it('retakes a message whose worker died while holding it, after the hold', async () => {
      await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking({ email: null })));
      const never: ChannelAdapter = { channel: 'sms', name: 'hung', send: () => new Promise(() => {}) };
      void worker({ sms: never }).runOnce();
      await expect.poll(async () => (await messages())[0]?.status).toBe('sending');
      const sms = recordingChannel('sms');
      expect(await worker({ sms: sms.adapter }, 'w2').runOnce()).toBe(0);
      clock = new Date(clock.getTime() + 301_000);
      expect(await worker({ sms: sms.adapter }, 'w2').runOnce()).toBe(1);
      const [row] = await messages();
      expect(row.status).toBe('sent');
      expect(row.attempts).toBe(2);
    });

    it('sends no SMS without consent to SMS, and nothing to an unsubscribed address', async () => {
      await database.db
        .insert(notificationOptouts)
        .values({ recipientHash: cipher.lookupHash('email', 'ivan@example.ru'), channel: 'email' });
      const result = await database.db.transaction((tx) =>
        enqueueNotification(tx, deps(), booking({ smsConsent: false })),
      );
      expect(result.queued).toEqual([]);
      expect(result.skipped).toEqual([
        { channel: 'sms', reason: 'no_consent' },
        { channel: 'email', reason: 'unsubscribed' },
      ]);
      expect(await messages()).toHaveLength(0);
    });

    it('holds an SMS through the quiet hours of the office’s time zone, but not e-mail or “your turn”', async () => {
      clock = new Date('2027-01-11T19:30:00Z'); // 22:30 in Moscow, 00:30 in Yekaterinburg
      await database.db.transaction(async (tx) => {
        await enqueueNotification(tx, deps(), booking());
        await enqueueNotification(tx, deps(), {
          ...booking({ email: null }),
          context: { ...booking().context, timeZone: 'Asia/Yekaterinburg' },
        });
        await enqueueNotification(tx, deps(), {
          event: 'ticket.turn_near',
          recipient: { phone: '+79123456789', smsConsent: true },
          context: {
            timeZone: 'Europe/Moscow',
            office: booking().context.office,
            ticketNumber: 'А-015',
            ahead: 2,
          },
        });
      });
      const rows = await messages();
      const at = (r: (typeof rows)[number]) => new Date(Date.parse(r.nextAttemptAt)).toISOString();
      const smsMoscow = rows.find(
        (r) => r.channel === 'sms' && r.event === 'booking.confirmed' && r.id === rows[0].id,
      );
      expect(rows.filter((r) => r.channel === 'email').map(at)).toEqual(['2027-01-11T19:30:00.000Z']);
      const held = rows
        .filter((r) => r.channel === 'sms' && r.event === 'booking.confirmed')
        .map(at)
        .sort();
      // 09:00 in Yekaterinburg (UTC+5) is 04:00Z; 09:00 in Moscow (UTC+3) is 06:00Z.
      expect(held).toEqual(['2027-01-12T04:00:00.000Z', '2027-01-12T06:00:00.000Z']);
      expect(rows.filter((r) => r.event === 'ticket.turn_near').map(at)).toEqual([
        '2027-01-11T19:30:00.000Z',
      ]);
      expect(smsMoscow).toBeDefined();
      const sms = recordingChannel('sms');
      expect(await worker({ sms: sms.adapter }).drain()).toBe(1);
      expect(sms.sent.map((m) => m.id)).toEqual(
        rows.filter((r) => r.event === 'ticket.turn_near').map((r) => r.id),
      );
      clock = new Date('2027-01-12T06:00:00Z');
      expect(await worker({ sms: sms.adapter }).drain()).toBe(2);
    });

    it('gives back untried what it could not start within half its hold, so no second worker sends it again', async () => {
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < 3; i++) await enqueueNotification(tx, deps(), booking({ email: null }));
      });
      // The gateway takes 200 s to answer the first one: the other two would be sent after half the hold.
      const sent: string[] = [];
      const slow: ChannelAdapter = {
        channel: 'sms',
        name: 'slow',
        async send(m) {
          clock = new Date(clock.getTime() + 200_000);
          sent.push(m.id);
          return { outcome: 'sent' };
        },
      };
      const w = createOutboxWorker({
        database,
        channels: { sms: slow },
        cipher,
        clock: () => clock,
        name: 'slow-worker',
        policy: { batch: 10, pollMs: 50, retryBaseSeconds: 30, retryCapSeconds: 600, concurrency: 1 },
      });
      expect(await w.runOnce()).toBe(3);
      expect(sent).toHaveLength(1);
      const rows = await messages();
      expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
      const released = rows.filter((r) => r.status === 'queued');
      expect(released).toHaveLength(2);
      expect(released.every((r) => r.attempts === 0)).toBe(true);
      const fast = recordingChannel('sms');
      expect(await worker({ sms: fast.adapter }, 'w2').drain()).toBe(2);
      expect(new Set([...sent, ...fast.sent.map((m) => m.id)]).size).toBe(3);
      expect(sent.length + fast.sent.length).toBe(3);
    });

    it('keeps the night quiet for a retry and for a message taken at night, not only for the first send', async () => {
      clock = new Date('2027-01-11T17:59:50Z'); // 20:59:50 in Moscow: due at once
      await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking({ email: null })));
      const busy = recordingChannel('sms', () => ({ outcome: 'retry', reason: '503 gateway busy' }));
      expect(await worker({ sms: busy.adapter }).runOnce()).toBe(1);
      let [row] = await messages();
      // the retry would come in 15–30 s, at 21:00 or later: it waits for 09:00 in Moscow
      expect(new Date(Date.parse(row.nextAttemptAt)).toISOString()).toBe('2027-01-12T06:00:00.000Z');

      // an admin sends a failed one again at night: taken, given back untried until 09:00
      await database.db.execute(
        sql`update outbox_messages set status = 'queued', next_attempt_at = now() - interval '1 minute'`,
      );
      clock = new Date('2027-01-11T20:00:00Z'); // 23:00 in Moscow
      const sms = recordingChannel('sms');
      expect(await worker({ sms: sms.adapter }).runOnce()).toBe(1);
      expect(sms.sent).toHaveLength(0);
      [row] = await messages();
      expect(row.status).toBe('queued');
      expect(row.attempts).toBe(1);
      expect(new Date(Date.parse(row.nextAttemptAt)).toISOString()).toBe('2027-01-12T06:00:00.000Z');
      clock = new Date('2027-01-12T06:00:00Z');
      expect(await worker({ sms: sms.adapter }).drain()).toBe(1);
      expect(sms.sent).toHaveLength(1);
    });

    it('does not send an e-mail whose address unsubscribed after it was written', async () => {
      await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking({ phone: null })));
      await database.db
        .insert(notificationOptouts)
        .values({ recipientHash: cipher.lookupHash('email', 'ivan@example.ru'), channel: 'email' });
      const email = recordingChannel('email');
      expect(await worker({ email: email.adapter }).drain()).toBe(1);
      expect(email.sent).toHaveLength(0);
      const [row] = await messages();
      expect(row.status).toBe('failed');
      expect(row.lastError).toBe('unsubscribed');
    });

    it('fails a message whose worker stopped while sending its last attempt, instead of taking it forever', async () => {
      await database.db.transaction((tx) => enqueueNotification(tx, deps(), booking({ email: null })));
      // its third and last attempt was taken by a worker that never came back
      await database.db.execute(
        sql`update outbox_messages set status = 'sending', attempts = 3, next_attempt_at = ${clock.toISOString()}::timestamptz`,
      );
      const sms = recordingChannel('sms');
      expect(await worker({ sms: sms.adapter }).drain()).toBe(1);
      expect(sms.sent).toHaveLength(0);
      const [row] = await messages();
      expect(row.status).toBe('failed');
      expect(row.lastError).toMatch(/stopped while sending/);
    });
  });
}
