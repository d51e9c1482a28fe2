import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/server/db/client.js';
import { sweepBookings } from '../../src/server/modules/booking/booking.sweep.js';
import { closeEndedDays } from '../../src/server/modules/queue/day-end.js';
import type { Booking } from '../../src/shared/booking.js';
import type { CaseCreated } from '../../src/shared/cases.js';
import type { IssuedTicket, StaffTicket } from '../../src/shared/queue.js';
import { staffClient } from './admin.js';

/**
 * A small, varied history driven through the real flows with the clock moved (issue 12's analytics tests):
 * three offices over three days and the same day a year before — tickets done, not shown and closed at the
 * day's end, booked visits checked in, bookings made, cancelled, moved to another day and not kept, cases
 * accepted and ready on time and late, visits and a case rated. Every figure below is written out by hand in
 * `expected` so a test can compare what the analytics say with what happened.
 *
 * Offices (all Europe/Moscow, UTC+3): A lip-kosmonavtov (district lipetsk-city), B izmalkovo-main
 * (izmalkovsky), C elets-oktyabrskaya (elets-city).
 */
export const A = 'lip-kosmonavtov';
export const B = 'izmalkovo-main';
export const C = 'elets-oktyabrskaya';
export const districtOf = { [A]: 'lipetsk-city', [B]: 'izmalkovsky', [C]: 'elets-city' } as const;

type Client = Awaited<ReturnType<typeof staffClient>>;

/** Local time in Lipetsk (UTC+3) as an instant. */
export const local = (dateTime: string) => new Date(`${dateTime}:00+03:00`);

export type History = {
  tickets: Record<string, { id: string; track: string }>;
  cases: Record<string, CaseCreated>;
};

/**
 * Drives the history. `setNow` moves the app's clock; the app must have been built with a clock reading it.
 */
