import { randomInt } from 'node:crypto';
import { rows, sql } from '../../src/server/db/client.js';
import { bookings } from '../../src/server/modules/booking/booking.schema.js';
import type { BookingStatus } from '../../src/shared/booking.js';
import { formatBookingCode, newBookingCode } from '../../src/shared/booking-code.js';
import type { Call, CallerLookup } from '../../src/shared/callcenter.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends, type TestContext } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const base = '/api/staff/callcenter';
const callcenterGrants = [{ role: 'callcenter' as const, scope: { kind: 'region' as const } }];

let phoneCounter = 0;
/** A mobile number no other test uses, in its normal form and as a person might type it. */
function newPhone() {
  const digits = `915${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(4, '0')}`;
  return {
    normal: `+7${digits}`,
    typed: `8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`,
    lastTwo: digits.slice(-2),
  };
}

/** A booking written straight into the booking module's table, sealed as the module seals it. */
async function buildBooking(
  ctx: TestContext,
  spec: {
    phone: string;
    name?: string;
    status?: BookingStatus;
    startsAt: Date;
    email?: string;
    service?: string;
  },
) {
  const { app, database } = ctx;
  const cipher = app.personalData;
  const code = newBookingCode(randomInt);
  const status = spec.status ?? 'booked';
  const end = new Date(spec.startsAt.getTime() + 15 * 60_000);
  await database.db.insert(bookings).values({
    code,
    officeCode: 'lip-kosmonavtov',
    serviceCode: spec.service ?? 'egrn-extract',
    startsAt: spec.startsAt.toISOString(),
    endsAt: end.toISOString(),
    localDate: spec.startsAt.toISOString().slice(0, 10),
    cells: [],
    status,
    name: cipher.seal(spec.name ?? 'Анна Петрова'),
    phone: cipher.seal(spec.phone),
    phoneHash: cipher.lookupHash('phone', spec.phone),
    email: spec.email ? cipher.seal(spec.email) : null,
    channel: 'portal',
    cancelledAt: status === 'cancelled' ? new Date().toISOString() : null,
    cancelReason: status === 'cancelled' ? 'citizen' : null,
  });
  return code;
}

const day = 24 * 3600_000;

