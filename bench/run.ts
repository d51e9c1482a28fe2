/**
 * `npm run bench`: okno's figures, on the embedded PGlite and on a real PostgreSQL 15 server that this
 * script starts itself. Prints a table and writes bench/results/latest.json. A benchmark, not a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { freePort, startPostgres } from '../tests/support/postgres-server.js';
import { analyticsBench, analyticsOptionsFromArgs } from './analytics-bench.js';
import { authBench } from './auth-bench.js';
import { bookingBench } from './booking-bench.js';
import { casesBench } from './cases-bench.js';
import { type LoadResult, load, searchQueries } from './load.js';
import { outboxBench } from './outbox-bench.js';
import { queueBench } from './queue-bench.js';
import { timedStart } from './start.js';

// `npm run bench [-- seconds] [-- --cases N] [-- --visits N --years 1,5]`: the seconds are the first argument when it is a number.
const seconds = Number.isFinite(Number(process.argv[2])) ? Number(process.argv[2]) : 10;
const noLimits = { RATE_LIMIT_PER_MINUTE: '100000000', LOGIN_RATE_LIMIT_PER_MINUTE: '100000000' };
const report: Record<string, unknown> = { at: new Date().toISOString(), seconds };
const rows: string[] = [];
const line = (r: LoadResult) =>
  rows.push(
    `${r.name.padEnd(44)} ${String(r.reqPerSec).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.non2xx}`,
  );

async function benchBackend(kind: 'pglite' | 'postgres', env: Record<string, string>): Promise<void> {
  const port = await freePort();
  const first = await timedStart({ ...env, ...noLimits }, port);
  rows.push(`${kind}: first start → serving ${Math.round(first.msToServe)} ms, RSS ${first.rssMiB()} MiB`);
  await first.stop();
  const later = await timedStart({ ...env, ...noLimits }, port);
  rows.push(`${kind}: later start → serving ${Math.round(later.msToServe)} ms, RSS ${later.rssMiB()} MiB`);
  const base = `http://127.0.0.1:${port}`;
  // Warm up, then measure the ceiling (/health) and the catalog search.
  await load('warm-up', base, searchQueries, { seconds: 2 });
  const health = await load(`${kind} GET /health`, base, ['/health'], { seconds });
  const search = await load(`${kind} GET /api/services?q=… (16 queries)`, base, searchQueries, { seconds });
  line(health);
  line(search);
  const auth = await authBench(kind, base, seconds);
  for (const r of auth.loads) line(r);
  rows.push(`${kind}: password hash (scrypt) ${auth.hashMs} ms per sign-in`);
  rows.push(`${kind}: RSS after load ${later.rssMiB()} MiB`);
  report[kind] = { firstStartMs: first.msToServe, laterStartMs: later.msToServe, health, search, auth };
  await later.stop();
}

const tmp = mkdtempSync(join(tmpdir(), 'okno-bench-'));
const server = await startPostgres();
try {
  await benchBackend('pglite', { DATA_DIR: join(tmp, 'data') });

  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('create database okno_bench');
  await admin.end();
  const url = server.url('okno_bench');
  // Production never seeds by itself: load the demo region on purpose, as an operator would.
  const { execFileSync } = await import('node:child_process');
  execFileSync('node', ['bin/okno.js', 'seed'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'inherit',
  });
  await benchBackend('postgres', { DATABASE_URL: url, PERSONAL_DATA_KEY: randomBytes(32).toString('hex') });

  // The queue, in process: a busy day of one office and the issue rate, on a database of its own on the same
  // server, beside pgbench's TPS of the same run.
  const queue = await queueBench(server, seconds);
  rows.push(...queue.lines);
  report.postgresQueue = queue.report;

  // Pre-booking: an office with 20 windows and 5,000 bookings, reads and the booking rate over HTTP against
  // okno as its own process, beside pgbench's TPS of the same run; then the seats audited.
  const booking = await bookingBench(server, seconds);
  rows.push(...booking.lines);
  report.postgresBooking = booking.report;

  // Cases: a region-year of cases (--cases N, default 1,000,000), status lookups beside pgbench -S, search,
  // acceptances, and 140 offices accepting at once; in process, on a database of its own.
  const cases = await casesBench(server, seconds);
  rows.push(...cases.lines);
  report.postgresCases = cases.report;

  // Analytics: `okno simulate` over 1 and 5 years (--visits N a year, default 2,000,000), each dashboard query's
  // p50/p99 on what it wrote, and the rollups' cost per event; a database of its own per size.
  const analytics = await analyticsBench(server, analyticsOptionsFromArgs());
  rows.push(...analytics.lines);
  report.postgresAnalytics = analytics.report;

  // The outbox, in process: on the bench's PostgreSQL database and on an in-memory PGlite.
  for (const [kind, options] of [
    ['postgres', { kind: 'postgres', url, poolSize: 20 }],
    ['pglite', { kind: 'pglite' }],
  ] as const) {
    const database = await openDatabase(options);
    try {
      await migrate(database);
      const lines = await outboxBench(kind, database);
      rows.push(...lines);
      report[`${kind}Outbox`] = lines;
    } finally {
      await database.close();
    }
  }
} finally {
  server.stop();
  rmSync(tmp, { recursive: true, force: true });
}

console.log(
  `\nokno bench (${seconds} s per load, 16 connections, ${new Date().toISOString()})\n${rows.join('\n')}`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify(report, null, 2));
