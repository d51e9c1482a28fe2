import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase, rows, sql } from '../../src/server/db/client.js';
import { addCalendarDays } from '../../src/shared/calendar.js';
import { nowInTimeZone } from '../../src/shared/office-hours.js';
import { createPostgresDatabase } from '../support/databases.js';
import { runOkno } from './run-okno.js';

/**
 * Issue 12, "Data to measure on": `okno simulate --years N --visits N --seed S` fills PGlite and PostgreSQL with
 * a simulated history of the demo region — every row marked simulated, the rollups rebuilt to agree with the
 * sources, the case trails intact for `okno audit verify` — the same for the same seed, and refuses a database
 * with real visits unless --allow-real, and bad arguments, with exit code 2.
 */

type Target = { env: Record<string, string>; open: () => Promise<Database>; cleanup: () => Promise<void> };

async function target(kind: 'pglite' | 'postgres'): Promise<Target> {
  if (kind === 'postgres') {
    const created = await createPostgresDatabase();
    return {
      env: { DATABASE_URL: created.url, PERSONAL_DATA_KEY: randomBytes(32).toString('hex') },
      open: () => openDatabase({ kind: 'postgres', url: created.url, poolSize: 2 }),
      cleanup: created.drop,
    };
  }
  const tmp = await mkdtemp(join(tmpdir(), 'okno-simulate-'));
  const dataDir = join(tmp, 'data');
  const pgliteDir = join(dataDir, 'pglite');
  const first = await openDatabase({
    kind: 'pglite',
    dataDir: pgliteDir,
    snapshot: new Blob([readFileSync(inject('pgliteSnapshot'))]),
  });
  await first.close();
  return {
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ kind: 'pglite', dataDir: pgliteDir }),
    cleanup: async () => rmSync(tmp, { recursive: true, force: true }),
  };
}

