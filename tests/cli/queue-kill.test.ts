import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase, rows, sql } from '../../src/server/db/client.js';
import { csrfHeader, sessionCookie } from '../../src/server/modules/staff/auth.request.js';
import type {
  BoardState,
  IssuedTicket,
  OfficeOverview,
  PublicTicket,
  StaffTicket,
  TicketStatus,
} from '../../src/shared/queue.js';
import { createStaffUser } from '../support/auth.js';
import { createPostgresDatabase } from '../support/databases.js';
import { freePort } from '../support/postgres-server.js';
import { type Server, startOkno } from './run-okno.js';

/**
 * Issue 9, "Durability": okno killed with SIGKILL in a busy hour and started again keeps the queue, its order,
 * the counters and the board exactly as they were, and every request it acknowledged (201/200) survives.
 *
 * okno runs as a process on the real clock. The office is made open all day today and tomorrow (its local
 * dates, Europe/Moscow) with no closing margin, so the test does not depend on the time of day — except in
 * the office's last minute before midnight, when it closes (23:59).
 */

const office = 'lip-kosmonavtov';
const password = 'kill-test-password';
const operatorCount = 8;
const services = ['egrn-extract', 'passport-rf-14', 'egrul-extract', 'zags-certificate'];
const statusRank: Record<TicketStatus, number> = {
  waiting: 0,
  called: 1,
  serving: 2,
  done: 3,
  no_show: 3,
  closed: 3,
};

type Backend = 'postgres' | 'pglite';
type Headers = Record<string, string>;
type BoardRow = { seq: number; kind: string; window: number; number: string; ticket: string };

