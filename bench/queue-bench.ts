/**
 * The queue's figures (`npm run bench`, or alone: `npx tsx bench/queue-bench.ts [seconds]`), on a PostgreSQL 15
 * server (issue 9, "Speed"):
 * (a) tickets issued per second at 16 connections (issueTicket on a pool of 16, 16 at once), as a share of
 *     pgbench's tpcb-like TPS on the same server in the same run (goal ≥ 40%), and what a ticket costs in queries;
 * (b) call-next p50/p99 in simulated days of one office — 20 windows; the issue's 600 tickets in an hour, then a
 *     day within what 20 windows serve; service times log-normal per service group — run in compressed time: an
 *     in-process app (buildApp) whose clock runs a simulated minute in a few hundred real milliseconds (`days`),
 *     driven through app.inject (goal p99 ≤ 20 ms);
 * (c) the wait prediction's mean absolute error over each day: the estimate given at issue
 *     (tickets.estimated_wait_minutes) against the wait that followed (called − issued, simulated minutes);
 * (d) board delivery: 500 boards on one instance and across two, the time from a call to its arrival at each
 *     board (p50/p99, goal p99 ≤ 100 ms) and the memory per board — see `boardDelivery`.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { type Database, openDatabase, rows, sql } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { issueTicket, type QueueDeps } from '../src/server/modules/queue/tickets.service.js';
import { personalDataCipher } from '../src/server/privacy/personal-data.js';
import { loadRegion } from '../src/server/seed/load-region.js';
import { loadQueueSetup, seedQueueSetup } from '../src/server/seed/seed-queue.js';
import { seedRegion } from '../src/server/seed/seed-region.js';
import type { StaffTicket, TicketCreate } from '../src/shared/queue.js';
import { meanAbsoluteError } from '../src/shared/queue.wait.js';
import { createStaffUser, signIn } from '../tests/support/auth.js';
import type { PostgresServer } from '../tests/support/postgres-server.js';

const run = promisify(execFile);
const office = 'lip-kosmonavtov';
const windows = 20;
/** 11:00 in Lipetsk that day: every main office is open (the issue rate is measured across them). */
const issueAt = new Date('2026-12-01T08:00:00Z');
const regionDir = 'regions/lipetsk';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A seeded generator (mulberry32): the same day every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261201);
/** A log-normal draw: the median times e^(σ·z). */
const logNormal = (median: number, sigma: number) => {
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return median * Math.exp(sigma * z);
};

/**
 * What visitors come for and how long each takes at the window (minutes, log-normal: median and σ), the whole
 * mix's median about 8 minutes. A bare purpose (consultation, collecting a result) has no service.
 */
const groups: { name: string; share: number; body: TicketCreate; median: number; sigma: number }[] = [
  { name: 'consultation', share: 0.2, body: { purpose: 'consult' }, median: 5, sigma: 0.5 },
  { name: 'collect a result', share: 0.15, body: { purpose: 'collect' }, median: 3, sigma: 0.4 },
  { name: 'passport', share: 0.2, body: { service: 'passport-rf-14' }, median: 10, sigma: 0.4 },
  { name: 'real estate', share: 0.2, body: { service: 'egrn-extract' }, median: 12, sigma: 0.5 },
  { name: 'business', share: 0.1, body: { service: 'egrul-extract' }, median: 12, sigma: 0.6 },
  { name: 'registry office', share: 0.15, body: { service: 'zags-certificate' }, median: 8, sigma: 0.5 },
];
const pickGroup = () => {
  let r = rand();
  for (const g of groups) {
    r -= g.share;
    if (r <= 0) return g;
  }
  return groups[0];
};
const groupOf = (t: Pick<StaffTicket, 'service' | 'purpose'>) =>
  groups.find((g) => (t.service ? g.body.service === t.service.code : g.body.purpose === t.purpose)) ??
  groups[0];
const priorities = ['pregnant', 'disabled-1-2', 'child-under-3', 'wwii-veteran'];

/** A fresh database on the server, migrated, with the demo region and its queue settings. */
async function freshDatabase(server: PostgresServer, name: string, poolSize: number): Promise<Database> {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: server.url(name), poolSize });
  await migrate(database);
  await seedRegion(database.db, loadRegion(regionDir));
  const queue = loadQueueSetup(regionDir);
  if (queue) await seedQueueSetup(database.db, queue);
  return database;
}

