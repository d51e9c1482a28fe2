/**
 * Analytics' figures (issue 12, "Speed"; `npm run bench`, or alone:
 * `npx tsx bench/analytics-bench.ts [--visits N] [--years 1,5] [--runs 50] [--events N]`), on a PostgreSQL 15
 * server, each size in a database of its own:
 * (a) the simulation's rate: `okno simulate --years Y --visits V·Y --seed 12` as its own process on a freshly
 *     seeded database (its progress passed through), then the visits it wrote (simulated tickets) per second
 *     of wall time — one year (default 2,000,000 visits a year, `--visits` scales it down), then five;
 * (b) each dashboard query after that fill: GET /api/analytics/summary (the default period, a whole year,
 *     with a district, an office, a service), top-services, breakdown by month, office, service, agency,
 *     channel, and the situation — through app.inject on an in-process app signed in as an analyst, one at a
 *     time, ~50 runs each after a warm-up, p50/p99 (goal: each ≤ 200 ms over five years);
 * (c) the rollups' cost per event: N ticket finishes (serving → done, one statement and transaction each) and N
 *     rating inserts, with the triggers on against a session that `set okno.rollups = 'off'`, interleaved in
 *     batches on one freshly seeded database: the ratio on/off and the time per event.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { createStaffUser, signIn } from '../tests/support/auth.js';
import type { PostgresServer } from '../tests/support/postgres-server.js';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

export type AnalyticsBenchOptions = {
  /** Simulated visits per year (default 2,000,000, the region's). */
  visitsPerYear?: number;
  /** The sizes to fill and query, in years (default 1 and 5). */
  years?: number[];
  /** Runs of each dashboard query (default 50). */
  runs?: number;
  /** Events of each kind timed with and without the rollups (default 4,000). */
  events?: number;
  /** Skip the simulation and the queries (only the rollups' cost). */
  eventsOnly?: boolean;
};

type QueryFigure = { name: string; url: string; status: number; p50: number; p99: number; max: number };

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** A new database on the server, migrated and seeded with the demo region by `okno seed`. */
async function seededDatabase(server: PostgresServer, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = server.url(name);
  await runOkno(['seed'], url, () => {});
  return url;
}

/** `node bin/okno.js …` against the database; each line it prints goes to `onLine`. */
function runOkno(args: string[], url: string, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['bin/okno.js', ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', PERSONAL_DATA_KEY: '0f'.repeat(32) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const take = (chunk: Buffer) => {
      const text = tail + chunk.toString();
      // a progress bar redraws its line with \r: each redraw is a line here
      const parts = text.split(/\r\n|\r|\n/);
      tail = parts.pop() ?? '';
      for (const p of parts) if (p.trim()) onLine(p);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (tail.trim()) onLine(tail);
      if (code === 0) resolve();
      else reject(new Error(`okno ${args.join(' ')} exited with ${code}`));
    });
  });
}