async function onDatabase<T>(t: Target, fn: (db: Database['db']) => Promise<T>): Promise<T> {
  const database = await t.open();
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** What the simulated rows are: counts and digests that change if any row does. */
const fingerprint = (db: Database['db']) =>
  rows<Record<string, string | number>>(
    db,
    sql`select
      (select count(*)::int from tickets where simulated) as tickets,
      (select md5(string_agg(id::text || status || coalesce(service_code, '') || issued_at::text || coalesce(called_at::text, ''), ',' order by id)) from tickets where simulated) as tickets_md5,
      (select coalesce(sum(extract(epoch from called_at - issued_at)), 0)::bigint from tickets where simulated) as wait_seconds,
      (select count(*)::int from bookings where simulated) as bookings,
      (select md5(string_agg(code || status || channel, ',' order by id)) from bookings where simulated) as bookings_md5,
      (select count(*)::int from cases where simulated) as cases,
      (select md5(string_agg(id::text || stage || due_date::text || event_hash, ',' order by id)) from cases where simulated) as cases_md5,
      (select count(*)::int from ratings where simulated) as ratings,
      (select coalesce(sum(score_time + score_waiting + score_staff + score_comfort + score_information), 0)::int from ratings where simulated) as score_sum`,
  ).then((r) => r[0]);

const yesterday = () => addCalendarDays(nowInTimeZone('Europe/Moscow', new Date()).date, -1);

describe.each(['pglite', 'postgres'] as const)('okno simulate (%s)', { timeout: 600_000 }, (kind) => {
  let first: Target;
  let second: Target;
  let period: { from: string; to: string };
  let firstPrint: Record<string, string | number>;

  beforeAll(async () => {
    first = await target(kind);
    second = await target(kind);
  }, 120_000);
  afterAll(async () => {
    await first?.cleanup();
    await second?.cleanup();
  });

  it('writes a year of 3000 simulated visits with bookings, cases and ratings, reporting progress and a summary', async () => {
    const result = await runOkno(
      ['simulate', '--visits', '3000', '--years', '1', '--seed', '7'],
      first.env,
      300_000,
    );
    expect(result.code).toBe(0);
    const summary =
      /^simulated (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}) \(seed 7\): 3000 visits, (\d+) bookings, (\d+) cases, (\d+) ratings written in [\d.]+ s \(\d+ visits\/s; rollups rebuilt in [\d.]+ s\)$/m.exec(
        result.stdout,
      );
    expect(summary, result.stdout + result.stderr).not.toBeNull();
    period = { from: summary?.[1] as string, to: summary?.[2] as string };
    const to = yesterday();
    expect([to, addCalendarDays(to, -1)]).toContain(period.to);
    expect(period.from).toBe(addCalendarDays(`${Number(period.to.slice(0, 4)) - 1}${period.to.slice(4)}`, 1));
    // not a terminal: a plain line per tenth, the last at 100%, then the rollups' rebuild
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.at(-1)).toBe(`okno simulate: rebuilding the rollups of ${period.from}..${period.to}`);
    expect(lines.at(-2)).toMatch(
      /^okno simulate: 100% {2}3,000\/3,000 visits {2}[\d,]+ rows {2}[\d,]+ visits\/s {2}ETA 0s$/,
    );

    firstPrint = await onDatabase(first, async (db) => {
      const print = await fingerprint(db);
      expect(print.tickets).toBe(3000);
      expect(print.bookings).toBe(Number(summary?.[3]));
      expect(print.cases).toBe(Number(summary?.[4]));
      expect(print.ratings).toBe(Number(summary?.[5]));
      const [shares] = await rows<Record<string, number>>(
        db,
        sql`select
          (select count(*)::int from tickets where not simulated) as real_tickets,
          (select count(*)::int from bookings where not simulated) as real_bookings,
          (select count(*)::int from cases where not simulated) as real_cases,
          (select count(*)::int from ratings where not simulated) as real_ratings,
          (select count(*)::int from tickets where channel = 'booking') as booked,
          (select count(*)::int from bookings where status = 'no_show') as no_shows,
          (select count(*)::int from tickets where day < ${period.from} or day > ${period.to}) as outside,
          (select count(distinct phone_hash)::int from bookings) as phones,
          (select count(distinct applicant_id)::int from cases) as applicants`,
      );
      expect(shares).toMatchObject({
        real_tickets: 0,
        real_bookings: 0,
        real_cases: 0,
        real_ratings: 0,
        outside: 0,
      });
      // one placeholder person for every booking and every case: nobody real-looking
      expect(shares.phones).toBe(1);
      expect(shares.applicants).toBe(1);
      expect(shares.booked / 3000).toBeGreaterThan(0.15);
      expect(shares.booked / 3000).toBeLessThan(0.32);
      expect(shares.no_shows / Number(print.bookings)).toBeGreaterThan(0.05);
      expect(shares.no_shows / Number(print.bookings)).toBeLessThan(0.16);
      expect(Number(print.cases) / 3000).toBeGreaterThan(0.5);
      // the rollups rebuilt from the sources agree with them
      const [sums] = await rows<Record<string, number>>(
        db,
        sql`select
          (select coalesce(sum(visits), 0)::int from analytics_rollups where grain = 'd' and service_code = '*') as day_visits,
          (select coalesce(sum(visits), 0)::int from analytics_rollups where grain = 'm' and service_code = '*') as month_visits,
          (select coalesce(sum(visits), 0)::int from analytics_rollups where grain = 'm' and service_code <> '*' and office_code <> '*') as service_visits,
          (select coalesce(sum(visits), 0)::int from analytics_rollups where grain = 'm' and office_code = '*') as region_visits,
          (select coalesce(sum(cases), 0)::int from analytics_rollups where grain = 'm' and service_code = '*') as cases,
          (select coalesce(sum(ratings), 0)::int from analytics_rollups where grain = 'm' and service_code = '*') as ratings,
          (select coalesce(sum(bookings), 0)::int from analytics_rollups where grain = 'm' and service_code = '*') as bookings,
          (select count(*)::int from bookings where status in ('booked', 'checked_in', 'no_show')) as counted_bookings`,
      );
      expect(sums).toMatchObject({
        day_visits: 3000,
        month_visits: 3000,
        service_visits: 3000,
        region_visits: 3000,
        cases: print.cases,
        ratings: print.ratings,
        bookings: sums.counted_bookings,
      });
      return print;
    });
  });

  it('keeps okno audit verify green over the simulated cases', async () => {
    const verify = await runOkno(['audit', 'verify'], first.env, 120_000);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`case trails intact: ${firstPrint.cases} cases`);
  });

  it('refuses to simulate twice into the same database', async () => {
    const again = await runOkno(['simulate', '--visits', '100', '--seed', '7'], first.env, 120_000);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(
      'okno simulate: the database already holds a simulated history: simulate into a fresh database (a second history would overlap the first)',
    );
  });

  it('refuses a database with real visits unless --allow-real, and gives the same rows for the same seed', async () => {
    const realDay = addCalendarDays(period.to, -3);
    await onDatabase(second, (db) =>
      db.execute(sql`insert into tickets (office_code, day, letter, seq, track, purpose, channel, status, outcome)
        values ('lip-kosmonavtov', ${realDay}, 'К', 1, 'real-visit-track', 'consult', 'staff', 'done', 'consultation_given')`),
    );
    const args = ['simulate', '--visits', '3000', '--years', '1', '--seed', '7', '--to', period.to];
    const refused = await runOkno(args, second.env, 120_000);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      'okno simulate: the database holds real (non-simulated) visits: refusing to mix a simulated history into them (--allow-real to do it anyway)',
    );
    expect(await onDatabase(second, fingerprint)).toMatchObject({
      tickets: 0,
      bookings: 0,
      cases: 0,
      ratings: 0,
    });

    const allowed = await runOkno([...args, '--allow-real'], second.env, 300_000);
    expect(allowed.code, allowed.stderr).toBe(0);
    await onDatabase(second, async (db) => {
      expect(await fingerprint(db)).toEqual(firstPrint);
      const [real] = await rows<{ n: number; visits: number }>(
        db,
        sql`select (select count(*)::int from tickets where not simulated) as n,
          (select sum(visits)::int from analytics_rollups where grain = 'm' and service_code = '*') as visits`,
      );
      // the real visit is kept, and counted with the simulated ones
      expect(real).toEqual({ n: 1, visits: 3001 });
    });
  });
});

describe('okno simulate refuses bad arguments with exit code 2', { timeout: 60_000 }, () => {
  it.each([
    [['--years', '0'], '--years must be a whole number from 1 to 10, got "0"'],
    [['--years', '11'], '--years must be a whole number from 1 to 10, got "11"'],
    [['--visits', 'many'], '--visits must be a whole number from 1 to 100000000, got "many"'],
    [['--visits=-5'], '--visits must be a whole number from 1 to 100000000, got "-5"'],
    [['--to', '2026-02-30'], '--to must be a date YYYY-MM-DD, got "2026-02-30"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('%s', async (args, message) => {
    const result = await runOkno(['simulate', ...args], { DATA_DIR: join(tmpdir(), 'okno-simulate-never') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`okno simulate: ${message}`);
    expect(result.stdout).toBe('');
  });
});
