import { rows, sql } from '../../src/server/db/client.js';
import { closeEndedDays } from '../../src/server/modules/queue/day-end.js';
import type {
  IssuedTicket,
  OfficeLoad,
  OfficeOverview,
  PublicTicket,
  StaffTicket,
} from '../../src/shared/queue.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
// Tuesday 1 December 2026, 12:00 in Lipetsk (Moscow time): the office is open 08:00–20:00.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;
const minutesLater = (m: number) => new Date(noon.getTime() + m * 60_000);

describeOnBackends(
  'queue API: tickets, windows, call-next and what follows, the load, the day end',
  (ctx) => {
    let operator: Client;
    let second: Client;
    let stranger: Client;
    const operatorGrants = [
      { role: 'operator' as const, scope: { kind: 'offices' as const, offices: [office] } },
    ];

    beforeAll(async () => {
      operator = await staffClient(ctx().app, ctx().database, operatorGrants);
      second = await staffClient(ctx().app, ctx().database, operatorGrants);
      stranger = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: ['elets-oktyabrskaya'] } },
      ]);
    });
    beforeEach(() => {
      now = noon;
    });
    afterAll(async () => {
      // what the next file's tests find: no windows held
      await ctx().database.db.execute(
        sql`update window_states set status = 'closed', operator_id = null, pause_reason = null`,
      );
    });

    const issue = (client: Client, body: Record<string, unknown>, at = office) =>
      client.call({ method: 'POST', url: `/api/offices/${at}/tickets`, payload: body });
    const post = (client: Client, url: string, payload: Record<string, unknown> = {}) =>
      client.call({ method: 'POST', url, payload });
    const callNext = async (client: Client, window: number) => {
      const res = await post(client, `/api/offices/${office}/windows/${window}/call-next`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { ticket: StaffTicket | null }).ticket;
    };
    /** Serve whoever waits until nobody does, so each test starts with an empty queue. */
    async function drain(client: Client, window: number) {
      for (let t = await callNext(client, window); t; t = await callNext(client, window)) {
        expect((await post(client, `/api/tickets/${t.id}/start`)).statusCode).toBe(200);
        expect(
          (await post(client, `/api/tickets/${t.id}/finish`, { outcome: 'consultation_given' })).statusCode,
        ).toBe(200);
      }
    }

    it('refuses a ticket without an enrolled kiosk or a staff session of the office (401 KIOSK_REQUIRED)', async () => {
      const anonymous = await ctx().app.inject({
        method: 'POST',
        url: `/api/offices/${office}/tickets`,
        payload: { purpose: 'consult' },
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('KIOSK_REQUIRED');
      const forged = await ctx().app.inject({
        method: 'POST',
        url: `/api/offices/${office}/tickets`,
        headers: { 'x-kiosk-token': 'demo-kiosk-elets-oktyabrskaya-forged' },
        payload: { purpose: 'consult' },
      });
      expect(forged.statusCode).toBe(401);
      const elsewhere = await issue(stranger, { purpose: 'consult' });
      expect(elsewhere.statusCode).toBe(401);
    });

    it('issues a numbered ticket that its page follows, without personal data', async () => {
      const res = await issue(operator, { service: 'egrn-extract', phone: '8 (912) 000-11-22' });
      expect(res.statusCode, res.body).toBe(201);
      const ticket: IssuedTicket = res.json();
      expect(ticket.number).toMatch(/^Н-\d{3}$/);
      expect(ticket.track).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(ticket.status).toBe('waiting');
      expect(ticket.service?.code).toBe('egrn-extract');
      expect(ticket.documents.length).toBeGreaterThan(0);
      expect(ticket.office).toEqual({ code: office, name: expect.any(String), timeZone: 'Europe/Moscow' });
      const page = await ctx().app.inject({ method: 'GET', url: `/api/tickets/${ticket.track}` });
      expect(page.statusCode).toBe(200);
      const seen: PublicTicket = page.json();
      expect(seen.number).toBe(ticket.number);
      expect(seen.position).toBe(ticket.position);
      expect(page.body).not.toContain('912');
      const [stored] = await rows<{ phone: string }>(
        ctx().database.db,
        sql`select phone from tickets where track = ${ticket.track}`,
      );
      expect(stored.phone).not.toContain('912');
      const unknown = await ctx().app.inject({ method: 'GET', url: '/api/tickets/AAAAAAAAAAAAAAAAAAAAAA' });
      expect(unknown.statusCode).toBe(404);
      const next = await issue(operator, { service: 'egrn-extract' });
      expect((next.json() as IssuedTicket).number).toBe(
        `Н-${String(Number(ticket.number.slice(2)) + 1).padStart(3, '0')}`,
      );
      await post(operator, `/api/offices/${office}/windows/1/open`);
      await drain(operator, 1);
      await post(operator, `/api/offices/${office}/windows/1/close`);
    });

    it('limits the ticket page per ticket, not per address (a hall’s phones share one)', async () => {
      const one = (await issue(operator, { purpose: 'collect' })).json() as IssuedTicket;
      const other = (await issue(operator, { purpose: 'collect' })).json() as IssuedTicket;
      const read = (track: string) => ctx().app.inject({ method: 'GET', url: `/api/tickets/${track}` });
      const statuses: number[] = [];
      for (let i = 0; i < 125; i++) statuses.push((await read(one.track)).statusCode);
      expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
      expect((await read(other.track)).statusCode).toBe(200);
      await post(operator, `/api/offices/${office}/windows/1/open`);
      await drain(operator, 1);
      await post(operator, `/api/offices/${office}/windows/1/close`);
    });

    it('refuses when the office is not open now, closes soon, or does not offer the service', async () => {
      now = new Date('2026-12-01T02:00:00Z'); // 05:00 in Lipetsk
      const early = await issue(operator, { purpose: 'consult' });
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toMatchObject({
        code: 'OFFICE_CLOSED',
        details: { reason: 'not_open_now' },
      });
      now = new Date('2026-12-01T16:50:00Z'); // 19:50, closing at 20:00 within the 15-minute margin
      const late = await issue(operator, { purpose: 'consult' });
      expect(late.json().error).toMatchObject({
        code: 'OFFICE_CLOSED',
        details: { reason: 'closing_soon', closesAt: '20:00' },
      });
      now = noon;
      const unknown = await issue(operator, { service: 'no-such-service' });
      expect(unknown.statusCode).toBe(409);
      expect(unknown.json().error.code).toBe('SERVICE_NOT_OFFERED');
      const neither = await issue(operator, {});
      expect(neither.statusCode).toBe(400);
      expect(neither.json().error.code).toBe('VALIDATION');
    });

    it('holds a window for one operator, calls in the rules’ order, and never lets a window skip a step', async () => {
      const open = await post(operator, `/api/offices/${office}/windows/2/open`);
      expect(open.statusCode, open.body).toBe(200);
      expect(open.json()).toMatchObject({ number: 2, status: 'open' });
      const taken = await post(second, `/api/offices/${office}/windows/2/open`);
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('WINDOW_TAKEN');
      const notMine = await post(second, `/api/offices/${office}/windows/2/call-next`);
      expect(notMine.json().error.code).toBe('NO_WINDOW');

      const plain = (await issue(operator, { purpose: 'consult' })).json() as IssuedTicket;
      now = minutesLater(1);
      const priority = (
        await issue(operator, { purpose: 'consult', priority: 'pregnant' })
      ).json() as IssuedTicket;
      expect(priority.priority?.code).toBe('pregnant');
      now = minutesLater(2);
      const first = await callNext(operator, 2);
      expect(first?.number).toBe(priority.number);
      const busy = await post(operator, `/api/offices/${office}/windows/2/call-next`);
      expect(busy.statusCode).toBe(409);
      expect(busy.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'called' } });

      const early = await post(operator, `/api/tickets/${first?.id}/no-show`);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('INVALID_TRANSITION');
      const again = await post(operator, `/api/tickets/${first?.id}/recall`);
      expect(again.json()).toMatchObject({ calls: 2, status: 'called' });
      const gone = await post(operator, `/api/tickets/${first?.id}/no-show`);
      expect(gone.json()).toMatchObject({ status: 'no_show' });
      const finishGone = await post(operator, `/api/tickets/${first?.id}/finish`, {
        outcome: 'consultation_given',
      });
      expect(finishGone.json().error).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { status: 'no_show', allowed: [] },
      });

      const next = await callNext(operator, 2);
      expect(next?.number).toBe(plain.number);
      expect(next?.waitedMinutes).toBe(2);
      const byOther = await post(second, `/api/tickets/${next?.id}/start`);
      expect(byOther.statusCode).toBe(409);
      expect(byOther.json().error.code).toBe('NO_WINDOW');
      expect((await post(operator, `/api/tickets/${next?.id}/start`)).json()).toMatchObject({
        status: 'serving',
      });
      const refusedWithout = await post(operator, `/api/tickets/${next?.id}/finish`, { outcome: 'refused' });
      expect(refusedWithout.statusCode).toBe(400);
      const done = await post(operator, `/api/tickets/${next?.id}/finish`, {
        outcome: 'refused',
        reason: 'нет паспорта',
      });
      expect(done.json()).toMatchObject({ status: 'done', outcome: 'refused' });
      expect(await callNext(operator, 2)).toBeNull();

      const events = await rows<{ kind: string; board_seq: number | null }>(
        ctx().database.db,
        sql`select kind, board_seq from ticket_events where ticket_id = ${first?.id ?? ''} order by id`,
      );
      expect(events.map((e) => e.kind)).toEqual(['issued', 'called', 'recalled', 'no_show']);
      expect(events[2].board_seq).toBe((events[1].board_seq ?? 0) + 1);
      const closed = await post(operator, `/api/offices/${office}/windows/2/close`);
      expect(closed.json()).toMatchObject({ status: 'closed', operator: null });
    });

    it('postpones, redirects to another window and back ("return to me"), keeping the time waited', async () => {
      await post(operator, `/api/offices/${office}/windows/3/open`);
      await post(second, `/api/offices/${office}/windows/4/open`);
      const t = (await issue(operator, { purpose: 'submit' })).json() as IssuedTicket;
      now = minutesLater(5);
      const called = await callNext(operator, 3);
      expect(called?.number).toBe(t.number);
      const postponed = (await post(operator, `/api/tickets/${called?.id}/postpone`, { minutes: 10 })).json();
      expect(postponed).toMatchObject({ status: 'waiting', window: null });
      expect(await callNext(operator, 3)).toBeNull(); // not before its time
      now = minutesLater(16);
      const back = await callNext(operator, 3);
      expect(back?.id).toBe(called?.id);
      expect(back?.waitedMinutes).toBe(5); // counted from the first call… of the original queue time
      await post(operator, `/api/tickets/${back?.id}/start`);
      const sent = await post(operator, `/api/tickets/${back?.id}/redirect`, { window: 4, returnToMe: true });
      expect(sent.json()).toMatchObject({ status: 'waiting', targetWindow: 4, returnWindow: 3 });
      expect(await callNext(operator, 3)).toBeNull(); // it is window 4's now
      const at4 = await callNext(second, 4);
      expect(at4?.id).toBe(back?.id);
      await post(second, `/api/tickets/${at4?.id}/start`);
      const returned = await post(second, `/api/tickets/${at4?.id}/finish`, {
        outcome: 'consultation_given',
      });
      expect(returned.json()).toMatchObject({ status: 'waiting', targetWindow: 3, returnWindow: null });
      const home = await callNext(operator, 3);
      expect(home?.id).toBe(back?.id);
      await post(operator, `/api/tickets/${home?.id}/start`);
      expect(
        (await post(operator, `/api/tickets/${home?.id}/finish`, { outcome: 'application_accepted' })).json(),
      ).toMatchObject({ status: 'done', outcome: 'application_accepted' });
      await post(operator, `/api/offices/${office}/windows/3/close`);
      await post(second, `/api/offices/${office}/windows/4/close`);
    });

    it('shows the load and the overview, and sends "your turn is near" through the outbox', async () => {
      await post(operator, `/api/offices/${office}/windows/5/open`);
      const withPhone: IssuedTicket[] = [];
      for (let i = 0; i < 6; i++) {
        now = minutesLater(i);
        const res = await issue(operator, { purpose: 'consult', phone: `+7912000330${i}` });
        withPhone.push(res.json());
      }
      expect(withPhone.map((t) => t.position)).toEqual([0, 1, 2, 3, 4, 5]);
      const load: OfficeLoad = (
        await ctx().app.inject({ method: 'GET', url: `/api/offices/${office}/queue` })
      ).json();
      expect(load).toMatchObject({ office, waiting: 6, openWindows: 1, band: expect.any(String) });
      expect(load.estimatedWaitMinutes).toBeGreaterThan(0);
      const loads: OfficeLoad[] = (
        await ctx().app.inject({ method: 'GET', url: `/api/queue/load?offices=${office},lip-teatralnaya` })
      ).json();
      expect(loads.map((l) => l.office).sort()).toEqual(['lip-kosmonavtov', 'lip-teatralnaya']);

      now = minutesLater(10);
      const first = await callNext(operator, 5);
      expect(first?.number).toBe(withPhone[0].number);
      // the fifth ticket now has three ahead: its message is queued, the sixth's not yet
      const messages = await rows<{ subject_ref: string }>(
        ctx().database.db,
        sql`select subject_ref from outbox_messages where event = 'ticket.turn_near' order by created_at`,
      );
      expect(messages.map((m) => m.subject_ref)).toContain(withPhone[4].number);
      expect(messages.map((m) => m.subject_ref)).not.toContain(withPhone[5].number);

      now = minutesLater(14);
      const overview: OfficeOverview = (
        await operator.call({ method: 'GET', url: `/api/offices/${office}/queue/overview` })
      ).json();
      expect(overview.windows.find((w) => w.number === 5)).toMatchObject({
        status: 'open',
        ticket: { number: withPhone[0].number, status: 'called' },
      });
      expect(overview.waiting.map((t) => t.number)).toEqual(withPhone.slice(1).map((t) => t.number));
      // waited 13 minutes: over the 12-minute alert; the next one waited 12, not over it
      expect(overview.alerts).toContainEqual({ kind: 'long_wait', ticket: withPhone[1].number, minutes: 13 });
      expect(overview.alerts.map((a) => a.ticket)).not.toContain(withPhone[2].number);
      // five waiting at one window: far over 15 minutes, so the head is told to open another
      expect(overview.alerts).toContainEqual({
        kind: 'open_window',
        ticket: null,
        minutes: expect.any(Number),
      });
      const foreign = await stranger.call({ method: 'GET', url: `/api/offices/${office}/queue/overview` });
      expect(foreign.statusCode).toBe(403);

      // the day ends: at closing plus the grace period, whoever still waits is closed with the reason
      await post(operator, `/api/tickets/${first?.id}/start`);
      await post(operator, `/api/tickets/${first?.id}/finish`, { outcome: 'consultation_given' });
      expect(await closeEndedDays(ctx().database.db, new Date('2026-12-01T16:45:00Z'))).toBe(0);
      expect(await closeEndedDays(ctx().database.db, new Date('2026-12-01T17:31:00Z'))).toBe(5);
      const page: PublicTicket = (
        await ctx().app.inject({ method: 'GET', url: `/api/tickets/${withPhone[5].track}` })
      ).json();
      expect(page.status).toBe('closed');
      await post(operator, `/api/offices/${office}/windows/5/close`);
    });
  },
  { clock: () => now },
);