/** (a) `okno simulate`, timed; the visits it wrote per second. */
async function simulate(url: string, years: number, visits: number) {
  const t0 = performance.now();
  let lastShown = 0;
  await runOkno(
    ['simulate', '--years', String(years), '--visits', String(visits), '--seed', '12'],
    url,
    (line) => {
      // pass the progress through, at most a line every 5 s (and every line that is not a redraw)
      const now = performance.now();
      if (!/%/.test(line) || now - lastShown > 5_000) {
        lastShown = now;
        console.log(`  [simulate ${years}y ${round((now - t0) / 1000, 0)} s] ${line.trim()}`);
      }
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const [counts] = await query<{
    visits: string;
    bookings: string;
    cases: string;
    ratings: string;
    first: string;
    last: string;
  }>(
    url,
    `select (select count(*) from tickets where simulated) as visits,
            (select count(*) from bookings where simulated) as bookings,
            (select count(*) from cases where simulated) as cases,
            (select count(*) from ratings where simulated) as ratings,
            (select min(day)::text from tickets where simulated) as first,
            (select max(day)::text from tickets where simulated) as last`,
  );
  const written = Number(counts.visits);
  return {
    seconds,
    visits: written,
    bookings: Number(counts.bookings),
    cases: Number(counts.cases),
    ratings: Number(counts.ratings),
    first: counts.first,
    last: counts.last,
    visitsPerSecond: written / seconds,
  };
}

/** (b) The dashboard's queries, one at a time, `runs` each after a warm-up. */
async function dashboardQueries(url: string, period: { first: string; last: string }, runs: number) {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 8 });
  // "today" is the day after the simulated history: the default period is its last 30 days
  const today = new Date(`${period.last}T12:00:00Z`);
  today.setUTCDate(today.getUTCDate() + 1);
  const app = await buildApp({
    config: testConfig({ rateLimitPerMinute: 100_000_000, loginRateLimitPerMinute: 100_000_000 }),
    database,
    webDir: '/nonexistent',
    clock: () => today,
  });
  await app.ready();
  const figures: QueryFigure[] = [];
  try {
    const user = await createStaffUser(database, {
      grants: [{ role: 'analyst', scope: { kind: 'region' } }],
    });
    const session = await signIn(app, user.login, user.password);
    // the busiest district, office and service of the last year: the filters a person would pick first
    const last = period.last;
    const yearFrom = (() => {
      const d = new Date(`${last}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 364);
      return d.toISOString().slice(0, 10);
    })();
    const [busiest] = await query<{ office: string; district: string }>(
      url,
      `select r.office_code as office, o.district_code as district from analytics_rollups r
         join offices o on o.code = r.office_code
        where r.grain = 'm' and r.service_code = '*' group by 1, 2 order by sum(r.visits) desc limit 1`,
    );
    const [service] = await query<{ service: string }>(
      url,
      `select service_code as service from analytics_rollups where grain = 'm' and service_code not in ('*', '')
        group by 1 order by sum(visits) desc limit 1`,
    );
    const year = `from=${yearFrom}&to=${last}`;
    const all = `from=${period.first}&to=${last}`;
    const list: [string, string][] = [
      ['summary, default period (30 days)', '/api/analytics/summary'],
      ['summary, last year', `/api/analytics/summary?${year}`],
      ['summary, whole history', `/api/analytics/summary?${all}`],
      ['summary, last year, district', `/api/analytics/summary?${year}&district=${busiest?.district}`],
      ['summary, last year, office', `/api/analytics/summary?${year}&office=${busiest?.office}`],
      ['summary, last year, service', `/api/analytics/summary?${year}&service=${service?.service}`],
      ['top-services, last year', `/api/analytics/top-services?${year}&limit=10`],
      ['breakdown by month, whole history', `/api/analytics/breakdown?by=month&${all}`],
      ['breakdown by office, last year', `/api/analytics/breakdown?by=office&${year}`],
      ['breakdown by service, last year', `/api/analytics/breakdown?by=service&${year}`],
      ['breakdown by agency, last year', `/api/analytics/breakdown?by=agency&${year}`],
      ['breakdown by channel, last year', `/api/analytics/breakdown?by=channel&${year}`],
      ['breakdown by district, last year', `/api/analytics/breakdown?by=district&${year}`],
      ['breakdown by office, last year, csv', `/api/analytics/breakdown?by=office&${year}&format=csv`],
      ['situation', '/api/analytics/situation'],
    ];
    for (const [name, path] of list) {
      const get = () => app.inject({ method: 'GET', url: path, headers: session.headers });
      const first = await get();
      if (first.statusCode === 404 && name === 'situation') continue; // not built
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const res = await get();
        times.push(performance.now() - t0);
        if (res.statusCode !== first.statusCode)
          throw new Error(`${path}: ${res.statusCode} after ${first.statusCode}`);
      }
      times.sort((a, b) => a - b);
      figures.push({
        name,
        url: path,
        status: first.statusCode,
        p50: round(percentile(times, 50)),
        p99: round(percentile(times, 99)),
        max: round(times.at(-1) ?? 0),
      });
    }
  } finally {
    await app.close();
    await database.close();
  }
  return figures;
}

/** (c) N finishes and N ratings with the rollups on and off, interleaved in batches. */
async function rollupCost(url: string, n: number) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  const pairs = (
    await setup.query<{ office: string; district: string; service: string; windows: number }>(
      `select os.office_code as office, o.district_code as district, os.service_code as service,
              greatest(1, (select count(*) from office_windows w where w.office_code = o.code))::int as windows
         from office_services os join offices o on o.code = os.office_code
        order by os.office_code, os.service_code`,
    )
  ).rows;
  if (pairs.length === 0) throw new Error('analytics bench: the seeded region offers no services');
  // 2N tickets being served on one day, written without the rollups (they are the events' subjects)
  const day = '2026-12-01';
  const issued = '2026-12-01T07:00:00Z';
  const ids: string[] = [];
  await setup.query(`set okno.rollups = 'off'`);
  const chunk = 2_000;
  for (let from = 0; from < 2 * n; from += chunk) {
    const t = { id: [] as string[], office: [] as string[], service: [] as string[], seq: [] as number[] };
    const w: number[] = [];
    for (let i = from; i < Math.min(2 * n, from + chunk); i++) {
      const p = pairs[i % pairs.length];
      t.id.push(randomUUID());
      t.office.push(p.office);
      t.service.push(p.service);
      t.seq.push(i + 1);
      w.push(1 + (i % p.windows));
    }
    await setup.query(
      `insert into tickets (id, office_code, day, letter, seq, track, service_code, channel, status, issued_at,
         queued_at, window_number, calls, called_at, started_at)
       select id, office, $1::date, 'Б', seq, replace(id::text, '-', ''), service, 'kiosk', 'serving',
         $2::timestamptz, $2::timestamptz, win, 1, $2::timestamptz + (seq % 40) * interval '1 minute',
         $2::timestamptz + (seq % 40 + 1) * interval '1 minute'
       from unnest($3::uuid[], $4::text[], $5::text[], $6::int[], $7::int[]) as t(id, office, service, seq, win)`,
      [day, issued, t.id, t.office, t.service, t.seq, w],
    );
    ids.push(...t.id);
  }
  await setup.query('vacuum analyze tickets');
  const officeOf = new Map<string, { office: string; district: string; service: string }>();
  ids.forEach((id, i) => {
    const p = pairs[i % pairs.length];
    officeOf.set(id, p);
  });

  const on = new pg.Client({ connectionString: url });
  const off = new pg.Client({ connectionString: url });
  await on.connect();
  await off.connect();
  await off.query(`set okno.rollups = 'off'`);
  const batch = 200;
  const timeEvents = async (
    label: string,
    each: (client: pg.Client, id: string, i: number) => Promise<unknown>,
  ): Promise<{ onMs: number; offMs: number }> => {
    let onMs = 0;
    let offMs = 0;
    for (let from = 0; from < n; from += batch) {
      // the same number of events each way; which way goes first alternates
      for (const which of (from / batch) % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
        const client = which === 'on' ? on : off;
        const base = which === 'on' ? 0 : n;
        const t0 = performance.now();
        for (let i = from; i < Math.min(n, from + batch); i++) await each(client, ids[base + i], i);
        const ms = performance.now() - t0;
        if (which === 'on') onMs += ms;
        else offMs += ms;
      }
    }
    console.log(`  [rollups] ${label}: ${n} each way`);
    return { onMs, offMs };
  };
  const finishes = await timeEvents('ticket finishes', (client, id, i) =>
    client.query(
      `update tickets set status = 'done', outcome = 'consultation_given',
         finished_at = started_at + ($2::int % 20 + 3) * interval '1 minute' where id = $1`,
      [id, i],
    ),
  );
  const ratings = await timeEvents('rating inserts', (client, id, i) => {
    const p = officeOf.get(id);
    const s = [1 + (i % 5), 1 + ((i * 3) % 5), 5, 4, 1 + ((i * 7) % 5)];
    return client.query(
      `insert into ratings (subject, ticket_id, office_code, district_code, service_code, window_number, visit_on,
         rated_on, score_time, score_waiting, score_staff, score_comfort, score_information, source)
       values ('visit', $1, $2, $3, $4, 1, $5, $5, $6, $7, $8, $9, $10, 'kiosk')`,
      [id, p?.office, p?.district, p?.service, day, ...s],
    );
  });
  // the rollups counted exactly the events made with them on
  const [counted] = (
    await setup.query<{ visits: string; ratings: string }>(
      `select coalesce(sum(visits), 0) as visits, coalesce(sum(ratings), 0) as ratings from analytics_rollups
        where grain = 'd' and service_code = '*' and period = $1`,
      [day],
    )
  ).rows;
  await Promise.all([on.end(), off.end(), setup.end()]);
  if (Number(counted.visits) !== n || Number(counted.ratings) !== n)
    throw new Error(
      `analytics bench: the rollups counted ${counted.visits} visits, ${counted.ratings} ratings, not ${n}`,
    );
  const figure = (t: { onMs: number; offMs: number }) => ({
    onMicros: round((t.onMs / n) * 1000, 0),
    offMicros: round((t.offMs / n) * 1000, 0),
    ratio: round(t.onMs / t.offMs, 2),
  });
  return { events: n, finishes: figure(finishes), ratings: figure(ratings) };
}

export async function analyticsBench(
  server: PostgresServer,
  options: AnalyticsBenchOptions = {},
): Promise<{ lines: string[]; report: Record<string, unknown> }> {
  const visitsPerYear = options.visitsPerYear ?? 2_000_000;
  const sizes = options.years ?? [1, 5];
  const runs = options.runs ?? 50;
  const events = options.events ?? 4_000;
  const lines: string[] = [];
  const report: Record<string, unknown> = { visitsPerYear, runs, cores: availableParallelism() };

  // (c) first: it needs no simulation and is quick
  const eventsUrl = await seededDatabase(server, 'okno_analytics_events');
  const cost = await rollupCost(eventsUrl, events);
  report.rollupCost = cost;
  lines.push(
    `analytics: rollup cost per event (${fmt(events)} each way, one statement each, interleaved batches of 200):`,
    `  ticket finish   ${String(cost.finishes.onMicros).padStart(6)} µs with rollups, ${String(cost.finishes.offMicros).padStart(6)} µs without → ×${cost.finishes.ratio}`,
    `  rating insert   ${String(cost.ratings.onMicros).padStart(6)} µs with rollups, ${String(cost.ratings.offMicros).padStart(6)} µs without → ×${cost.ratings.ratio}`,
  );
  if (options.eventsOnly) return { lines, report };

  for (const years of sizes) {
    const visits = visitsPerYear * years;
    const url = await seededDatabase(server, `okno_analytics_${years}y`);
    console.log(`analytics bench: simulating ${years} year(s), ${fmt(visits)} visits…`);
    const sim = await simulate(url, years, visits);
    await query(url, 'vacuum analyze');
    lines.push(
      `analytics: okno simulate --years ${years} --visits ${fmt(visits)}: ${fmt(sim.visits)} visits ` +
        `(${sim.first}…${sim.last}), ${fmt(sim.bookings)} bookings, ${fmt(sim.cases)} cases, ${fmt(sim.ratings)} ratings ` +
        `in ${round(sim.seconds)} s → ${fmt(sim.visitsPerSecond)} visits/s`,
    );
    if (!sim.first || !sim.last) throw new Error('analytics bench: the simulation wrote no visits');
    const figures = await dashboardQueries(url, { first: sim.first, last: sim.last }, runs);
    lines.push(
      `analytics: dashboard queries after ${years} simulated year(s), ${runs} runs each (p50 / p99 / max ms):`,
    );
    for (const f of figures)
      lines.push(
        `  ${f.name.padEnd(40)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ${String(f.max).padStart(7)}` +
          `${f.status === 200 ? '' : `  (HTTP ${f.status})`}${f.p99 <= 200 ? '' : '  over 200 ms'}`,
      );
    report[`years${years}`] = { simulation: sim, queries: figures };
  }
  report.loadAverage = loadavg();
  return { lines, report };
}

/** `--name N` on the command line. */
function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}
function numberArgument(name: string): number | undefined {
  const value = argument(name);
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a positive whole number`);
  return n;
}

/** The options from the command line (npm run bench -- --visits 200000 --years 1,5). */
export function analyticsOptionsFromArgs(): AnalyticsBenchOptions {
  const years = argument('--years')
    ?.split(',')
    .map((y) => Number(y));
  if (years?.some((y) => !Number.isInteger(y) || y < 1)) throw new Error('--years takes whole numbers: 1,5');
  return {
    visitsPerYear: numberArgument('--visits'),
    years,
    runs: numberArgument('--runs'),
    events: numberArgument('--events'),
    eventsOnly: process.argv.includes('--events-only'),
  };
}

// Alone: npx tsx bench/analytics-bench.ts [--visits N] [--years 1,5] [--runs 50] [--events N] [--events-only]
if (process.argv[1]?.endsWith('analytics-bench.ts')) {
  const { startPostgres } = await import('../tests/support/postgres-server.js');
  const server = await startPostgres();
  try {
    const { lines, report } = await analyticsBench(server, analyticsOptionsFromArgs());
    console.log(`\nokno analytics bench (${new Date().toISOString()})\n${lines.join('\n')}`);
    console.log(JSON.stringify(report));
  } finally {
    server.stop();
  }
}