/** pgbench tpcb-like at 16 clients on its own database of the same server. */
export async function pgbenchTps(server: PostgresServer, seconds: number): Promise<number> {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('drop database if exists pgbench with (force)');
  await admin.query('create database pgbench');
  await admin.end();
  const url = server.url('pgbench');
  await run('/usr/bin/pgbench', ['-i', '-s', '10', '-q', url], { maxBuffer: 1 << 24 });
  const { stdout } = await run(
    '/usr/bin/pgbench',
    ['-c', '16', '-j', '2', '-T', String(seconds), '-M', 'prepared', url],
    { maxBuffer: 1 << 24 },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench said:\n${stdout}`);
  return Number(tps);
}

/** Every statement the node-postgres clients of this process send while `fn` runs: count and time by text. */
async function statementsOf(fn: () => Promise<void>) {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen = new Map<string, { n: number; ms: number }>();
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 90);
    const t0 = performance.now();
    const result = original.apply(this, args);
    const note = () => {
      const s = seen.get(text) ?? { n: 0, ms: 0 };
      s.n += 1;
      s.ms += performance.now() - t0;
      seen.set(text, s);
    };
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(note, note);
    else note();
    return result;
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return [...seen].map(([text, s]) => ({ text, ...s })).sort((a, b) => b.ms - a.ms);
}

async function runConcurrently(seconds: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await task(next++);
    }),
  );
  return next;
}

/**
 * A simulated day of the office: arrivals spread at random over the first hours, then the windows serve
 * until nobody waits. Time is compressed: `arrivingMs` real milliseconds per simulated minute while tickets
 * arrive (slow enough that the app issues them on time), `afterMs` while the windows drain the queue.
 */
type DaySpec = {
  label: string;
  /** The office's local date; `start` is 09:00 there. */
  date: string;
  start: number;
  perHour: number;
  hours: number;
  arrivingMs: number;
  afterMs: number;
};
const days: DaySpec[] = [
  // The issue's day: 600 tickets in an hour at 20 windows — about five times what 20 windows serve at a
  // median of 8 minutes, so the queue grows for the hour and takes hours to drain.
  {
    label: 'busy hour',
    date: '2026-12-01',
    start: Date.parse('2026-12-01T06:00:00Z'),
    perHour: 600,
    hours: 1,
    arrivingMs: 200,
    afterMs: 100,
  },
  // The next day, within what 20 windows serve (≈ 87% busy): the prediction where the target is reachable.
  {
    label: 'balanced',
    date: '2026-12-02',
    start: Date.parse('2026-12-02T06:00:00Z'),
    perHour: 120,
    hours: 2,
    arrivingMs: 100,
    afterMs: 100,
  },
];

/** (b) and (c): the days, one after another, in one in-process app. */
async function simulatedDays(database: Database) {
  let spec = days[0];
  let real0: number | null = null;
  const arriving = () => spec.hours * 60;
  const minutesNow = () => {
    if (real0 === null) return 0;
    const ms = performance.now() - real0;
    const slow = arriving() * spec.arrivingMs;
    return ms < slow ? ms / spec.arrivingMs : arriving() + (ms - slow) / spec.afterMs;
  };
  const realAt = (m: number) =>
    m < arriving() ? m * spec.arrivingMs : arriving() * spec.arrivingMs + (m - arriving()) * spec.afterMs;
  const clock = () => new Date(spec.start + minutesNow() * 60_000);
  const untilMinute = (m: number) =>
    new Promise((r) => setTimeout(r, Math.max(0, realAt(m) - (performance.now() - (real0 ?? 0)))));
  const app = await buildApp({
    config: testConfig({ rateLimitPerMinute: 100_000_000, loginRateLimitPerMinute: 100_000_000 }),
    database,
    webDir: '/nonexistent',
    clock,
  });
  await app.ready();
  try {
    const operators: ((url: string, payload?: Record<string, unknown>) => Promise<LightMyRequestResponse>)[] =
      [];
    for (let w = 1; w <= windows; w++) {
      const user = await createStaffUser(database, {
        grants: [{ role: 'operator', scope: { kind: 'offices', offices: [office] } }],
      });
      const session = await signIn(app, user.login, user.password);
      const call = (url: string, payload: Record<string, unknown> = {}) =>
        app.inject({ method: 'POST', url, payload, headers: session.headers });
      const opened = await call(`/api/offices/${office}/windows/${w}/open`);
      if (opened.statusCode !== 200) throw new Error(`window ${w}: ${opened.body}`);
      operators.push(call);
    }

    const oneDay = async (day: DaySpec) => {
      const total = day.perHour * day.hours;
      const arrivals = Array.from({ length: total }, () => rand() * day.hours * 60).sort((a, b) => a - b);
      const callMs: number[] = [];
      const issueMs: number[] = [];
      let issued = 0;
      let lateMinutes = 0;
      real0 = performance.now();

      const kiosk = (async () => {
        const pending: Promise<void>[] = [];
        for (const at of arrivals) {
          await untilMinute(at);
          lateMinutes = Math.max(lateMinutes, minutesNow() - at);
          const body: TicketCreate = { ...pickGroup().body };
          if (rand() < 0.08) body.priority = priorities[Math.floor(rand() * priorities.length)];
          pending.push(
            (async () => {
              const t0 = performance.now();
              const res = await operators[0](`/api/offices/${office}/tickets`, body);
              issueMs.push(performance.now() - t0);
              if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode} ${res.body}`);
              issued += 1;
            })(),
          );
        }
        await Promise.all(pending);
      })();

      const window = async (w: number) => {
        const call = operators[w - 1];
        for (;;) {
          const t0 = performance.now();
          const res = await call(`/api/offices/${office}/windows/${w}/call-next`);
          callMs.push(performance.now() - t0);
          if (res.statusCode !== 200) throw new Error(`call-next: ${res.statusCode} ${res.body}`);
          const ticket = (res.json() as { ticket: StaffTicket | null }).ticket;
          if (!ticket) {
            if (issued === total) return;
            await untilMinute(minutesNow() + 0.5);
            continue;
          }
          const started = await call(`/api/tickets/${ticket.id}/start`);
          if (started.statusCode !== 200) throw new Error(`start: ${started.body}`);
          const group = groupOf(ticket);
          await untilMinute(minutesNow() + logNormal(group.median, group.sigma));
          const done = await call(`/api/tickets/${ticket.id}/finish`, { outcome: 'application_accepted' });
          if (done.statusCode !== 200) throw new Error(`finish: ${done.body}`);
        }
      };
      await Promise.all([kiosk, ...Array.from({ length: windows }, (_, k) => window(k + 1))]);
      const simulatedMinutes = minutesNow();
      const realSeconds = (performance.now() - (real0 ?? 0)) / 1000;

      const waits = await rows<{ predicted: number; actual: number; service: string | null }>(
        database.db,
        sql`select estimated_wait_minutes as predicted, service_code as service,
                   extract(epoch from called_at - issued_at)::float8 / 60 as actual
            from tickets where office_code = ${office} and day = ${day.date}::date and called_at is not null`,
      );
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
      const sortedCalls = [...callMs].sort((a, b) => a - b);
      const sortedIssues = [...issueMs].sort((a, b) => a - b);
      return {
        label: day.label,
        perHour: day.perHour,
        hours: day.hours,
        simulatedMinutes,
        realSeconds,
        lateMinutes,
        calls: sortedCalls.length,
        callP50: percentile(sortedCalls, 50),
        callP99: percentile(sortedCalls, 99),
        issueP50: percentile(sortedIssues, 50),
        issueP99: percentile(sortedIssues, 99),
        tickets: waits.length,
        meanWait: mean(waits.map((w) => w.actual)),
        meanPredicted: mean(waits.map((w) => w.predicted)),
        mae: meanAbsoluteError(waits),
        maeWithService: meanAbsoluteError(waits.filter((w) => w.service !== null)),
        maePurposeOnly: meanAbsoluteError(waits.filter((w) => w.service === null)),
      };
    };

    const results = [];
    for (const day of days) {
      spec = day;
      real0 = null;
      results.push(await oneDay(day));
    }
    return results;
  } finally {
    await app.close();
  }
}

