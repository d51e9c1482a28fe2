import { rows, sql } from '../../src/server/db/client.js';
import type { IssuedTicket, StaffTicket } from '../../src/shared/queue.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

/**
 * Twenty windows calling at once over 500 tickets (issue 9, "Tests"): every ticket is called exactly once,
 * at one window, the board's sequence has no gap and no repeat, and the order of the calls is the one the
 * rules give. Windows 1–20 of lip-kosmonavtov handle every service, so with the clock held still while they
 * call, every window sees the same order: the calls, read by board sequence, must follow it exactly.
 */

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
const windows = 20;
const ticketCount = 500;
// Tuesday 1 December 2026, 12:00 in Lipetsk: the office is open 08:00–20:00.
const start = new Date('2026-12-01T09:00:00Z');
const issueStepMs = 2_000; // 500 tickets over 16 min 38 s
/** The windows call 30 minutes after the first ticket: the first 150 tickets waited past the 25-minute limit. */
const callingAt = new Date(start.getTime() + 30 * 60_000);
const starvationMinutes = 25;
let now = start;

/** A mix of what visitors come for: services of several letters, bare purposes, priority categories of each rank. */
const services = ['egrn-extract', 'passport-rf-14', 'egrul-extract', 'zags-certificate', 'ip-registration'];
const purposes = ['submit', 'collect', 'consult'] as const;
const priorities: Record<string, number> = { 'wwii-veteran': 3, 'disabled-1-2': 2, pregnant: 1 };
const priorityCodes = Object.keys(priorities);
function visitor(i: number): Record<string, unknown> {
  const body: Record<string, unknown> =
    i % 3 === 0 ? { purpose: purposes[i % purposes.length] } : { service: services[i % services.length] };
  if (i % 7 === 3) body.priority = priorityCodes[i % priorityCodes.length];
  if (i % 50 === 10) body.phone = `+7912555${String(1000 + i).slice(-4)}`;
  return body;
}

type Issued = { id: string; number: string; index: number; issuedAt: number; rank: number };

/**
 * The order the rules give to windows that take every ticket, written here on its own (not the server's
 * call-order code): past the starvation limit first (longest wait first), then priority by rank and wait,
 * then everyone else by wait.
 */
function expectedOrder(issued: readonly Issued[], at: number): Issued[] {
  const rule = (t: Issued) => (at - t.issuedAt > starvationMinutes * 60_000 ? 0 : t.rank > 0 ? 1 : 2);
  return [...issued].sort((a, b) => {
    const ra = rule(a);
    const rb = rule(b);
    if (ra !== rb) return ra - rb;
    if (ra === 1 && a.rank !== b.rank) return b.rank - a.rank;
    return a.issuedAt - b.issuedAt;
  });
}

