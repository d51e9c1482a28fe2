/**
 * Pre-booking's figures (`npm run bench`, or alone: `npx tsx bench/booking-bench.ts [seconds]`), on a
 * PostgreSQL 15 server (issue 10, "Speed"), against okno started as its own process (`npm start`, the real
 * clock) on a database of its own:
 * (a) an office with 20 windows (lip-teatralnaya) holding 5,000 bookings over its horizon, made through the
 *     API (so the seats are the service's own);
 * (b) month availability and day slots over HTTP: p50/p95/p99 one request at a time (a keep-alive
 *     connection), and requests per second at 16 connections (goal p95 ≤ 5 ms each);
 * (c) bookings per second at 16 connections over HTTP, spread over the region's main offices, as a share of
 *     pgbench's tpcb-like TPS on the same server in the same run (goal ≥ 60%);
 * (d) afterwards: no seat counter over its capacity, and every counter equal to a recount of the bookings.
 */

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import type { DaySlots } from '../src/shared/booking.js';
import { bookingLanes } from '../src/shared/booking.slots.js';
import { freePort, type PostgresServer } from '../tests/support/postgres-server.js';
import { pgbenchTps } from './queue-bench.js';
import { groupCpuMs, timedStart } from './start.js';

const office = 'lip-teatralnaya';
const bookingsInHorizon = 5_000;
const databaseName = 'okno_booking_bench';
/** Services booked in the office: 15-minute ones and a 20-minute one (two cells). */
const fillServices = ['egrn-extract', 'snils-issue', 'inn-issue', 'mfc-consultation'];
/** Read as well: a 20-minute service (two cells). */
const readServices = [...fillServices, 'passport-rf-replace'];
/** Statuses whose seats stay taken (a no-show's time has passed). */
const seatHolding = ['held', 'booked', 'checked_in', 'no_show'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

let phoneCounter = 0;
/** A mobile number no other booking of the run has (the per-phone limits never refuse one). */
const nextPhone = () => `+7900${String(phoneCounter++).padStart(7, '0')}`;

type Candidate = { office: string; service: string; start: string };

async function getJson<T>(base: string, path: string): Promise<T> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The dates of the booking horizon at an office, from its availability. */
async function horizonDates(base: string, officeCode: string, service: string) {
  const a = await getJson<{ days: { date: string; free: number }[] }>(
    base,
    `/api/offices/${officeCode}/availability?service=${service}`,
  );
  return a.days;
}

/** The office's booking lanes, as the server plans them: its windows × its share (else the region's). */
async function officeLanesOf(url: string, officeCode: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ windows: number; share: number }>(
      `select (select count(*)::int from office_windows where office_code = $1) as windows,
              coalesce((select booking_share from booking_office_settings where office_code = $1),
                       (select booking_share from booking_settings)) as share`,
      [officeCode],
    );
    return bookingLanes(rows[0].windows, rows[0].share);
  } finally {
    await client.end();
  }
}

/**
 * Seats to book at an office with no bookings yet, none claimed twice: each time's `lanes` office seats are
 * dealt to the services in turn, each service at most the seats its slots show free (its own windows).
 * Listed seat by seat across the horizon (every time's first seat, then every time's second…), so
 * neighbours in the list are different times and a partial run spreads over the horizon.
 */
async function seatsOf(base: string, officeCode: string, services: string[], lanes: number, maxDays = 62) {
  const byTime = new Map<string, Candidate[]>();
  const days = (await horizonDates(base, officeCode, services[0])).filter((d) => d.free > 0);
  for (const day of days.slice(0, maxDays)) {
    if (day.free === 0) continue;
    const free = new Map<string, Map<string, number>>();
    for (const service of services) {
      const slots = await getJson<DaySlots>(
        base,
        `/api/offices/${officeCode}/slots?service=${service}&date=${day.date}`,
      );
      free.set(service, new Map(slots.slots.map((t) => [t.start, t.free])));
    }
    const times = [...new Set([...free.values()].flatMap((m) => [...m.keys()]))].sort();
    for (const start of times) {
      const left = new Map(services.map((sv) => [sv, free.get(sv)?.get(start) ?? 0]));
      const seats: Candidate[] = [];
      for (let j = 0; seats.length < lanes && [...left.values()].some((n) => n > 0); j++) {
        const service = services[j % services.length];
        const n = left.get(service) ?? 0;
        if (n === 0) continue;
        left.set(service, n - 1);
        seats.push({ office: officeCode, service, start });
      }
      byTime.set(start, seats);
    }
  }
  return interleave([...byTime.values()]);
}