describeOnBackends('call center API: the caller’s bookings, masked until verified', (ctx) => {
  let operator: Client;
  let other: Client;

  beforeAll(async () => {
    operator = await staffClient(ctx().app, ctx().database, callcenterGrants);
    other = await staffClient(ctx().app, ctx().database, callcenterGrants);
  });

  async function startCall(client: Client, phone: string): Promise<Call> {
    const res = await client.call({ method: 'POST', url: `${base}/calls`, payload: { phone } });
    expect(res.statusCode).toBe(201);
    return res.json();
  }
  async function lookup(client: Client, phone: string, call?: string): Promise<CallerLookup> {
    const query = new URLSearchParams({ phone, ...(call ? { call } : {}) });
    const res = await client.call({ method: 'GET', url: `${base}/lookup?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  }
  const views = () =>
    rows<{ n: number }>(
      ctx().database.db,
      sql`select count(*)::int as n from security_log where event = 'personal_data_view' and result = 'ok'
        and details->>'what' = 'caller_bookings'`,
    ).then(([r]) => r.n);

  it('lists the active bookings by time, then the others, all masked before the verification, and logs nothing', async () => {
    const phone = newPhone();
    const now = Date.now();
    const later = await buildBooking(ctx(), {
      phone: phone.normal,
      startsAt: new Date(now + 5 * day),
      service: 'passport-rf-replace',
    });
    const sooner = await buildBooking(ctx(), { phone: phone.normal, startsAt: new Date(now + 2 * day) });
    const past = await buildBooking(ctx(), {
      phone: phone.normal,
      startsAt: new Date(now - 3 * day),
      status: 'cancelled',
    });
    // someone else's booking never shows
    await buildBooking(ctx(), { phone: newPhone().normal, startsAt: new Date(now + day) });
    const call = await startCall(operator, phone.typed);
    const before = await views();

    const found = await lookup(operator, phone.typed, call.id);
    expect(found.bookingsFull).toBe(false);
    expect(found.bookings.map((b) => [b.code, b.status])).toEqual([
      [`****-**${sooner.slice(-2)}`, 'booked'],
      [`****-**${later.slice(-2)}`, 'booked'],
      [`****-**${past.slice(-2)}`, 'cancelled'],
    ]);
    expect(found.bookings[0]).toMatchObject({
      officeCode: 'lip-kosmonavtov',
      timeZone: 'Europe/Moscow',
      service: { code: 'egrn-extract' },
      nameMasked: 'Анна П***',
      phoneMasked: `+7 *** ***-**-${phone.lastTwo}`,
      name: null,
      phone: null,
      email: null,
      channel: 'portal',
    });
    expect(found.bookings[0].start).toMatch(/\+03:00$/);
    const text = JSON.stringify(found);
    // the mask keeps the first name only (booking.mappers.ts): never the surname
    expect(text).not.toContain('Петрова');
    expect(text).not.toContain(phone.normal.slice(2));
    expect(text).not.toContain(sooner);
    expect(await views()).toBe(before);
  });

  it('shows the bookings in full on the operator’s own verified call on that number, and logs each view', async () => {
    const phone = newPhone();
    const code = await buildBooking(ctx(), {
      phone: phone.normal,
      startsAt: new Date(Date.now() + 2 * day),
      email: 'anna@example.ru',
    });
    const call = await startCall(operator, phone.typed);
    const verified = await operator.call({
      method: 'POST',
      url: `${base}/calls/${call.id}/verify`,
      payload: { answered: true, question: 'name_and_date' },
    });
    expect(verified.statusCode).toBe(200);
    const before = await views();

    // without the call, or on another operator's call, or on a call with another number: masked
    expect((await lookup(operator, phone.typed)).bookingsFull).toBe(false);
    expect((await lookup(other, phone.typed, call.id)).bookingsFull).toBe(false);
    const otherNumber = newPhone();
    expect((await lookup(operator, otherNumber.typed, call.id)).bookingsFull).toBe(false);
    expect(await views()).toBe(before);

    const full = await lookup(operator, phone.typed, call.id);
    expect(full.bookingsFull).toBe(true);
    expect(full.bookings).toHaveLength(1);
    expect(full.bookings[0]).toMatchObject({
      code: formatBookingCode(code),
      name: 'Анна Петрова',
      phone: phone.normal,
      email: 'anna@example.ru',
      nameMasked: 'Анна П***',
    });
    expect(await views()).toBe(before + 1);
    const [entry] = await rows<{ login: string; details: Record<string, unknown>; text: string }>(
      ctx().database.db,
      sql`select login, details, details::text as text from security_log
        where event = 'personal_data_view' and details->>'what' = 'caller_bookings' order by id desc limit 1`,
    );
    expect(entry.login).toBe(operator.user.login);
    expect(entry.details).toMatchObject({ ref: call.id, why: 'verified_call:name_and_date', bookings: 1 });
    expect(entry.text).not.toContain(phone.normal.slice(2));
    expect(entry.text).not.toContain('Анна');
    expect(entry.text).not.toContain(code);

    // the answer withdrawn: masked again
    await operator.call({
      method: 'POST',
      url: `${base}/calls/${call.id}/verify`,
      payload: { answered: false, question: 'name_and_date' },
    });
    expect((await lookup(operator, phone.typed, call.id)).bookingsFull).toBe(false);
    expect(await views()).toBe(before + 1);
  });

  it('checks the booking code the caller told: one of the number’s bookings, in any spelling', async () => {
    const phone = newPhone();
    const code = await buildBooking(ctx(), { phone: phone.normal, startsAt: new Date(Date.now() + day) });
    const strangers = await buildBooking(ctx(), {
      phone: newPhone().normal,
      startsAt: new Date(Date.now() + day),
    });
    const call = await startCall(operator, phone.normal);
    const verify = (bookingCode?: string) =>
      operator.call({
        method: 'POST',
        url: `${base}/calls/${call.id}/verify`,
        payload: { answered: true, question: 'booking_code', ...(bookingCode ? { bookingCode } : {}) },
      });

    const missing = await verify();
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toMatchObject([
      { field: 'body.bookingCode', code: 'custom', params: { rule: 'required' } },
    ]);
    for (const wrong of [strangers, 'ACEFHJKM', 'not a code']) {
      const res = await verify(wrong);
      expect({ wrong, status: res.statusCode }).toEqual({ wrong, status: 400 });
      expect(res.json().error.details).toMatchObject([
        { field: 'body.bookingCode', code: 'wrong_booking_code' },
      ]);
    }
    const before = await rows<{ verified_at: string | null }>(
      ctx().database.db,
      sql`select verified_at from calls where id = ${call.id}`,
    );
    expect(before[0].verified_at).toBeNull();

    const right = await verify(formatBookingCode(code).toLowerCase());
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ verifiedQuestion: 'booking_code' });
    expect((await lookup(operator, phone.normal, call.id)).bookingsFull).toBe(true);
  });
});