/** The office's local date today and tomorrow. */
function officeDates(): string[] {
  const day = (at: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', dateStyle: 'short' }).format(at);
  return [day(Date.now()), day(Date.now() + 86_400_000)];
}

/** Before okno starts: the office open all day, no closing margin, and operators for its windows. */
async function prepare(database: Database): Promise<string[]> {
  for (const date of officeDates()) {
    await database.db.execute(sql`
      insert into office_exceptions (office_code, date, kind, opens, closes, note)
      values (${office}, ${date}::date, 'hours', '00:00', '23:59', 'queue-kill test: open all day')
      on conflict (office_code, date) do update set kind = 'hours', opens = '00:00', closes = '23:59'`);
  }
  await database.db.execute(sql`update queue_settings set closing_margin_minutes = 0`);
  const logins: string[] = [];
  for (let i = 1; i <= operatorCount; i++) {
    const user = await createStaffUser(database, {
      login: `kill-operator-${i}`,
      password,
      fullName: `Оператор ${i}`,
      grants: [{ role: 'operator', scope: { kind: 'offices', offices: [office] } }],
    });
    logins.push(user.login);
  }
  return logins;
}

/** The board as the database keeps it: every call and recall with its sequence number, and the last one. */
async function boardInDatabase(database: Database): Promise<{ calls: BoardRow[]; lastSeq: number }> {
  const calls = await rows<BoardRow>(
    database.db,
    sql`select e.board_seq::int as seq, e.kind, e.window_number as window,
               t.letter || '-' || lpad(t.seq::text, 3, '0') as number, t.id::text as ticket
        from ticket_events e join tickets t on t.id = e.ticket_id
        where e.office_code = ${office} and e.board_seq is not null order by e.board_seq`,
  );
  const [state] = await rows<{ seq: number }>(
    database.db,
    sql`select board_seq::int as seq from office_queue_state where office_code = ${office}`,
  );
  return { calls, lastSeq: state?.seq ?? 0 };
}

/** Ticket numbers per letter today: 1..n without a gap, and the counter at n. */
async function countersInDatabase(database: Database) {
  const numbers = await rows<{ letter: string; seq: number }>(
    database.db,
    sql`select letter, seq from tickets where office_code = ${office} order by letter, seq`,
  );
  const counters = await rows<{ letter: string; last: number }>(
    database.db,
    sql`select letter, last from ticket_counters where office_code = ${office}`,
  );
  const byLetter = new Map<string, number[]>();
  for (const n of numbers) byLetter.set(n.letter, [...(byLetter.get(n.letter) ?? []), n.seq]);
  return { byLetter, counters: new Map(counters.map((c) => [c.letter, c.last])) };
}

/** A signed-in staff member of the running okno. */
class Staff {
  constructor(
    readonly base: () => string,
    readonly headers: Headers,
  ) {}

  static async signIn(base: () => string, login: string): Promise<Staff> {
    const res = await fetch(`${base()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in ${login}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith(`${sessionCookie}=`));
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new Staff(base, { cookie: cookie ?? '', [csrfHeader]: csrfToken });
  }

  async post<T>(path: string, body: Record<string, unknown> = {}): Promise<{ status: number; json: T }> {
    const res = await fetch(`${this.base()}${path}`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  async get<T>(path: string): Promise<{ status: number; json: T }> {
    const res = await fetch(`${this.base()}${path}`, { headers: this.headers });
    return { status: res.status, json: (await res.json()) as T };
  }
}

/** What must be equal across a restart: the overview without what the clock changes (minutes waited, load). */
function durableOverview(o: OfficeOverview) {
  const ticket = (t: StaffTicket | null) => {
    if (!t) return null;
    const { waitedMinutes: _, ...rest } = t;
    return rest;
  };
  return {
    windows: o.windows.map((w) => ({ ...w, ticket: ticket(w.ticket) })),
    waiting: o.waiting.map(ticket),
    queues: o.queues.map((q) => ({
      letter: q.letter,
      service: q.service,
      purpose: q.purpose,
      waiting: q.waiting,
    })),
    openWindows: o.load.openWindows,
    today: { issued: o.today.issued, served: o.today.served },
  };
}

for (const kind of ['postgres', 'pglite'] as const satisfies Backend[]) {
  describe(`okno killed with SIGKILL in a busy hour [${kind}]`, { timeout: 300_000 }, () => {
    let env: Record<string, string>;
    let port: number;
    let server: Server | undefined;
    let cleanup: () => Promise<void>;
    let logins: string[];
    let operators: Staff[];
    const base = () => `http://127.0.0.1:${port}`;
    /** Every ticket the test took: id → track and number. */
    const tickets = new Map<string, { track: string; number: string }>();
    /** The database while okno is down (PGlite is one process's: read it only then). */
    let openDown: () => Promise<Database>;

    beforeAll(async () => {
      port = await freePort();
      const common = {
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
        // The day end would close a day's tickets after midnight; a test across midnight keeps them.
        QUEUE_DAY_END: 'off',
        OUTBOX_WORKER: 'off',
      };
      if (kind === 'postgres') {
        const created = await createPostgresDatabase();
        env = { ...common, DATABASE_URL: created.url, PERSONAL_DATA_KEY: randomBytes(32).toString('hex') };
        openDown = () => openDatabase({ kind: 'postgres', url: created.url, poolSize: 2 });
        cleanup = created.drop;
      } else {
        const tmp = await mkdtemp(join(tmpdir(), 'okno-kill-'));
        const dataDir = join(tmp, 'data');
        env = { ...common, DATA_DIR: dataDir };
        const pgliteDir = join(dataDir, 'pglite');
        openDown = () => openDatabase({ kind: 'pglite', dataDir: pgliteDir });
        // the seeded demo region, as a first start would leave it
        const seeded = await openDatabase({
          kind: 'pglite',
          dataDir: pgliteDir,
          snapshot: new Blob([readFileSync(inject('pgliteSnapshot'))]),
        });
        await seeded.close();
        cleanup = async () => rmSync(tmp, { recursive: true, force: true });
      }
      const database = await openDown();
      try {
        logins = await prepare(database);
      } finally {
        await database.close();
      }
      server = await startOkno(env, port);
      operators = await Promise.all(logins.map((l) => Staff.signIn(base, l)));
    });
    afterAll(async () => {
      if (server && server.child.exitCode === null) await server.stop();
      await cleanup?.();
    });

    const head = () => operators[0];
    const overview = async () => {
      const res = await head().get<OfficeOverview>(`/api/offices/${office}/queue/overview`);
      expect(res.status).toBe(200);
      return res.json;
    };
    /** The board as a TV sees it when it opens (GET /board); the database's board is checked beside it. */
    const boardFromApi = async (): Promise<BoardState> => {
      const res = await fetch(`${base()}/api/offices/${office}/board`);
      expect(res.status).toBe(200);
      return (await res.json()) as BoardState;
    };
    const issue = async (staff: Staff, i: number, extra: Record<string, unknown> = {}) => {
      const body = i % 3 === 0 ? { purpose: 'consult' } : { service: services[i % services.length] };
      const res = await staff.post<IssuedTicket>(`/api/offices/${office}/tickets`, { ...body, ...extra });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      tickets.set(res.json.id, { track: res.json.track, number: res.json.number });
      return res.json;
    };
    const call = async (w: number) => {
      const res = await operators[w - 1].post<{ ticket: StaffTicket | null }>(
        `/api/offices/${office}/windows/${w}/call-next`,
      );
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      return res.json.ticket as StaffTicket;
    };
    const act = async (w: number, id: string, action: string, body: Record<string, unknown> = {}) => {
      const res = await operators[w - 1].post<StaffTicket>(`/api/tickets/${id}/${action}`, body);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      return res.json;
    };
    async function kill(): Promise<void> {
      const running = server as Server;
      const exited = new Promise((r) => running.child.once('exit', r));
      running.child.kill('SIGKILL');
      await exited;
      server = undefined;
    }

    let before: ReturnType<typeof durableOverview>;
    let boardBefore: { calls: BoardRow[]; lastSeq: number };
    const calledInOrder: { ticket: string; window: number; kind: 'called' | 'recalled' }[] = [];

    it('comes back after a kill in a quiet moment with the queue, its order, the counters and the board as they were', async () => {
      for (let w = 1; w <= operatorCount; w++) {
        const res = await operators[w - 1].post(`/api/offices/${office}/windows/${w}/open`);
        expect(res.status).toBe(200);
      }
      const issued: IssuedTicket[] = [];
      for (let i = 0; i < 60; i++) {
        const extra: Record<string, unknown> = {};
        if (i % 9 === 4) extra.priority = i % 2 ? 'pregnant' : 'disabled-1-2';
        if (i % 20 === 7) extra.phone = `+7912777${String(1000 + i).slice(-4)}`;
        issued.push(await issue(operators[i % operatorCount], i, extra));
      }
      // windows 1–3 served one and serve the next; 4–6 have called theirs; 7 called twice; 8 postponed its
      // ticket and went on a break
      for (let w = 1; w <= 8; w++) {
        const t = await call(w);
        calledInOrder.push({ ticket: t.id, window: w, kind: 'called' });
        if (w <= 3) {
          await act(w, t.id, 'start');
          await act(w, t.id, 'finish', { outcome: 'application_accepted' });
          const next = await call(w);
          calledInOrder.push({ ticket: next.id, window: w, kind: 'called' });
          await act(w, next.id, 'start');
        } else if (w === 7) {
          await act(w, t.id, 'recall');
          calledInOrder.push({ ticket: t.id, window: w, kind: 'recalled' });
        } else if (w === 8) {
          await act(w, t.id, 'postpone', { minutes: 30 });
          const paused = await operators[7].post(`/api/offices/${office}/windows/8/pause`, {
            reason: 'перерыв',
          });
          expect(paused.status).toBe(200);
        }
      }
      const seen = await overview();
      before = durableOverview(seen);
      expect(before.waiting.length).toBe(60 - 11 + 1); // 11 called, the postponed one waits again
      expect(before.windows.filter((w) => w.ticket !== null)).toHaveLength(7);
      expect(before.windows.find((w) => w.number === 8)?.status).toBe('paused');
      const lastNumbers = new Map<string, number>();
      for (const t of issued) {
        const [letter, n] = t.number.split('-');
        lastNumbers.set(letter, Math.max(lastNumbers.get(letter) ?? 0, Number(n)));
      }
      const apiBoard = await boardFromApi();

      await kill();

      const down = await openDown();
      try {
        boardBefore = await boardInDatabase(down);
        // the board is every acknowledged call, in the order they were made
        expect(boardBefore.calls.map((c) => [c.ticket, c.window, c.kind])).toEqual(
          calledInOrder.map((c) => [c.ticket, c.window, c.kind]),
        );
        expect(boardBefore.calls.map((c) => c.seq)).toEqual(calledInOrder.map((_, k) => k + 1));
        expect(boardBefore.lastSeq).toBe(calledInOrder.length);
        expect(apiBoard.lastSeq).toBe(boardBefore.lastSeq);
        // what the TV showed is the database's latest calls, newest first
        expect(apiBoard.calls.map((c) => [c.seq, c.number, c.window, c.recall])).toEqual(
          [...boardBefore.calls]
            .reverse()
            .slice(0, apiBoard.calls.length)
            .map((c) => [c.seq, c.number, c.window, c.kind === 'recalled']),
        );
      } finally {
        await down.close();
      }

      server = await startOkno(env, port);
      // the sessions survived too: the same operators go on
      expect(durableOverview(await overview())).toEqual(before);
      const boardAfter = await boardFromApi();
      expect(boardAfter).toEqual(apiBoard);
      // the counters: each letter's next ticket takes the next number
      const pAfter = await issue(operators[0], 1); // a service ticket
      const kAfter = await issue(operators[0], 0); // a consultation («К»)
      for (const t of [pAfter, kAfter]) {
        const [letter, n] = t.number.split('-');
        expect(Number(n), t.number).toBe((lastNumbers.get(letter) ?? 0) + 1);
      }
    });

    it('keeps every acknowledged ticket, call, start and finish when killed with requests in flight', async () => {
      const startOverview = await overview();
      const acked: {
        kind: 'issued' | 'called' | 'serving' | 'done';
        id: string;
        window?: number;
      }[] = [];
      let stop = false;
      const loops: Promise<void>[] = [];
      // two kiosks' worth of tickets
      for (let k = 0; k < 2; k++) {
        loops.push(
          (async () => {
            for (let i = 0; !stop; i++) {
              try {
                const res = await operators[k].post<IssuedTicket>(`/api/offices/${office}/tickets`, {
                  service: services[i % services.length],
                });
                if (res.status !== 201) throw new Error(`issue: ${res.status}`);
                tickets.set(res.json.id, { track: res.json.track, number: res.json.number });
                acked.push({ kind: 'issued', id: res.json.id });
              } catch {
                return;
              }
            }
          })(),
        );
      }
      // windows 1–6 work through their tickets: finish what they have, call, start, finish…
      const current = new Map(
        startOverview.windows.filter((w) => w.ticket).map((w) => [w.number, w.ticket as StaffTicket]),
      );
      for (let w = 1; w <= 6; w++) {
        const staff = operators[w - 1];
        loops.push(
          (async () => {
            let ticket: StaffTicket | undefined = current.get(w);
            try {
              while (!stop) {
                if (!ticket) {
                  const res = await staff.post<{ ticket: StaffTicket | null }>(
                    `/api/offices/${office}/windows/${w}/call-next`,
                  );
                  if (res.status !== 200 || !res.json.ticket) return;
                  ticket = res.json.ticket;
                  acked.push({ kind: 'called', id: ticket.id, window: w });
                }
                if (ticket.status === 'called') {
                  const res = await staff.post<StaffTicket>(`/api/tickets/${ticket.id}/start`);
                  if (res.status !== 200) return;
                  ticket = res.json;
                  acked.push({ kind: 'serving', id: ticket.id, window: w });
                }
                const res = await staff.post<StaffTicket>(`/api/tickets/${ticket.id}/finish`, {
                  outcome: 'consultation_given',
                });
                if (res.status !== 200) return;
                acked.push({ kind: 'done', id: ticket.id, window: w });
                ticket = undefined;
              }
            } catch {
              // the server is gone: what was in flight is unknown
            }
          })(),
        );
      }
      const t0 = Date.now();
      while (acked.length < 40 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 5));
      await kill();
      stop = true;
      await Promise.all(loops);
      expect(acked.filter((a) => a.kind === 'issued').length).toBeGreaterThan(0);
      expect(acked.filter((a) => a.kind === 'called').length).toBeGreaterThan(0);

      const down = await openDown();
      let boardAfterKill: { calls: BoardRow[]; lastSeq: number };
      let lastNumbers = new Map<string, number>();
      try {
        boardAfterKill = await boardInDatabase(down);
        // the board: what it showed before, then the new calls, numbered 1..n without a gap
        expect(boardAfterKill.calls.slice(0, boardBefore.calls.length)).toEqual(boardBefore.calls);
        expect(boardAfterKill.calls.map((c) => c.seq)).toEqual(boardAfterKill.calls.map((_, k) => k + 1));
        expect(boardAfterKill.lastSeq).toBe(boardAfterKill.calls.length);
        for (const a of acked.filter((x) => x.kind === 'called')) {
          expect(boardAfterKill.calls).toContainEqual(
            expect.objectContaining({ ticket: a.id, window: a.window, kind: 'called' }),
          );
        }
        // the counters: every letter's numbers 1..n, no gap, no repeat, the counter at n
        const { byLetter, counters } = await countersInDatabase(down);
        for (const [letter, numbers] of byLetter) {
          expect(numbers, letter).toEqual(numbers.map((_, k) => k + 1));
          expect(counters.get(letter), letter).toBe(numbers.length);
        }
        lastNumbers = new Map([...byLetter].map(([letter, numbers]) => [letter, numbers.length]));
        const issuedInDb = [...byLetter.values()].reduce((sum, list) => sum + list.length, 0);
        console.log(
          `[${kind}] killed after ${acked.length} acknowledged writes: ${acked.filter((a) => a.kind === 'issued').length} issues acknowledged, ` +
            `${issuedInDb - tickets.size} more committed unacknowledged; ${acked.filter((a) => a.kind === 'called').length} calls acknowledged, ` +
            `${boardAfterKill.lastSeq - boardBefore.lastSeq} on the board`,
        );
      } finally {
        await down.close();
      }

      server = await startOkno(env, port);
      // every acknowledged step happened (a later, unacknowledged one may have committed too)
      const highest = new Map<string, { rank: number; window?: number }>();
      const rankOf = { issued: 0, called: 1, serving: 2, done: 3 };
      for (const a of acked) {
        const h = highest.get(a.id);
        if (!h || rankOf[a.kind] >= h.rank) highest.set(a.id, { rank: rankOf[a.kind], window: a.window });
      }
      for (const [id, h] of highest) {
        const known = tickets.get(id);
        expect(known, id).toBeDefined();
        const res = await fetch(`${base()}/api/tickets/${known?.track}`);
        expect(res.status).toBe(200);
        const page = (await res.json()) as PublicTicket;
        expect(page.number).toBe(known?.number);
        expect(statusRank[page.status], `${page.number} ${page.status}`).toBeGreaterThanOrEqual(h.rank);
        if (h.window !== undefined && (page.status === 'called' || page.status === 'serving'))
          expect(page.calledTo?.window).toBe(h.window);
      }
      const after = await overview();
      // one ticket per window at most, and none both at a window and waiting
      const atWindows = after.windows.flatMap((w) => (w.ticket ? [w.ticket.id] : []));
      expect(new Set(atWindows).size).toBe(atWindows.length);
      expect(after.waiting.filter((t) => atWindows.includes(t.id))).toEqual([]);
      // the order: those waiting before and still waiting keep their places relative to each other
      const stillWaiting = new Set(after.waiting.map((t) => t.id));
      const kept = startOverview.waiting.map((t) => t.id).filter((id) => stillWaiting.has(id));
      expect(after.waiting.map((t) => t.id).filter((id) => kept.includes(id))).toEqual(kept);
      // the board's API agrees with the database
      const apiBoard = await boardFromApi();
      expect(apiBoard.lastSeq).toBe(boardAfterKill.lastSeq);
      // the next ticket takes the next number of its letter
      const next = await issue(operators[0], 1);
      const [letter, n] = next.number.split('-');
      expect(Number(n)).toBe((lastNumbers.get(letter) ?? 0) + 1);
    });
  });
}