/** Interleaves lists: one of each in turn, so neighbours in the result rarely compete for one seat. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++)
    for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

type Outcome = { status: number; ms: number };
async function postBooking(base: string, c: Candidate): Promise<Outcome> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
    body: JSON.stringify({
      office: c.office,
      service: c.service,
      start: c.start,
      name: 'Нагрузочный Тест',
      phone: nextPhone(),
      consents: { personalData: true, sms: true },
    }),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

/** `concurrency` loops taking candidates in turn until `enough` bookings are made, the list ends or time is up. */
async function bookMany(
  base: string,
  candidates: Candidate[],
  o: { concurrency: number; enough?: number; seconds?: number },
) {
  let next = 0;
  let made = 0;
  const statuses = new Map<number, number>();
  const ms: number[] = [];
  const until = o.seconds ? performance.now() + o.seconds * 1000 : Number.POSITIVE_INFINITY;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (
        next < candidates.length &&
        made < (o.enough ?? Number.POSITIVE_INFINITY) &&
        performance.now() < until
      ) {
        const r = await postBooking(base, candidates[next++]);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 201) {
          made += 1;
          ms.push(r.ms);
        } else if (r.status !== 409) {
          throw new Error(`POST /api/bookings: ${r.status}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { made, tried: next, seconds, statuses: Object.fromEntries(statuses), ms: ms.sort((a, b) => a - b) };
}

/**
 * One request at a time on a keep-alive connection: the latency of each, and the CPU okno's process spent
 * per request (a figure a busy machine does not inflate the way it does latency).
 */
async function latencies(base: string, paths: string[], n: number, serverGroup: number) {
  for (let i = 0; i < 200; i++) await getJson(base, paths[i % paths.length]); // warm-up
  const cpu0 = groupCpuMs(serverGroup);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(base + paths[i % paths.length]);
    await res.arrayBuffer();
    ms.push(performance.now() - t0);
    if (!res.ok) throw new Error(`GET ${paths[i % paths.length]}: ${res.status}`);
  }
  const cpuMs = (groupCpuMs(serverGroup) - cpu0) / n;
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), n, cpuMs };
}

/** Requests per second at 16 connections for `seconds`. */
async function throughput(base: string, paths: string[], seconds: number) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async (_, k) => {
      for (let i = k; performance.now() < until; i += 16) {
        const res = await fetch(base + paths[i % paths.length]);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`GET: ${res.status}`);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

/** Counters over capacity, and counters that differ from a recount of the bookings holding seats. */
async function seatAudit(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const over = await client.query<{ n: number }>(
      'select count(*)::int as n from booking_seats where used > capacity',
    );
    const mismatched = await client.query<{ n: number }>(
      `with held as (
         select b.office_code, to_timestamp(cell::bigint / 1000.0) as cell_start, scope, count(*)::int as n
         from bookings b, jsonb_array_elements_text(b.cells) as cell, unnest(array['*', b.service_code]) as scope
         where b.status = any($1::text[])
         group by 1, 2, 3)
       select count(*)::int as n
       from booking_seats s full join held h using (office_code, cell_start, scope)
       where coalesce(s.used, 0) <> coalesce(h.n, 0)`,
      [seatHolding],
    );
    const counts = await client.query<{ office: string; n: number }>(
      `select office_code as office, count(*)::int as n from bookings where status = any($1::text[]) group by 1`,
      [seatHolding],
    );
    return {
      over: over.rows[0].n,
      mismatched: mismatched.rows[0].n,
      bookings: Object.fromEntries(counts.rows.map((r) => [r.office, r.n])),
    };
  } finally {
    await client.end();
  }
}

export async function bookingBench(
  server: PostgresServer,
  seconds: number,
): Promise<{ lines: string[]; report: Record<string, unknown> }> {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  const url = server.url(databaseName);
  execFileSync('node', ['bin/okno.js', 'seed'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'ignore',
  });

  const port = await freePort();
  const app = await timedStart(
    {
      DATABASE_URL: url,
      PERSONAL_DATA_KEY: randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000000',
      BOOKING_RATE_LIMIT_PER_MINUTE: '100000000',
      OUTBOX_WORKER: 'off',
    },
    port,
  );
  const base = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  try {
    // (a) 5,000 bookings at the office with 20 windows, services interleaved, 16 at a time
    const fillT0 = performance.now();
    const pool = await seatsOf(base, office, fillServices, await officeLanesOf(url, office));
    const fill = await bookMany(base, pool, { concurrency: 16, enough: bookingsInHorizon });
    if (fill.made < bookingsInHorizon)
      throw new Error(`only ${fill.made} bookings fit at ${office} (${pool.length} free seats listed)`);
    const fillSeconds = (performance.now() - fillT0) / 1000;

    // (b) reads: month availability per service, day slots per service and date of the horizon
    const days = await horizonDates(base, office, fillServices[0]);
    const monthPaths = readServices.map((s) => `/api/offices/${office}/availability?service=${s}`);
    const dayPaths = days.flatMap((d) =>
      readServices.map((s) => `/api/offices/${office}/slots?service=${s}&date=${d.date}`),
    );
    const month = await latencies(base, monthPaths, 2_000, app.child.pid as number);
    const daySlots = await latencies(base, dayPaths, 2_000, app.child.pid as number);
    const monthRate = await throughput(base, monthPaths, Math.min(seconds, 5));
    const dayRate = await throughput(base, dayPaths, Math.min(seconds, 5));

    // (c) bookings per second at 16 connections across the main offices, then pgbench on the same server
    const mains = (await getJson<{ code: string; kind: string }[]>(base, '/api/offices'))
      .filter((o) => o.kind === 'main' && o.code !== office)
      .map((o) => o.code);
    const rateLists: Candidate[][] = [];
    for (const code of mains)
      rateLists.push(await seatsOf(base, code, fillServices, await officeLanesOf(url, code), 7));
    // one office after another: 16 bookings at once are at 16 different offices
    const ratePool = interleave(rateLists);
    await bookMany(base, ratePool.splice(0, 200), { concurrency: 16 }); // warm-up
    const cpu0 = groupCpuMs(app.child.pid as number);
    const rate = await bookMany(base, ratePool, { concurrency: 16, seconds });
    const serverCpuMs = (groupCpuMs(app.child.pid as number) - cpu0) / Math.max(1, rate.tried);
    const load = loadavg()[0];
    const perSecond = rate.made / rate.seconds;
    const tps = await pgbenchTps(server, seconds);

    // (d) the seats afterwards
    const audit = await seatAudit(url);

    const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
    const row = (name: string, r: { p50: number; p95: number; p99: number; cpuMs: number }, rps: number) =>
      `${name.padEnd(38)} p50 ${round(r.p50, 2)} ms  p95 ${round(r.p95, 2)} ms  p99 ${round(r.p99, 2)} ms  ` +
      `(goal p95 ≤ 5 ms: ${ok(r.p95 <= 5)}); okno's CPU ${round(r.cpuMs, 2)} ms a request; ${Math.round(rps)} req/s at 16 connections`;
    lines.push(
      `postgres: booking office ${office} (20 windows): ${fill.made} bookings made over the horizon in ${round(fillSeconds)} s ` +
        `(${fill.tried} tried, ${fill.statuses[409] ?? 0} refused; ${pool.length} seats free before; 4 services of 15 minutes)`,
      `postgres: booking ${row('month availability (GET …/availability)', month, monthRate)}`,
      `postgres: booking ${row('day slots (GET …/slots)', daySlots, dayRate)}`,
      `postgres: pgbench tpcb-like (scale 10, 16 clients, 2 threads, prepared) ${Math.round(tps)} TPS`,
      `postgres: booking POST /api/bookings at 16 connections: ${Math.round(perSecond)} bookings/s across ${mains.length} offices ` +
        `= ${Math.round((perSecond / tps) * 100)}% of pgbench (goal ≥ 60%: ${ok(perSecond / tps >= 0.6)}); ` +
        `p50 ${round(percentile(rate.ms, 50))} ms, p99 ${round(percentile(rate.ms, 99))} ms; ${rate.statuses[409] ?? 0} SLOT_TAKEN of ${rate.tried}; ` +
        `okno's process ${round(serverCpuMs)} ms of CPU per booking; machine load average ${round(load)} on ${availableParallelism()} cores`,
      `postgres: booking seats afterwards: ${audit.over} over capacity, ${audit.mismatched} counters differ from a recount of the bookings ` +
        `(goal 0 and 0: ${ok(audit.over === 0 && audit.mismatched === 0)}); ${audit.bookings[office] ?? 0} active bookings at ${office}`,
    );
    return {
      lines,
      report: {
        office,
        fill: { made: fill.made, tried: fill.tried, seconds: fillSeconds, listed: pool.length },
        month: { ...month, perSecond: monthRate },
        daySlots: { ...daySlots, perSecond: dayRate },
        bookings: {
          perSecond,
          made: rate.made,
          tried: rate.tried,
          statuses: rate.statuses,
          p50: percentile(rate.ms, 50),
          p99: percentile(rate.ms, 99),
          offices: mains.length,
          serverCpuMsPerBooking: serverCpuMs,
          loadAverage: load,
        },
        pgbenchTps: tps,
        share: perSecond / tps,
        seats: audit,
      },
    };
  } finally {
    await app.stop();
  }
}

// Alone: npx tsx bench/booking-bench.ts [seconds]
if (process.argv[1]?.endsWith('booking-bench.ts')) {
  const { startPostgres } = await import('../tests/support/postgres-server.js');
  const server = await startPostgres();
  try {
    const { lines } = await bookingBench(server, Number(process.argv[2] ?? 10));
    console.log(`\nokno booking bench (${new Date().toISOString()})\n${lines.join('\n')}`);
  } finally {
    server.stop();
  }
}
