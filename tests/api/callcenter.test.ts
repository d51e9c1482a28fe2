import { rows, sql } from '../../src/server/db/client.js';
import { enqueueNotification } from '../../src/server/modules/notifications/outbox.enqueue.js';
import type { Call, Callback, CallerContact, CallerLookup } from '../../src/shared/callcenter.js';
import type { OutboxMessage } from '../../src/shared/notifications.admin.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { bookingNotification } from '../support/notifications.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const base = '/api/staff/callcenter';
const callcenterGrants = [{ role: 'callcenter' as const, scope: { kind: 'region' as const } }];

let phoneCounter = 0;
/** A phone number no other test uses, in its normal form and as a person might type it. */
function newPhone() {
  const digits = `912${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(4, '0')}`;
  return {
    normal: `+7${digits}`,
    typed: `8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`,
    lastTwo: digits.slice(-2),
  };
}

describeOnBackends('call center API: calls, the caller, the logged full view, call-backs', (ctx) => {
  let operator: Client;
  let other: Client;
  let admin: Client;

  beforeAll(async () => {
    operator = await staffClient(ctx().app, ctx().database, callcenterGrants);
    other = await staffClient(ctx().app, ctx().database, callcenterGrants);
    admin = await staffClient(ctx().app, ctx().database, [{ role: 'admin', scope: { kind: 'region' } }]);
  });

  /** A booking confirmation to the phone, as the bookings module will send it. */
  async function messageTo(phone: string, bookingCode = 'B-1042') {
    const { app, database } = ctx();
    return database.db.transaction((tx) =>
      enqueueNotification(tx, app.outbox.deps(), bookingNotification({ phone }, { ref: bookingCode })),
    );
  }

  async function startCall(client: Client, phone?: string): Promise<Call> {
    const res = await client.call({ method: 'POST', url: `${base}/calls`, payload: phone ? { phone } : {} });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const verify = (client: Client, id: string) =>
    client.call({
      method: 'POST',
      url: `${base}/calls/${id}/verify`,
      payload: { answered: true, question: 'name_and_date' },
    });

  it('refuses anonymous callers with 401 and other roles with 403', async () => {
    const anonymous = await ctx().app.inject({ method: 'GET', url: `${base}/calls` });
    expect(anonymous.statusCode).toBe(401);
    const windowOperator = await staffClient(ctx().app, ctx().database, [
      { role: 'operator', scope: { kind: 'region' } },
    ]);
    for (const [method, url] of [
      ['GET', `${base}/calls`],
      ['GET', `${base}/lookup?phone=%2B79120000000`],
      ['POST', `${base}/calls`],
      ['GET', `${base}/callbacks`],
    ] as const) {
      const res = await windowOperator.call({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
    }
  });

  it('finds the messages to a phone typed in another format, and shows only masked data', async () => {
    const phone = newPhone();
    await messageTo(phone.normal);
    const res = await operator.call({
      method: 'GET',
      url: `${base}/lookup?phone=${encodeURIComponent(phone.typed)}`,
    });
    expect(res.statusCode).toBe(200);
    const found = res.json() as CallerLookup;
    expect(found.phone).toBe(`+7 *** ***-**-${phone.lastTwo}`);
    expect(found.messages).toHaveLength(1);
    expect(found.messages[0]).toMatchObject({
      event: 'booking.confirmed',
      channel: 'sms',
      status: 'queued',
      recipient: `+7 *** ***-**-${phone.lastTwo}`,
      about: { kind: 'booking', ref: 'B-1042' },
    });
    expect(res.body).not.toContain(phone.normal.slice(2));
    expect(res.body).not.toContain('Анна');
  });

  it('refuses a phone that is not one with a 400 naming the rule', async () => {
    const res = await operator.call({ method: 'GET', url: `${base}/lookup?phone=12345` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'querystring.phone', code: 'custom', params: { rule: 'phone' } }],
    });
  });

  it('shows the caller in full only on a verified call of one’s own, and logs every view without the phone', async () => {
    const phone = newPhone();
    await messageTo(phone.normal);
    const call = await startCall(operator, phone.typed);
    expect(call).toMatchObject({ running: true, phone: `+7 *** ***-**-${phone.lastTwo}`, verifiedAt: null });

    const before = await operator.call({ method: 'GET', url: `${base}/calls/${call.id}/contact` });
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('NOT_VERIFIED');

    expect((await verify(operator, call.id)).json()).toMatchObject({ verifiedQuestion: 'name_and_date' });
    // another operator may neither verify nor see someone else's call
    expect((await verify(other, call.id)).statusCode).toBe(403);
    const others = await other.call({ method: 'GET', url: `${base}/calls/${call.id}/contact` });
    expect(others.statusCode).toBe(403);
    expect(others.json().error.code).toBe('NOT_VERIFIED');

    const logged = async () =>
      rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from security_log where event = 'personal_data_view' and result = 'ok'
          and user_id = ${operator.user.id}`,
      ).then(([r]) => r.n);
    const viewsBefore = await logged();
    const res = await operator.call({ method: 'GET', url: `${base}/calls/${call.id}/contact` });
    expect(res.statusCode).toBe(200);
    const contact = res.json() as CallerContact;
    expect(contact.phone).toBe(phone.normal);
    expect(contact.messages[0]).toMatchObject({ to: phone.normal, event: 'booking.confirmed' });
    expect(contact.messages[0].text).toContain('B-1042');
    expect(await logged()).toBe(viewsBefore + 1);

    const [entry] = await rows<{ login: string; details: Record<string, unknown>; text: string }>(
      ctx().database.db,
      sql`select login, details, details::text as text from security_log
        where event = 'personal_data_view' and result = 'ok' order by id desc limit 1`,
    );
    expect(entry.login).toBe(operator.user.login);
    expect(entry.details).toMatchObject({ what: 'caller_phone_and_messages', ref: call.id });
    expect(entry.text).not.toContain(phone.normal.slice(2));
    expect(entry.text).not.toContain('Анна');
    // the refusals are in the log too
    const [refused] = await rows<{ n: number }>(
      ctx().database.db,
      sql`select count(*)::int as n from security_log where event = 'personal_data_view' and result = 'refused'
        and details->>'ref' = ${call.id}`,
    );
    expect(refused.n).toBe(2);
  });

  it('clears the verification when the call’s phone changes', async () => {
    const call = await startCall(operator, newPhone().normal);
    await verify(operator, call.id);
    const res = await operator.call({
      method: 'PATCH',
      url: `${base}/calls/${call.id}`,
      payload: { phone: newPhone().typed },
    });
    expect(res.json()).toMatchObject({ verifiedAt: null, verifiedQuestion: null });
    const view = await operator.call({ method: 'GET', url: `${base}/calls/${call.id}/contact` });
    expect(view.json().error.code).toBe('NOT_VERIFIED');
  });

  it('re-sends the newest message to the call’s phone as a new queued copy, whatever became of it', async () => {
    const phone = newPhone();
    const call = await startCall(operator, phone.normal);
    // no message to this phone yet
    const none = await operator.call({ method: 'POST', url: `${base}/calls/${call.id}/resend`, payload: {} });
    expect(none.statusCode).toBe(404);

    const { queued: older } = await messageTo(phone.normal, 'B-2001');
    await ctx().database.db.execute(
      sql`update outbox_messages set status = 'sent', sent_at = now(), attempts = 1 where id = ${older[0].id}`,
    );
    // a newer message, still waiting (a rescheduling held for the night): it is the one that counts
    const { queued: newer } = await messageTo(phone.normal, 'B-2002');
    const res = await operator.call({
      method: 'POST',
      url: `${base}/calls/${call.id}/resend`,
      payload: { channel: 'sms' },
    });
    expect(res.statusCode).toBe(201);
    const made = res.json() as OutboxMessage;
    expect(made).toMatchObject({ status: 'queued', channel: 'sms', event: 'booking.confirmed', attempts: 0 });
    expect(made.about).toEqual({ kind: 'booking', ref: 'B-2002' });
    const [copy] = await rows<{ resent_from: string }>(
      ctx().database.db,
      sql`select resent_from from outbox_messages where id = ${made.id}`,
    );
    expect(copy.resent_from).toBe(newer[0].id);
    const lookup = (
      await operator.call({ method: 'GET', url: `${base}/lookup?phone=${encodeURIComponent(phone.normal)}` })
    ).json() as CallerLookup;
    expect(lookup.messages.map((m) => m.id)).toEqual([made.id, newer[0].id, older[0].id]);

    // once the call has ended, nothing more is sent from it
    await operator.call({
      method: 'PATCH',
      url: `${base}/calls/${call.id}`,
      payload: { end: true, outcome: 'information' },
    });
    const ended = await operator.call({
      method: 'POST',
      url: `${base}/calls/${call.id}/resend`,
      payload: {},
    });
    expect(ended.statusCode).toBe(409);
  });

  it('ends a call with its outcome and keeps a log of one’s own calls, long ones flagged', async () => {
    const phone = newPhone();
    const long = await startCall(operator, phone.normal);
    const short = await startCall(operator);
    await startCall(other);
    // the long call began 12 minutes ago
    await ctx().database.db.execute(
      sql`update calls set started_at = now() - interval '12 minutes' where id = ${long.id}`,
    );
    const noOutcome = await operator.call({
      method: 'PATCH',
      url: `${base}/calls/${short.id}`,
      payload: { end: true },
    });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().error.details[0]).toMatchObject({
      path: 'outcome',
      params: { rule: 'required' },
    });
    const [service] = (await ctx().app.inject({ method: 'GET', url: '/api/services?limit=1' })).json().items;
    const ended = await operator.call({
      method: 'PATCH',
      url: `${base}/calls/${long.id}`,
      payload: {
        end: true,
        outcome: 'information',
        note: 'Спрашивали про паспорт',
        serviceCode: service.code,
      },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({
      running: false,
      outcome: 'information',
      long: true,
      service: { code: service.code },
    });
    expect(ended.json().durationSeconds).toBeGreaterThanOrEqual(720);
    const unknownService = await operator.call({
      method: 'PATCH',
      url: `${base}/calls/${short.id}`,
      payload: { serviceCode: 'no-such-service' },
    });
    expect(unknownService.statusCode).toBe(400);
    expect(
      (await other.call({ method: 'PATCH', url: `${base}/calls/${long.id}`, payload: {} })).statusCode,
    ).toBe(403);

    const log = (await operator.call({ method: 'GET', url: `${base}/calls?mine=true&limit=200` })).json();
    const ids = log.items.map((c: Call) => c.id);
    expect(ids.indexOf(short.id)).toBeLessThan(ids.indexOf(long.id));
    expect(log.items.every((c: Call) => c.operator.id === operator.user.id)).toBe(true);
    expect(log.items.find((c: Call) => c.id === long.id)).toMatchObject({
      long: true,
      phone: expect.any(String),
    });
    expect(log.items.find((c: Call) => c.id === short.id)).toMatchObject({ long: false, running: true });
    // an operator sees only their own calls even when asking for more; an admin sees everyone's
    const notMine = (
      await operator.call({ method: 'GET', url: `${base}/calls?mine=false&limit=200` })
    ).json();
    expect(notMine.items.every((c: Call) => c.operator.id === operator.user.id)).toBe(true);
    const all = (await admin.call({ method: 'GET', url: `${base}/calls?limit=200` })).json();
    expect(new Set(all.items.map((c: Call) => c.operator.id))).toEqual(
      new Set([operator.user.id, other.user.id]),
    );
    // the caller's earlier calls show in the lookup
    const lookup = (
      await operator.call({ method: 'GET', url: `${base}/lookup?phone=${encodeURIComponent(phone.typed)}` })
    ).json() as CallerLookup;
    expect(lookup.calls.map((c) => c.id)).toEqual([long.id]);
  });

  it('lists open call-backs by due time, flags the overdue, and marks them done', async () => {
    const phone = newPhone();
    const call = await startCall(operator, phone.normal);
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    const sooner = new Date(Date.now() + 3600_000).toISOString();
    const create = (dueAt: string, note: string) =>
      operator.call({
        method: 'POST',
        url: `${base}/callbacks`,
        payload: { phone: phone.typed, dueAt, note, callId: call.id },
      });
    const a = (await create(later, 'позже')).json() as Callback;
    const b = (await create(sooner, 'раньше')).json() as Callback;
    const c = (await create(sooner, 'просрочен')).json() as Callback;
    expect(a).toMatchObject({ status: 'open', phone: `+7 *** ***-**-${phone.lastTwo}`, overdue: false });
    await ctx().database.db.execute(
      sql`update callbacks set due_at = now() - interval '1 hour' where id = ${c.id}`,
    );
    const past = await create(new Date(Date.now() - 3600_000).toISOString(), 'в прошлом');
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0]).toMatchObject({ path: 'dueAt', code: 'in_past' });
    const unknownCall = await operator.call({
      method: 'POST',
      url: `${base}/callbacks`,
      payload: { phone: phone.typed, dueAt: later, callId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
    });
    expect(unknownCall.statusCode).toBe(400);

    const open = (
      await other.call({ method: 'GET', url: `${base}/callbacks?status=open` })
    ).json() as Callback[];
    const mine = open.filter((x) => [a.id, b.id, c.id].includes(x.id));
    expect(mine.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(mine.map((x) => x.overdue)).toEqual([true, false, false]);

    const done = await other.call({ method: 'POST', url: `${base}/callbacks/${c.id}/done` });
    expect(done.json()).toMatchObject({ status: 'done', doneBy: other.user.id, overdue: false });
    const again = await other.call({ method: 'POST', url: `${base}/callbacks/${c.id}/done` });
    expect(again.statusCode).toBe(200);
    expect((await other.call({ method: 'POST', url: `${base}/callbacks/${c.id}/cancel` })).statusCode).toBe(
      409,
    );
    const stillOpen = (await operator.call({ method: 'GET', url: `${base}/callbacks` })).json() as Callback[];
    expect(stillOpen.map((x) => x.id)).not.toContain(c.id);
    const lookup = (
      await operator.call({ method: 'GET', url: `${base}/lookup?phone=${encodeURIComponent(phone.normal)}` })
    ).json() as CallerLookup;
    expect(lookup.callbacks.map((x) => x.id)).toEqual([b.id, a.id]);
  });
});