/** (a): tickets issued per second by 16 at once on a pool of 16 connections. */
async function issueRate(database: Database, seconds: number) {
  const cipher = personalDataCipher(randomBytes(32).toString('hex'));
  const [user] = await rows<{ id: string }>(database.db, sql`select id from users limit 1`);
  const deps = (): QueueDeps => ({
    db: database.db,
    cipher,
    outbox: () => ({ cipher, publicUrl: 'https://mfc.example.ru', maxAttempts: 8 }),
    now: issueAt,
  });
  const issuer = { kind: 'staff' as const, userId: user?.id ?? randomUUID() };
  const offices = (
    await rows<{ code: string }>(
      database.db,
      sql`select distinct w.office_code as code from office_windows w join offices o on o.code = w.office_code
          where o.kind = 'main' order by 1`,
    )
  ).map((r) => r.code);
  const visitor = (i: number): TicketCreate => groups[i % groups.length].body;
  const one = (at: string, i: number) => issueTicket(deps(), at, visitor(i), issuer).then(() => {});

  // What one ticket costs: the statements of 50 tickets issued one after another at a quiet office.
  const profiled = 50;
  const statements = await statementsOf(async () => {
    for (let i = 0; i < profiled; i++) await one('lip-teatralnaya', i);
  });
  const perTicket = statements.reduce((sum, s) => sum + s.n, 0) / profiled;

  await runConcurrently(1, 16, (i) => one(offices[i % offices.length], i)); // warm-up
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const spread = await runConcurrently(seconds, 16, (i) => one(offices[i % offices.length], i));
  const spreadRate = spread / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  /** Node's own CPU per ticket (this process runs the service code and the drizzle/pg client). */
  const nodeCpuMsPerTicket = (cpu.user + cpu.system) / 1000 / spread;
  const t1 = performance.now();
  const single = await runConcurrently(seconds, 16, (i) => one(office, i));
  const singleRate = single / ((performance.now() - t1) / 1000);
  const statementMsPerTicket = statements.reduce((sum, st) => sum + st.ms, 0) / profiled;
  return {
    offices: offices.length,
    spreadRate,
    singleRate,
    single,
    perTicket,
    statementMsPerTicket,
    nodeCpuMsPerTicket,
    statements,
    profiled,
  };
}