describeOnBackends(
  'queue under 20 windows calling at once',
  (ctx) => {
    let operators: Client[];
    const issued: Issued[] = [];

    beforeAll(async () => {
      operators = [];
      for (let w = 0; w < windows; w++) {
        operators.push(
          await staffClient(ctx().app, ctx().database, [
            { role: 'operator', scope: { kind: 'offices', offices: [office] } },
          ]),
        );
      }
    });
    afterAll(async () => {
      await ctx().database.db.execute(
        sql`update window_states set status = 'closed', operator_id = null, pause_reason = null`,
      );
    });

    const post = (client: Client, url: string, payload: Record<string, unknown> = {}) =>
      client.call({ method: 'POST', url, payload });

    it('issues 500 tickets of several services, purposes and priority categories, numbered per letter without gaps', {
      timeout: 120_000,
    }, async () => {
      for (let i = 0; i < ticketCount; i++) {
        now = new Date(start.getTime() + i * issueStepMs);
        const res = await post(operators[i % windows], `/api/offices/${office}/tickets`, visitor(i));
        expect(res.statusCode, res.body).toBe(201);
        const t: IssuedTicket = res.json();
        const rank = t.priority ? (priorities[t.priority.code] ?? -1) : 0;
        issued.push({ id: t.id, number: t.number, index: i, issuedAt: now.getTime(), rank });
      }
      const byLetter = new Map<string, number[]>();
      for (const t of issued) {
        const [letter, n] = t.number.split('-');
        byLetter.set(letter, [...(byLetter.get(letter) ?? []), Number(n)]);
      }
      expect(byLetter.size).toBeGreaterThanOrEqual(4);
      for (const numbers of byLetter.values()) expect(numbers).toEqual(numbers.map((_, k) => k + 1));
      expect(issued.filter((t) => t.rank > 0).length).toBeGreaterThan(50);
    });

    it('calls every ticket exactly once, at one window, in the order the rules allow, with a gapless board sequence', {
      timeout: 120_000,
    }, async () => {
      expect(issued).toHaveLength(ticketCount);
      now = callingAt;
      for (let w = 0; w < windows; w++) {
        const res = await post(operators[w], `/api/offices/${office}/windows/${w + 1}/open`);
        expect(res.statusCode, res.body).toBe(200);
      }
      const served = new Map<number, string[]>();
      const failures: string[] = [];
      const t0 = performance.now();
      await Promise.all(
        operators.map(async (operator, w) => {
          const number = w + 1;
          const mine: string[] = [];
          served.set(number, mine);
          for (;;) {
            const called = await post(operator, `/api/offices/${office}/windows/${number}/call-next`);
            if (called.statusCode !== 200) {
              failures.push(`window ${number} call-next: ${called.statusCode} ${called.body}`);
              return;
            }
            const ticket = (called.json() as { ticket: StaffTicket | null }).ticket;
            if (!ticket) return;
            mine.push(ticket.id);
            const started = await post(operator, `/api/tickets/${ticket.id}/start`);
            const finished = await post(operator, `/api/tickets/${ticket.id}/finish`, {
              outcome: 'consultation_given',
            });
            if (started.statusCode !== 200 || finished.statusCode !== 200) {
              failures.push(`window ${number} ticket ${ticket.number}: ${started.body} ${finished.body}`);
              return;
            }
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      expect(failures).toEqual([]);
      console.log(
        `[${ctx().kind}] 20 windows served ${ticketCount} tickets in ${seconds.toFixed(1)} s (${Math.round((ticketCount * 3) / seconds)} actions/s)`,
      );

      // every ticket once, at one window, and the windows shared the work
      const all = [...served.values()].flat();
      expect(all).toHaveLength(ticketCount);
      expect(new Set(all).size).toBe(ticketCount);
      expect(new Set(all)).toEqual(new Set(issued.map((t) => t.id)));
      expect([...served.values()].filter((list) => list.length > 0).length).toBeGreaterThan(1);

      const db = ctx().database.db;
      const tickets = await rows<{ id: string; status: string; calls: number }>(
        db,
        sql`select id, status, calls from tickets where office_code = ${office}`,
      );
      expect(tickets).toHaveLength(ticketCount);
      expect(tickets.filter((t) => t.status !== 'done' || t.calls !== 1)).toEqual([]);

      const events = await rows<{
        ticket_id: string;
        kind: string;
        window_number: number | null;
        board_seq: number | null;
      }>(
        db,
        sql`select ticket_id, kind, window_number, board_seq from ticket_events
            where office_code = ${office} order by id`,
      );
      const calls = events.filter((e) => e.kind === 'called');
      const perTicket = new Map<string, typeof events>();
      for (const e of events) perTicket.set(e.ticket_id, [...(perTicket.get(e.ticket_id) ?? []), e]);
      for (const [id, list] of perTicket) {
        expect(
          list.map((e) => e.kind),
          id,
        ).toEqual(['issued', 'called', 'started', 'finished']);
        // called, started and finished at one window: the one whose loop got it
        const at = new Set(list.slice(1).map((e) => e.window_number));
        expect(at.size, id).toBe(1);
        expect(served.get([...at][0] as number), id).toContain(id);
      }

      // the board: 1..N, no gap, no repeat, and only calls carry a number
      const seqs = events.filter((e) => e.board_seq !== null).map((e) => Number(e.board_seq));
      expect(seqs.length).toBe(ticketCount);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs.map((_, k) => k + 1));
      expect(calls.every((e) => e.board_seq !== null)).toBe(true);
      const [state] = await rows<{ board_seq: number }>(
        db,
        sql`select board_seq from office_queue_state where office_code = ${office}`,
      );
      expect(Number(state.board_seq)).toBe(ticketCount);

      // the order: the calls by board sequence are exactly the rules' order at the calling instant
      const byBoard = [...calls].sort((a, b) => Number(a.board_seq) - Number(b.board_seq));
      const numberOf = new Map(issued.map((t) => [t.id, t.number]));
      const expected = expectedOrder(issued, callingAt.getTime());
      expect(byBoard.map((e) => numberOf.get(e.ticket_id))).toEqual(expected.map((t) => t.number));
      // what that order means, said plainly for the boundary cases
      const position = new Map(byBoard.map((e, k) => [e.ticket_id, k]));
      const starving = issued.filter((t) => callingAt.getTime() - t.issuedAt > starvationMinutes * 60_000);
      expect(starving).toHaveLength(150); // the 151st waited exactly 25 minutes: not past the limit
      const fresh = issued.filter((t) => !starving.includes(t));
      const lastPriority = Math.max(...fresh.filter((t) => t.rank > 0).map((t) => position.get(t.id) ?? -1));
      const firstPlain = Math.min(
        ...fresh.filter((t) => t.rank === 0).map((t) => position.get(t.id) ?? Number.POSITIVE_INFINITY),
      );
      expect(lastPriority).toBeLessThan(firstPlain);
      expect(Math.max(...starving.map((t) => position.get(t.id) ?? -1))).toBe(starving.length - 1);

      // every window is free again and nobody waits
      for (let w = 0; w < windows; w++) {
        const res = await post(operators[w], `/api/offices/${office}/windows/${w + 1}/call-next`);
        expect(res.json()).toEqual({ ticket: null });
      }
    });

    it('calls each ticket once when tickets are issued while the 20 windows call', {
      timeout: 120_000,
    }, async () => {
      now = new Date(callingAt.getTime() + 60 * 60_000);
      const db = ctx().database.db;
      const [{ seq: seqBefore }] = await rows<{ seq: number }>(
        db,
        sql`select board_seq::int as seq from office_queue_state where office_code = ${office}`,
      );
      const perIssuer = 25;
      const issuers = 4;
      const taken: string[] = [];
      let issuing = issuers;
      const called: { id: string; window: number }[] = [];
      const failures: string[] = [];
      await Promise.all([
        ...Array.from({ length: issuers }, async (_, k) => {
          for (let i = 0; i < perIssuer; i++) {
            const res = await post(
              operators[k],
              `/api/offices/${office}/tickets`,
              visitor(k * perIssuer + i),
            );
            if (res.statusCode === 201) taken.push((res.json() as IssuedTicket).id);
            else failures.push(`issue: ${res.statusCode} ${res.body}`);
          }
          issuing -= 1;
        }),
        ...operators.map(async (operator, w) => {
          for (;;) {
            // seen empty before the last issue committed: look again
            const stillIssuing = issuing > 0;
            const res = await post(operator, `/api/offices/${office}/windows/${w + 1}/call-next`);
            const ticket = (res.json() as { ticket: StaffTicket | null }).ticket;
            if (res.statusCode !== 200) {
              failures.push(`call-next: ${res.statusCode} ${res.body}`);
              return;
            }
            if (!ticket) {
              if (!stillIssuing) return;
              await new Promise((r) => setTimeout(r, 5));
              continue;
            }
            called.push({ id: ticket.id, window: w + 1 });
            const started = await post(operator, `/api/tickets/${ticket.id}/start`);
            const finished = await post(operator, `/api/tickets/${ticket.id}/finish`, {
              outcome: 'consultation_given',
            });
            if (started.statusCode !== 200 || finished.statusCode !== 200) {
              failures.push(`${ticket.number}: ${started.body} ${finished.body}`);
              return;
            }
          }
        }),
      ]);
      expect(failures).toEqual([]);
      expect(taken).toHaveLength(issuers * perIssuer);
      expect(called.map((c) => c.id).sort()).toEqual([...taken].sort());
      const events = await rows<{ ticket_id: string; board_seq: number }>(
        db,
        sql`select ticket_id, board_seq::int as board_seq from ticket_events
            where office_code = ${office} and kind = 'called' and board_seq > ${seqBefore} order by board_seq`,
      );
      expect(events.map((e) => e.board_seq)).toEqual(taken.map((_, k) => seqBefore + k + 1));
      expect(new Set(events.map((e) => e.ticket_id)).size).toBe(taken.length);
      const left = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from tickets where office_code = ${office} and status <> 'done'`,
      );
      expect(left[0].n).toBe(0);
    });
  },
  {
    clock: () => now,
    config: { rateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 1_000_000 },
  },
);
