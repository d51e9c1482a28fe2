import { eq, sql } from 'drizzle-orm';
import {
  notificationOptouts,
  outboxMessages,
} from '../../src/server/modules/notifications/notifications.schema.js';
import { adminGrants, callAs, fieldsOf, staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { type SignedIn, signIn } from '../support/auth.js';
import { buildUser } from '../support/factories.js';

describeOnBackends('admin API: a test message to check a channel', (ctx) => {
  let admin: SignedIn;
  beforeAll(async () => {
    admin = (await staffClient(ctx().app, ctx().database, adminGrants)).session;
  });
  beforeEach(async () => {
    await ctx().database.db.execute(sql`truncate outbox_messages, outbox_attempts, notification_optouts`);
  });
  const send = (who: SignedIn, payload: object) =>
    callAs(ctx().app, who, { method: 'POST', url: '/api/admin/notifications/test', payload });

  it('writes a channel.test message to the given phone, due at once at any hour', async () => {
    const res = await send(admin, { channel: 'sms', to: '8 (912) 345-67-89' });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await ctx()
      .database.db.select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, res.json().id));
    expect(row).toMatchObject({
      event: 'channel.test',
      channel: 'sms',
      status: 'queued',
      recipientMasked: '+7 *** ***-**-89',
    });
    expect(ctx().app.personalData.open(row.recipient)).toBe('+79123456789');
    expect(Date.parse(row.nextAttemptAt)).toBeLessThanOrEqual(Date.now() + 1000);
    const text = JSON.parse(ctx().app.personalData.open(row.content)).text as string;
    expect(text).toContain('проверочное сообщение');
  });

  it('writes an English e-mail when asked', async () => {
    const res = await send(admin, { channel: 'email', to: 'Admin@Example.ru', locale: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await ctx()
      .database.db.select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, res.json().id));
    expect(row).toMatchObject({ channel: 'email', locale: 'en', recipientMasked: 'a***@example.ru' });
    expect(JSON.parse(ctx().app.personalData.open(row.content)).subject).toMatch(/[A-Za-z]/);
  });

  it('refuses an address that is not one for the channel, or one that unsubscribed, naming the field', async () => {
    const phone = await send(admin, { channel: 'sms', to: 'admin@example.ru' });
    expect(phone.statusCode).toBe(400);
    expect(fieldsOf(phone.json())).toEqual(['body.to']);
    expect(phone.json().error.details[0].code).toBe('invalid_address');
    await ctx()
      .database.db.insert(notificationOptouts)
      .values({
        recipientHash: ctx().app.personalData.lookupHash('email', 'gone@example.ru'),
        channel: 'email',
      });
    const gone = await send(admin, { channel: 'email', to: 'gone@example.ru' });
    expect(gone.statusCode).toBe(400);
    expect(gone.json().error.details[0].code).toBe('unsubscribed');
    expect(await ctx().database.db.select().from(outboxMessages)).toHaveLength(0);
  });

  it('is the admin’s only', async () => {
    const user = await buildUser(ctx().database, {
      grants: [{ role: 'operator', scope: { kind: 'region' } }],
    });
    const operator = await signIn(ctx().app, user.login, user.password);
    expect((await send(operator, { channel: 'sms', to: '+79123456789' })).statusCode).toBe(403);
    const anonymous = await ctx().app.inject({
      method: 'POST',
      url: '/api/admin/notifications/test',
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('reads the days of the filters in the region’s time zone, as the page shows the times', async () => {
    const res = await send(admin, { channel: 'sms', to: '+79123456789' });
    // 22:30 UTC on 4 March is 01:30 on 5 March in Moscow, the demo region's zone
    await ctx().database.db.execute(
      sql`update outbox_messages set created_at = '2026-03-04T22:30:00Z' where id = ${res.json().id}`,
    );
    const on = async (day: string) =>
      (
        await callAs(ctx().app, admin, {
          method: 'GET',
          url: `/api/admin/notifications/messages?from=${day}&to=${day}`,
        })
      ).json().total as number;
    expect(await on('2026-03-05')).toBe(1);
    expect(await on('2026-03-04')).toBe(0);
  });
});