/**
 * (d) Board delivery: 500 boards (plain http requests reading GET /api/offices/{office}/board/events) on one
 * instance, then split across two instances of one PostgreSQL database; calls made through the first. For
 * each call, the time from the call-next response to the arrival of its `call` event at every board (p50/p99;
 * an event that arrives before the response counts as 0), and the resident memory each open board adds. The
 * boards and the apps share this process: the memory per board is of both ends, an upper bound for the server.
 */
const boardCount = 500;
const boardCalls = 20;

/** Memory now, after a full collection (the flag is set at run time: `npm run bench` passes none). */
function memoryNow() {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  const m = process.memoryUsage();
  return { rss: m.rss, js: m.heapUsed + m.external };
}

type Board = { arrivals: Map<string, number>; close: () => void; connected: Promise<void> };

/** One board: a plain http request that records when each call's number arrives. */
function openBoard(base: string, after: number, agent: http.Agent): Board {
  const arrivals = new Map<string, number>();
  let buffer = '';
  let destroy = () => {};
  const connected = new Promise<void>((resolve, reject) => {
    const request = http.get(
      `${base}/api/offices/${office}/board/events?after=${after}`,
      { agent, headers: { accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`board: ${response.statusCode}`));
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes('event: call')) {
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (data) arrivals.set((JSON.parse(data) as { number: string }).number, at);
            }
            end = buffer.indexOf('\n\n');
          }
        });
        response.on('error', () => {});
        resolve();
      },
    );
    request.on('error', (err) => reject(err));
    destroy = () => request.destroy();
  });
  return { arrivals, connected, close: () => destroy() };
}