export async function driveHistory(
  app: FastifyInstance,
  database: Database,
  setNow: (at: Date) => void,
): Promise<History> {
  const operator = (office: string) =>
    staffClient(app, database, [{ role: 'operator', scope: { kind: 'offices', offices: [office] } }]);
  const opA = await operator(A);
  const opA2 = await operator(A);
  const opB = await operator(B);
  const opC = await operator(C);
  const backoffice = await staffClient(app, database, [
    { role: 'backoffice', scope: { kind: 'offices', offices: [A] } },
  ]);
  const tickets: History['tickets'] = {};
  const cases: History['cases'] = {};

  const ok = async (client: Client, url: string, payload: Record<string, unknown> = {}) => {
    const res = await client.call({ method: 'POST', url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const open = (client: Client, office: string, window: number) =>
    ok(client, `/api/offices/${office}/windows/${window}/open`);
  const close = (client: Client, office: string, window: number) =>
    ok(client, `/api/offices/${office}/windows/${window}/close`);
  const issue = async (name: string, client: Client, office: string, body: Record<string, unknown>) => {
    const res = await client.call({ method: 'POST', url: `/api/offices/${office}/tickets`, payload: body });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    const t = res.json() as IssuedTicket;
    tickets[name] = { id: t.id, track: t.track };
  };
  const kioskIssue = async (name: string, office: string, body: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/offices/${office}/tickets`,
      headers: { 'x-kiosk-token': `demo-kiosk-${office}` },
      payload: body,
    });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    const t = res.json() as IssuedTicket;
    tickets[name] = { id: t.id, track: t.track };
  };
  const callNext = async (name: string, client: Client, office: string, window: number) => {
    const { ticket } = (await ok(client, `/api/offices/${office}/windows/${window}/call-next`)) as {
      ticket: StaffTicket | null;
    };
    expect(ticket?.id, `call-next should call ${name}`).toBe(tickets[name].id);
  };
  const act = (client: Client, name: string, action: string, payload: Record<string, unknown> = {}) =>
    ok(client, `/api/tickets/${tickets[name].id}/${action}`, payload);
  const book = async (phone: string, start: string): Promise<Booking> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        office: B,
        service: 'egrn-extract',
        start,
        name: 'Мария Петрова',
        phone,
        consents: { personalData: true, sms: true },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Booking;
  };
  const checkIn = async (name: string, code: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/offices/${B}/check-in`,
      headers: { 'x-kiosk-token': `demo-kiosk-${B}` },
      payload: { code },
    });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    const t = res.json() as IssuedTicket;
    tickets[name] = { id: t.id, track: t.track };
  };
  const accept = async (name: string) => {
    const res = await backoffice.call({
      method: 'POST',
      url: '/api/cases',
      payload: {
        office: A,
        service: 'egrn-extract',
        applicant: {
          kind: 'person',
          lastName: 'Иванова',
          firstName: 'Мария',
          birthDate: '1980-05-17',
          identityDocument: { kind: 'passport_rf', series: '42 05', number: '123456' },
          phone: '+7 (910) 555-12-34',
          consent: { sms: false, email: false },
        },
        documents: [],
      },
    });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    cases[name] = res.json() as CaseCreated;
  };
  const toReady = async (name: string) => {
    for (const to of ['sent', 'review', 'ready']) {
      const res = await backoffice.call({
        method: 'POST',
        url: `/api/cases/${cases[name].id}/transitions`,
        payload: { to },
      });
      expect(res.statusCode, `${name} → ${to}: ${res.body}`).toBe(200);
    }
  };
  let clock = new Date(0);
  const setAt = (dateTime: string) => {
    clock = local(dateTime);
    setNow(clock);
  };
  const sweep = () =>
    sweepBookings({ db: database.db, cipher: app.personalData, outbox: () => app.outbox.deps(), now: clock });

  // ── a year before: Monday 1 December 2025, office A ──
  setAt('2025-12-01T09:00');
  await open(opA, A, 1);
  await issue('p1', opA, A, { service: 'egrn-extract' });
  setAt('2025-12-01T09:01');
  await issue('p2', opA, A, { purpose: 'consult' });
  setAt('2025-12-01T09:04');
  await callNext('p1', opA, A, 1); // waited 4
  await act(opA, 'p1', 'start');
  setAt('2025-12-01T09:14');
  await act(opA, 'p1', 'finish', { outcome: 'consultation_given' }); // served 10
  setAt('2025-12-01T09:15');
  await callNext('p2', opA, A, 1); // waited 14
  await act(opA, 'p2', 'start');
  setAt('2025-12-01T09:20');
  await act(opA, 'p2', 'finish', { outcome: 'consultation_given' }); // served 5
  await close(opA, A, 1);

  // ── Friday 27 November 2026: four bookings at B; one cancelled, one moved from Tuesday to Wednesday ──
  setAt('2026-11-27T10:00');
  const bk1 = await book('+79125550001', '2026-11-30T10:00:00+03:00');
  await book('+79125550002', '2026-11-30T11:00:00+03:00');
  const bk3 = await book('+79125550003', '2026-12-01T10:00:00+03:00');
  const bk4 = await book('+79125550004', '2026-12-01T10:30:00+03:00');
  setAt('2026-11-27T10:05');
  const cancelled = await app.inject({
    method: 'POST',
    url: `/api/bookings/${bk3.code}/cancel`,
    payload: { phone: '+79125550003' },
  });
  expect(cancelled.statusCode, cancelled.body).toBe(200);
  setAt('2026-11-27T10:10');
  const moved = await app.inject({
    method: 'POST',
    url: `/api/bookings/${bk4.code}/reschedule`,
    payload: { phone: '+79125550004', start: '2026-12-02T10:30:00+03:00' },
  });
  expect(moved.statusCode, moved.body).toBe(200);

  // ── Monday 30 November 2026 ──
  setAt('2026-11-30T09:55');
  await open(opB, B, 2);
  await checkIn('tb1', bk1.code); // booked for 10:00
  setAt('2026-11-30T10:00');
  await open(opA, A, 1);
  await open(opA2, A, 2);
  await issue('t1', opA, A, { service: 'egrn-extract' });
  setAt('2026-11-30T10:01');
  await issue('t2', opA, A, { purpose: 'consult' });
  setAt('2026-11-30T10:03');
  await callNext('tb1', opB, B, 2); // waited 3 (from the booked 10:00, not the check-in)
  await act(opB, 'tb1', 'start');
  setAt('2026-11-30T10:05');
  await callNext('t1', opA, A, 1); // waited 5
  await act(opA, 't1', 'start');
  await kioskIssue('tw1', B, { service: 'egrn-extract' });
  setAt('2026-11-30T10:13');
  await act(opB, 'tb1', 'finish', { outcome: 'application_accepted' }); // served 10
  setAt('2026-11-30T10:14');
  await callNext('tw1', opB, B, 2); // waited 9
  await act(opB, 'tw1', 'start');
  setAt('2026-11-30T10:15');
  await act(opA, 't1', 'finish', { outcome: 'consultation_given' }); // served 10
  setAt('2026-11-30T10:20');
  await callNext('t2', opA, A, 1); // waited 19: over 15
  await act(opB, 'tw1', 'finish', { outcome: 'consultation_given' }); // served 6
  setAt('2026-11-30T10:22');
  await act(opA, 't2', 'recall');
  setAt('2026-11-30T10:25');
  await act(opA, 't2', 'no-show');
  setAt('2026-11-30T11:00');
  await issue('t4', opA, A, { service: 'passport-rf-14' });
  setAt('2026-11-30T11:16');
  await callNext('t4', opA2, A, 2); // waited 16: over 15
  await act(opA2, 't4', 'start');
  setAt('2026-11-30T11:20');
  await issue('t3', opA, A, { service: 'egrn-extract' }); // never called: closed at the day's end
  setAt('2026-11-30T11:30');
  await accept('k1'); // due Thursday 3 December
  setAt('2026-11-30T11:40');
  await accept('k2');
  setAt('2026-11-30T11:46');
  await act(opA2, 't4', 'finish', { outcome: 'consultation_given' }); // served 30
  await close(opA, A, 1);
  await close(opA2, A, 2);
  setAt('2026-11-30T14:00');
  expect((await sweep()).noShows).toBe(1); // bk2, booked for 11:00, never came
  await close(opB, B, 2);
  expect(await closeEndedDays(database.db, local('2026-11-30T20:31'))).toBe(1); // t3

  // ── Tuesday 1 December 2026 ──
  setAt('2026-12-01T09:00');
  await open(opA, A, 1);
  await issue('t5', opA, A, { service: 'egrn-extract' });
  setAt('2026-12-01T09:02');
  await callNext('t5', opA, A, 1); // waited 2
  await act(opA, 't5', 'start');
  setAt('2026-12-01T09:12');
  await act(opA, 't5', 'finish', { outcome: 'consultation_given' }); // served 10
  await close(opA, A, 1);
  setAt('2026-12-01T10:00');
  await toReady('k1'); // on time
  setAt('2026-12-01T12:00');
  await open(opC, C, 1);
  await issue('t6', opC, C, { service: 'egrn-extract' });
  setAt('2026-12-01T12:05');
  await issue('t7', opC, C, { purpose: 'consult' });
  setAt('2026-12-01T12:30');
  await callNext('t6', opC, C, 1); // waited 30
  await act(opC, 't6', 'start');
  setAt('2026-12-01T12:40');
  await act(opC, 't6', 'finish', { outcome: 'consultation_given' }); // served 10
  setAt('2026-12-01T12:41');
  await callNext('t7', opC, C, 1); // waited 36
  setAt('2026-12-01T12:43');
  await act(opC, 't7', 'recall');
  setAt('2026-12-01T12:45');
  await act(opC, 't7', 'no-show');
  await close(opC, C, 1);
  setAt('2026-12-01T13:00');
  await rate(app, tickets.t1.track, [5, 5, 5, 5, 5]);
  await rate(app, tickets.tb1.track, [2, 3, 4, 5, 1], 'Долго ждал у окна');
  expect(await closeEndedDays(database.db, local('2026-12-01T20:31'))).toBe(0);

  // ── Wednesday 2 December 2026: the moved booking is kept ──
  setAt('2026-12-02T10:25');
  await open(opB, B, 2);
  await checkIn('tb4', bk4.code); // booked for 10:30
  setAt('2026-12-02T10:31');
  await callNext('tb4', opB, B, 2); // waited 1
  await act(opB, 'tb4', 'start');
  setAt('2026-12-02T10:41');
  await act(opB, 'tb4', 'finish', { outcome: 'consultation_given' }); // served 10
  await close(opB, B, 2);

  // ── Monday 7 December 2026: the second case is ready late; the first is rated ──
  setAt('2026-12-07T10:00');
  await toReady('k2');
  setAt('2026-12-07T10:30');
  await rateCase(app, cases.k1, [4, 4, 4, 4, 4]);
  return { tickets, cases };
}

/** Rates a finished ticket through its public page's token. */
export async function rate(app: FastifyInstance, track: string, s: number[], comment?: string) {
  const page = await app.inject({ method: 'GET', url: `/api/tickets/${track}` });
  const token = (page.json() as { ratingToken: string | null }).ratingToken;
  expect(token, page.body).toEqual(expect.any(String));
  await postRating(app, token as string, s, comment);
}

export async function rateCase(app: FastifyInstance, created: CaseCreated, s: number[]) {
  const status = await app.inject({
    method: 'GET',
    url: `/api/status?number=${created.number}&pin=${created.pin}`,
  });
  const token = (status.json() as { ratingToken: string | null }).ratingToken;
  expect(token, status.body).toEqual(expect.any(String));
  await postRating(app, token as string, s);
}

async function postRating(app: FastifyInstance, token: string, s: number[], comment?: string) {
  const [time, waiting, staff, comfort, information] = s;
  const res = await app.inject({
    method: 'POST',
    url: `/api/ratings/${token}`,
    payload: { scores: { time, waiting, staff, comfort, information }, ...(comment ? { comment } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** The rollups' columns, in a comparable form. */
export type RollupRow = {
  grain: string;
  period: string;
  office_code: string;
  service_code: string;
  visits: number;
  visits_booked: number;
  visits_portal: number;
  served: number;
  no_show: number;
  waited: number;
  wait_seconds: number;
  wait_over: number;
  waited_booked: number;
  wait_seconds_booked: number;
  wait_over_booked: number;
  serviced: number;
  service_seconds: number;
  window_days: number;
  bookings: number;
  bookings_portal: number;
  bookings_no_show: number;
  cases: number;
  cases_on_time: number;
  cases_overdue: number;
  ratings: number;
  wait_hist: number[];
  wait_hist_booked: number[];
  score_sum: number[];
  satisfied: number[];
};

const zeros = (n: number) => Array.from({ length: n }, () => 0);
/** A histogram with one wait per minute value given (buckets as src/shared/analytics-kpi.ts). */
export function histogramOf(minutes: number[]): number[] {
  const bounds = [2, 4, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 90, 120];
  const h = zeros(16);
  for (const m of minutes) {
    const i = bounds.findIndex((b) => m < b);
    h[i === -1 ? 15 : i]++;
  }
  return h;
}

/** An expected row: zero everywhere but the given figures. */
export function row(
  key: { grain: 'd' | 'm'; period: string; office: string; service: string },
  figures: Partial<Omit<RollupRow, 'grain' | 'period' | 'office_code' | 'service_code'>>,
): RollupRow {
  return {
    grain: key.grain,
    period: key.period,
    office_code: key.office,
    service_code: key.service,
    visits: 0,
    visits_booked: 0,
    visits_portal: 0,
    served: 0,
    no_show: 0,
    waited: 0,
    wait_seconds: 0,
    wait_over: 0,
    waited_booked: 0,
    wait_seconds_booked: 0,
    wait_over_booked: 0,
    serviced: 0,
    service_seconds: 0,
    window_days: 0,
    bookings: 0,
    bookings_portal: 0,
    bookings_no_show: 0,
    cases: 0,
    cases_on_time: 0,
    cases_overdue: 0,
    ratings: 0,
    wait_hist: zeros(16),
    wait_hist_booked: zeros(16),
    score_sum: zeros(5),
    satisfied: zeros(5),
    ...figures,
  };
}