async function boardDelivery(
  server: PostgresServer,
): Promise<{ lines: string[]; report: Record<string, unknown> }> {
  const url = server.url('okno_queue_bench');
  const databases = [
    await openDatabase({ kind: 'postgres', url, poolSize: 10 }),
    await openDatabase({ kind: 'postgres', url, poolSize: 10 }),
  ];
  const apps = await Promise.all(
    databases.map(async (database) => {
      const app = await buildApp({
        config: testConfig({ rateLimitPerMinute: 100_000_000, loginRateLimitPerMinute: 100_000_000 }),
        database,
        webDir: '/nonexistent',
        clock: () => issueAt,
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      return { app, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
    }),
  );
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const lines: string[] = [];
  const report: Record<string, unknown> = {};
  try {
    const [first] = apps;
    const user = await createStaffUser(databases[0], {
      grants: [{ role: 'operator', scope: { kind: 'offices', offices: [office] } }],
    });
    const session = await signIn(first.app, user.login, user.password);
    const post = (path: string, payload: Record<string, unknown> = {}) =>
      first.app.inject({ method: 'POST', url: path, payload, headers: session.headers });
    // the bench's earlier operators hold windows 1–20 of the office; 29 takes every service too
    // (the issue-rate phase left hundreds of tickets waiting there: the calls take them)
    const opened = await post(`/api/offices/${office}/windows/29/open`);
    if (opened.statusCode !== 200) throw new Error(`window 29: ${opened.body}`);

    for (const [label, split] of [
      ['one instance', 1],
      ['two instances', 2],
    ] as const) {
      const lastSeq = (
        (await first.app.inject({ method: 'GET', url: `/api/offices/${office}/board` })).json() as {
          lastSeq: number;
        }
      ).lastSeq;
      const before = memoryNow();
      const boards = Array.from({ length: boardCount }, (_, k) =>
        openBoard(apps[k % split].base, lastSeq, agent),
      );
      await Promise.all(boards.map((b) => b.connected));
      await new Promise((r) => setTimeout(r, 500));
      const after = memoryNow();
      const perBoardKiB = (after.rss - before.rss) / boardCount / 1024;
      const jsPerBoardKiB = (after.js - before.js) / boardCount / 1024;
      const delays: number[] = [];
      const crossDelays: number[] = [];
      let missing = 0;
      for (let c = 0; c < boardCalls; c++) {
        const called = await post(`/api/offices/${office}/windows/29/call-next`);
        const answered = performance.now();
        const ticket = (called.json() as { ticket: StaffTicket | null }).ticket;
        if (!ticket) throw new Error(`call-next: ${called.body}`);
        const deadline = answered + 5_000;
        while (boards.some((b) => !b.arrivals.has(ticket.number)) && performance.now() < deadline)
          await new Promise((r) => setTimeout(r, 2));
        boards.forEach((b, k) => {
          const at = b.arrivals.get(ticket.number);
          if (at === undefined) {
            missing += 1;
            return;
          }
          delays.push(Math.max(0, at - answered));
          if (k % split === 1) crossDelays.push(Math.max(0, at - answered));
        });
        await post(`/api/tickets/${ticket.id}/start`);
        await post(`/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' });
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const b of boards) b.close();
      await new Promise((r) => setTimeout(r, 300));
      const sorted = [...delays].sort((a, b) => a - b);
      const cross = [...crossDelays].sort((a, b) => a - b);
      const figures = {
        boards: boardCount,
        calls: boardCalls,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
        crossP99: cross.length ? percentile(cross, 99) : null,
        missing,
        perBoardKiB,
        jsPerBoardKiB,
      };
      report[label] = figures;
      lines.push(
        `postgres: queue board delivery, ${boardCount} boards on ${label}: call-next response → board p50 ${round(figures.p50)} ms, p99 ${round(figures.p99)} ms, max ${round(figures.max)} ms over ${boardCalls} calls` +
          (figures.crossP99 === null
            ? ''
            : ` (boards on the other instance p99 ${round(figures.crossP99)} ms)`) +
          `; ${missing} missed (goal p99 ≤ 100 ms); per board ${round(jsPerBoardKiB)} KiB of JS heap, ${round(perBoardKiB)} KiB RSS (boards and apps in one process)`,
      );
    }
    await post(`/api/offices/${office}/windows/29/close`);
  } finally {
    agent.destroy();
    for (const { app } of apps) await app.close();
    for (const database of databases) await database.close();
  }
  return { lines, report };
}

export async function queueBench(
  server: PostgresServer,
  seconds: number,
): Promise<{ lines: string[]; report: Record<string, unknown> }> {
  const lines: string[] = [];
  const database = await freshDatabase(server, 'okno_queue_bench', 20);
  let simulated: Awaited<ReturnType<typeof simulatedDays>>;
  try {
    simulated = await simulatedDays(database);
  } finally {
    await database.close();
  }
  for (const day of simulated) {
    lines.push(
      `postgres: queue day "${day.label}" (1 office, ${windows} windows, ${day.perHour} tickets an hour for ${day.hours} h, log-normal service times): ` +
        `${Math.round(day.simulatedMinutes)} simulated min in ${round(day.realSeconds)} s (issues at most ${round(day.lateMinutes)} min late)`,
      `postgres: queue   call-next p50 ${round(day.callP50)} ms, p99 ${round(day.callP99)} ms over ${day.calls} calls (goal p99 ≤ 20 ms); ticket issue p50 ${round(day.issueP50)} ms, p99 ${round(day.issueP99)} ms`,
      `postgres: queue   wait prediction: mean absolute error ${round(day.mae ?? 0)} min over ${day.tickets} tickets ` +
        `(mean wait ${round(day.meanWait)} min, mean predicted ${round(day.meanPredicted)}; with a service ${round(day.maeWithService ?? 0)}, purpose only ${round(day.maePurposeOnly ?? 0)})`,
    );
  }
  const pool16 = await openDatabase({
    kind: 'postgres',
    url: server.url('okno_queue_bench'),
    poolSize: 16,
  });
  let rate: Awaited<ReturnType<typeof issueRate>>;
  try {
    rate = await issueRate(pool16, seconds);
  } finally {
    await pool16.close();
  }
  const tps = await pgbenchTps(server, seconds);
  const share = (r: number) => `${Math.round((r / tps) * 100)}%`;
  lines.push(
    `postgres: pgbench tpcb-like (scale 10, 16 clients, 2 threads, prepared) ${Math.round(tps)} TPS`,
    `postgres: queue tickets issued at 16 connections: ${Math.round(rate.spreadRate)}/s across ${rate.offices} offices = ${share(rate.spreadRate)} of pgbench (goal ≥ 40%); ` +
      `${Math.round(rate.singleRate)}/s at one office (${rate.single} tickets waiting there by the end) = ${share(rate.singleRate)}`,
    `postgres: queue one ticket issued: ${round(rate.perTicket)} statements, ${round(rate.statementMsPerTicket, 2)} ms in them one at a time; ${round(rate.nodeCpuMsPerTicket, 2)} ms of Node CPU at 16 at once`,
    `postgres: queue   slowest statements per ticket: ${rate.statements
      .slice(0, 5)
      .map(
        (s) => `${round(s.n / rate.profiled)}× ${round(s.ms / rate.profiled, 2)} ms «${s.text.slice(0, 60)}»`,
      )
      .join('; ')}`,
  );
  const board = await boardDelivery(server);
  lines.push(...board.lines);
  return {
    lines,
    report: {
      days: simulated,
      issue: {
        ...rate,
        statements: rate.statements.slice(0, 15),
        pgbenchTps: tps,
        share: rate.spreadRate / tps,
      },
      board: board.report,
    },
  };
}

// Alone: npx tsx bench/queue-bench.ts [seconds]
if (process.argv[1]?.endsWith('queue-bench.ts')) {
  const { startPostgres } = await import('../tests/support/postgres-server.js');
  const server = await startPostgres();
  try {
    const { lines, report } = await queueBench(server, Number(process.argv[2] ?? 5));
    for (const line of lines) console.log(line);
    const { statements, profiled } = report.issue as {
      statements: { text: string; n: number; ms: number }[];
      profiled: number;
    };
    for (const s of statements)
      console.log(`  ${(s.n / profiled).toFixed(1)}× ${(s.ms / s.n).toFixed(2)} ms  ${s.text}`);
  } finally {
    server.stop();
  }
}
