/**
 * Cases' figures (issue 11, "Speed"; `npm run bench`, or alone:
 * `npx tsx bench/cases-bench.ts [seconds] [--cases N]`), on a PostgreSQL 15 server, in process — the
 * services called directly (caseStatus, findCases, acceptCase, transitionCase) on node-postgres pools, no
 * HTTP in between (the HTTP layer's cost is in the other benches' figures):
 * (0) the fixture: a region-year of cases (default 1,000,000) with their applicants (one sealed blob shared
 *     by all, but each with its own keyed hashes of surname and phone, so search finds them) and their
 *     trails (1–5 events each, valid hash chains), written by multi-row INSERT … SELECT FROM unnest(…) in
 *     batches, then VACUUM ANALYZE;
 * (a) status lookups (caseStatus, number + PIN) per second at 16 connections, as a share of `pgbench -S`
 *     (select-only, 16 clients, prepared) TPS on the same server in the same run (goal ≥ 40%), and their
 *     p50/p99 at that load (goal p99 ≤ 10 ms);
 * (b) case search one query at a time (findCases, region scope, first page of 50): by number, by phone, by
 *     the applicant's surname (surnames drawn from a skewed distribution: the commonest carries ~0.7% of
 *     the cases), p50/p99 (goal p99 ≤ 20 ms);
 * (c) acceptances (acceptCase) per second, 16 at once on a pool of 16 across the main offices;
 * (d) 140 offices accepting at once (140 concurrent loops on a pool of 20, each an office of its own:
 *     accept, then move the case one stage), the trail's event appends per second and acceptance p99.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Database, openDatabase, rows, sql } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { normalName } from '../src/server/modules/cases/case-applicant.js';
import { type CaseCard, freezeCard } from '../src/server/modules/cases/case-card.js';
import { transitionCase } from '../src/server/modules/cases/case-moves.js';
import { findCases } from '../src/server/modules/cases/case-search.js';
import { ensureYearSequences, yearSequence } from '../src/server/modules/cases/case-settings.js';
import { caseStatus } from '../src/server/modules/cases/case-status.js';
import { caseEventHash, caseGenesis, verifyCaseChains } from '../src/server/modules/cases/case-trail.js';
import { acceptCase, type CaseDeps, type CaseStaff } from '../src/server/modules/cases/cases.service.js';
import { publishedCardForCase } from '../src/server/modules/catalog/services.lookup.js';
import {
  officeCard,
  officeOffers,
  productionCalendar,
} from '../src/server/modules/network/network.service.js';
import { personalDataCipher } from '../src/server/privacy/personal-data.js';
import { loadRegion } from '../src/server/seed/load-region.js';
import { seedRegion } from '../src/server/seed/seed-region.js';
import { seedRegionSetups } from '../src/server/seed/seed-setups.js';
import { addCalendarDays, type Calendar, datesInRange, isWorkingDay } from '../src/shared/calendar.js';
import { baseDueDate } from '../src/shared/case-deadline.js';
import { formatCaseNumber } from '../src/shared/case-number.js';
import { isFinalStage, resultReached } from '../src/shared/case-route.js';
import { type CaseCreate, caseSearchQuerySchema } from '../src/shared/cases.js';
import { maskPhone } from '../src/shared/contacts.js';
import { createStaffUser } from '../tests/support/auth.js';
import type { PostgresServer } from '../tests/support/postgres-server.js';

const run = promisify(execFile);
const regionDir = 'regions/lipetsk';
const databaseName = 'okno_cases_bench';
/** 11:00 in Lipetsk on Tuesday 1 December 2026: the year's cases lie behind, every office is open. */
const benchNow = new Date('2026-12-01T08:00:00Z');
const year = 2026;
const pin = '123456';
/** Services the fixture spreads cases over (six route kinds; any without a term or stages is dropped). */
const fillServices = [
  'egrn-extract',
  'passport-rf-14',
  'egrul-extract',
  'zags-certificate',
  'snils-issue',
  'inn-issue',
  'unified-allowance',
  'matcap-balance',
  'job-seeker-registration',
  'employer-staffing-help',
  'career-guidance',
];
const surnameCount = 20_000;
const batchSize = 5_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A seeded generator (mulberry32): the same region-year every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pronounceable surnames (some coincide, as they do). */
const roots = [
  'Иван',
  'Петр',
  'Сидор',
  'Кузнец',
  'Смирн',
  'Попов',
  'Васил',
  'Соколь',
  'Михайл',
  'Новик',
  'Федор',
  'Мороз',
  'Волк',
  'Алексе',
  'Лебед',
  'Семен',
  'Егор',
  'Павл',
  'Козл',
  'Степан',
  'Никол',
  'Орл',
  'Андре',
  'Макар',
  'Никит',
  'Захар',
  'Зайц',
  'Соловь',
  'Борис',
  'Яковл',
  'Григорь',
  'Роман',
  'Воробь',
  'Серге',
  'Кузьмин',
  'Фрол',
  'Александр',
  'Дмитри',
  'Корол',
  'Гусев',
  'Киселев',
  'Ильин',
  'Максим',
  'Поляк',
  'Сорокин',
  'Виноград',
  'Ковал',
  'Белов',
  'Медвед',
  'Антон',
];
const middles = [
  '',
  'о',
  'ен',
  'ан',
  'ищ',
  'ушк',
  'ец',
  'ин',
  'ар',
  'ил',
  'уш',
  'ат',
  'ол',
  'ер',
  'ям',
  'ыг',
  'ач',
  'ок',
  'ур',
  'ик',
];
const endings = [
  'ов',
  'ев',
  'ин',
  'ский',
  'цкий',
  'енко',
  'ук',
  'ых',
  'их',
  'ова',
  'ева',
  'ина',
  'ская',
  'цкая',
  'ко',
  'ян',
  'ец',
  'ич',
  'ай',
  'ой',
];
const surnameOf = (i: number) =>
  roots[i % roots.length] +
  middles[Math.floor(i / roots.length) % middles.length] +
  endings[Math.floor(i / (roots.length * middles.length)) % endings.length];
/** A skewed draw of a surname index: u² puts the commonest at ~0.7% of applicants. */
const drawSurname = (r: () => number) => Math.floor(r() ** 2 * surnameCount);

type Fill = {
  cards: { code: string; card: CaseCard }[];
  offices: string[];
  n: number;
  cipher: ReturnType<typeof personalDataCipher>;
  userId: string;
  userName: string;
};

/** The number, phone and surname of fixture case g (1-based): what the measurements look up. */
const fixturePhone = (g: number) => `+7900${String(g).padStart(7, '0')}`;
const fixtureNumber = (g: number) => formatCaseNumber('48', year, g);

/** (0) N cases with their applicants and trails, batch by batch, two batches in flight. */
async function fillCases(url: string, fill: Fill, calendar: Calendar) {
  const { cards, offices, n, cipher } = fill;
  const client = () => {
    const c = new pg.Client({ connectionString: url });
    return c.connect().then(() => c);
  };
  const setup = await client();
  await setup.query(`create sequence if not exists ${yearSequence(year)}`);
  await setup.query('drop table if exists bench_case_cards');
  await setup.query(
    `create table bench_case_cards (idx int primary key, code text, version int, agency text,
       term_days int, term_kind text, card jsonb)`,
  );
  for (const [i, c] of cards.entries())
    await setup.query('insert into bench_case_cards values ($1, $2, $3, $4, $5, $6, $7)', [
      i,
      c.code,
      c.card.version,
      c.card.agency?.code ?? null,
      c.card.term.days,
      c.card.term.kind,
      JSON.stringify(c.card),
    ]);
  await setup.end();

  const sealedApplicant = cipher.seal(
    JSON.stringify({
      lastName: 'Нагрузочная',
      firstName: 'Анна',
      middleName: 'Сергеевна',
      birthDate: '1980-01-01',
      identityDocument: { kind: 'passport_rf', series: '4200', number: '000000' },
      snils: null,
      phone: '+79000000000',
      email: null,
      name: null,
      inn: null,
      ogrn: null,
      representative: null,
    }),
  );
  const sealedPin = cipher.seal(pin);
  const nameHashes = Array.from({ length: surnameCount }, (_, i) =>
    cipher.lookupHash('name', normalName(surnameOf(i))),
  );
  const workingDays = datesInRange('2026-01-12', '2026-11-30').filter((d) => isWorkingDay(calendar, d));
  const today = '2026-12-01';
  const r = random(20260112);

  const batch = (from: number, to: number) => {
    const a = {
      id: [] as string[],
      dn: [] as string[],
      mp: [] as string[],
      nh: [] as string[],
      ph: [] as string[],
      at: [] as string[],
    };
    const c = {
      id: [] as string[],
      number: [] as string[],
      office: [] as string[],
      service: [] as number[],
      applicant: [] as string[],
      stage: [] as string[],
      stageAt: [] as string[],
      stageLog: [] as string[],
      final: [] as boolean[],
      acceptedAt: [] as string[],
      acceptedOn: [] as string[],
      due: [] as string[],
      resultAt: [] as (string | null)[],
      storage: [] as (string | null)[],
      issuedAt: [] as (string | null)[],
      seq: [] as number[],
      hash: [] as string[],
    };
    const e = {
      caseId: [] as string[],
      seq: [] as number[],
      at: [] as string[],
      kind: [] as string[],
      office: [] as string[],
      details: [] as string[],
      prev: [] as string[],
      hash: [] as string[],
    };
    for (let g = from; g <= to; g++) {
      const service = Math.floor(r() * cards.length);
      const { card } = cards[service];
      const office = offices[g % offices.length];
      const day = workingDays[Math.floor(r() * workingDays.length)];
      // 08:00–17:00 in Lipetsk (UTC+3), whole milliseconds
      const accepted = new Date(`${day}T05:00:00.000Z`).getTime() + Math.floor(r() * 9 * 3_600_000);
      const due = baseDueDate(calendar, day, card.term);
      const last = card.stages.length - 1;
      // cases past their due date are mostly at their end; the rest anywhere on their route
      const reached = due < today && r() < 0.9 ? last : Math.floor(r() * (last + 1));
      const times = card.stages
        .slice(0, reached + 1)
        .map((_, k) => Math.min(accepted + k * 86_400_000, benchNow.getTime() - 60_000));
      const iso = (ms: number) => new Date(ms).toISOString();
      const caseId = randomUUID();
      const applicantId = randomUUID();
      const number = fixtureNumber(g);
      const surname = drawSurname(r);
      a.id.push(applicantId);
      a.dn.push(`${surnameOf(surname)} А. С.`);
      a.mp.push(maskPhone(fixturePhone(g)));
      a.nh.push(nameHashes[surname]);
      a.ph.push(cipher.lookupHash('phone', fixturePhone(g)));
      a.at.push(iso(accepted));
      let prev = caseGenesis;
      for (let k = 0; k <= reached; k++) {
        const code = card.stages[k].code;
        const kind = k === 0 ? 'accepted' : code === 'issued' ? 'issued' : 'transition';
        const details =
          k === 0
            ? { number, service: cards[service].code, version: card.version, channel: 'window', dueDate: due }
            : {
                before: card.stages[k - 1].code,
                after: code,
                via: kind === 'issued' ? 'issue' : 'transition',
              };
        const hash = caseEventHash(prev, {
          caseId,
          seq: k + 1,
          at: iso(times[k]),
          kind,
          actorId: fill.userId,
          actorName: fill.userName,
          office,
          details,
        });
        e.caseId.push(caseId);
        e.seq.push(k + 1);
        e.at.push(iso(times[k]));
        e.kind.push(kind);
        e.office.push(office);
        e.details.push(JSON.stringify(details));
        e.prev.push(prev);
        e.hash.push(hash);
        prev = hash;
      }
      const code = card.stages[reached].code;
      const readyAt = card.stages.findIndex((s) => s.code === 'ready');
      c.id.push(caseId);
      c.number.push(number);
      c.office.push(office);
      c.service.push(service);
      c.applicant.push(applicantId);
      c.stage.push(code);
      c.stageAt.push(iso(times[reached]));
      c.stageLog.push(JSON.stringify(times.map((t, k) => ({ code: card.stages[k].code, at: iso(t) }))));
      c.final.push(isFinalStage(card.stages, code));
      c.acceptedAt.push(iso(accepted));
      c.acceptedOn.push(day);
      c.due.push(due);
      const result = resultReached(card.stages, code) ? times[readyAt >= 0 ? readyAt : last] : null;
      c.resultAt.push(result === null ? null : iso(result));
      c.storage.push(
        code === 'ready' && result !== null
          ? addCalendarDays(iso(result).slice(0, 10), card.keepResultDays ?? 30)
          : null,
      );
      c.issuedAt.push(code === 'issued' ? iso(times[reached]) : null);
      c.seq.push(reached + 1);
      c.hash.push(prev);
    }
    return { a, c, e };
  };

  const write = async (db: pg.Client, b: ReturnType<typeof batch>) => {
    await db.query('begin');
    await db.query(
      `insert into case_applicants (id, kind, sealed, display_name, masked_phone, name_hash, phone_hash, consent_sms, created_at)
       select id, 'person', $1, dn, mp, nh, ph, true, at
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) as t(id, dn, mp, nh, ph, at)`,
      [sealedApplicant, b.a.id, b.a.dn, b.a.mp, b.a.nh, b.a.ph, b.a.at],
    );
    await db.query(
      `insert into cases (id, number, pin, office_code, district_code, service_code, service_version, agency_code, card,
         applicant_id, channel, fee_paid, stage, stage_at, stage_log, final, accepted_at, accepted_on, accepted_by,
         term_days, term_kind, base_due_date, due_date, result_at, storage_until, issued_at, event_seq, event_hash)
       select t.id, t.number, $1, t.office, o.district_code, k.code, k.version, k.agency, k.card,
         t.applicant, 'window', true, t.stage, t.stage_at, t.stage_log::jsonb, t.final, t.accepted_at, t.accepted_on, $2,
         k.term_days, k.term_kind, t.due, t.due, t.result_at, t.storage_until, t.issued_at, t.seq, t.hash
       from unnest($3::uuid[], $4::text[], $5::text[], $6::int[], $7::uuid[], $8::text[], $9::timestamptz[], $10::text[],
         $11::boolean[], $12::timestamptz[], $13::date[], $14::date[], $15::timestamptz[], $16::date[], $17::timestamptz[],
         $18::int[], $19::text[])
         as t(id, number, office, service, applicant, stage, stage_at, stage_log, final, accepted_at, accepted_on, due,
           result_at, storage_until, issued_at, seq, hash)
       join offices o on o.code = t.office
       join bench_case_cards k on k.idx = t.service`,
      [
        sealedPin,
        fill.userId,
        b.c.id,
        b.c.number,
        b.c.office,
        b.c.service,
        b.c.applicant,
        b.c.stage,
        b.c.stageAt,
        b.c.stageLog,
        b.c.final,
        b.c.acceptedAt,
        b.c.acceptedOn,
        b.c.due,
        b.c.resultAt,
        b.c.storage,
        b.c.issuedAt,
        b.c.seq,
        b.c.hash,
      ],
    );
    await db.query(
      `insert into case_events (case_id, seq, at, kind, actor_id, actor_name, office_code, details, prev_hash, hash)
       select t.case_id, t.seq, t.at, t.kind, $1, $2, t.office, t.details::jsonb, t.prev, t.hash
       from unnest($3::uuid[], $4::int[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         as t(case_id, seq, at, kind, office, details, prev, hash)`,
      [
        fill.userId,
        fill.userName,
        b.e.caseId,
        b.e.seq,
        b.e.at,
        b.e.kind,
        b.e.office,
        b.e.details,
        b.e.prev,
        b.e.hash,
      ],
    );
    await db.query('commit');
    return b.e.caseId.length;
  };

  const t0 = performance.now();
  const writers = await Promise.all([client(), client()]);
  let next = 1;
  let events = 0;
  let lastReport = t0;
  await Promise.all(
    writers.map(async (db) => {
      while (next <= n) {
        const from = next;
        const to = Math.min(n, from + batchSize - 1);
        next = to + 1;
        events += await write(db, batch(from, to));
        if (performance.now() - lastReport > 30_000) {
          lastReport = performance.now();
          console.error(
            `cases bench: ${to.toLocaleString('en')} of ${n.toLocaleString('en')} cases written…`,
          );
        }
      }
    }),
  );
  const insertSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await writers[0].query(`select setval('${yearSequence(year)}', $1)`, [n]);
  await writers[0].query('drop table bench_case_cards');
  await writers[0].query('vacuum analyze case_applicants');
  await writers[0].query('vacuum analyze cases');
  await writers[0].query('vacuum analyze case_events');
  const size = await writers[0].query<{ size: string }>(
    'select pg_size_pretty(pg_database_size(current_database())) as size',
  );
  await Promise.all(writers.map((w) => w.end()));
  return { events, insertSeconds, vacuumSeconds: (performance.now() - t1) / 1000, size: size.rows[0].size };
}

/** pgbench select-only (`-S`) at 16 clients, prepared, on its own database of the same server. */
export async function pgbenchSelectTps(server: PostgresServer, seconds: number): Promise<number> {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('drop database if exists pgbench_select with (force)');
  await admin.query('create database pgbench_select');
  await admin.end();
  const url = server.url('pgbench_select');
  await run('/usr/bin/pgbench', ['-i', '-s', '10', '-q', url], { maxBuffer: 1 << 24 });
  const { stdout } = await run(
    '/usr/bin/pgbench',
    ['-S', '-c', '16', '-j', '2', '-T', String(seconds), '-M', 'prepared', url],
    { maxBuffer: 1 << 24 },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench said:\n${stdout}`);
  return Number(tps);
}

/** `concurrency` loops calling `task` until `seconds` pass; each call's time. */
async function loadFor(
  seconds: number,
  concurrency: number,
  task: (i: number, loop: number) => Promise<unknown>,
) {
  let next = 0;
  const ms: number[] = [];
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < until) {
        const s = performance.now();
        await task(next++, loop);
        ms.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  ms.sort((a, b) => a - b);
  return {
    done: ms.length,
    perSecond: ms.length / elapsed,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    /** This process's CPU per call (the services and the pg client run here): what machine load does not inflate. */
    nodeCpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, ms.length),
  };
}

/** One query at a time: p50/p99 and the mean number of cases found. */
async function oneAtATime(n: number, task: (i: number) => Promise<number>) {
  for (let i = 0; i < Math.min(50, n); i++) await task(i + n); // warm-up
  const ms: number[] = [];
  let found = 0;
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    found += await task(i);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { n, p50: percentile(ms, 50), p99: percentile(ms, 99), meanFound: found / n };
}

/**
 * What the server's busy sessions wait on while `fn` runs (pg_stat_activity sampled every 50 ms): the top
 * wait events and the share of samples each took — where a rate that falls short loses its time.
 */
async function waitsDuring<T>(url: string, fn: () => Promise<T>): Promise<{ result: T; waits: string }> {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  const seen = new Map<string, number>();
  let samples = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const { rows: active } = await probe.query<{ w: string }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as w from pg_stat_activity
         where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      samples++;
      for (const r of active) seen.set(r.w, (seen.get(r.w) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const result = await fn();
    return {
      result,
      waits: [...seen]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([w, n]) => `${w} ${round(n / Math.max(1, samples), 1)}`)
        .join(', '),
    };
  } finally {
    running = false;
    await sampler;
    await probe.end();
  }
}

export async function casesBench(
  server: PostgresServer,
  seconds: number,
  options: { cases?: number } = {},
): Promise<{ lines: string[]; report: Record<string, unknown> }> {
  const n = options.cases ?? defaultCasesFromArgs() ?? 1_000_000;
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  const url = server.url(databaseName);
  const setup = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  const cipher = personalDataCipher(randomBytes(32).toString('hex'));
  let fill: Fill;
  let calendar: Calendar;
  try {
    await migrate(setup);
    await seedRegion(setup.db, loadRegion(regionDir));
    await seedRegionSetups(setup.db, regionDir);
    const user = await createStaffUser(setup, {
      fullName: 'Нагрузочный Оператор Тестович',
      grants: [{ role: 'admin', scope: { kind: 'region' } }],
    });
    const cards: Fill['cards'] = [];
    for (const code of fillServices) {
      const found = await publishedCardForCase(setup.db, code);
      const card = found ? freezeCard(found) : null;
      if (card) cards.push({ code, card });
    }
    if (cards.length === 0)
      throw new Error('cases bench: none of the fixture services has a term and stages');
    const offices = (await rows<{ code: string }>(setup.db, sql`select code from offices order by code`)).map(
      (o) => o.code,
    );
    calendar = await productionCalendar(setup.db);
    fill = { cards, offices, n, cipher, userId: user.id, userName: 'Нагрузочный Оператор Тестович' };
  } finally {
    await setup.close();
  }

  const fillT0 = performance.now();
  const filled = await fillCases(url, fill, calendar);
  const fillSeconds = (performance.now() - fillT0) / 1000;

  const lines: string[] = [];
  const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
  const pick = random(777);
  const someCase = () => 1 + Math.floor(pick() * n);

  // (a) status lookups at 16 connections, then pgbench -S on the same server
  const pool16 = await openDatabase({ kind: 'postgres', url, poolSize: 16 });
  let status: Awaited<ReturnType<typeof loadFor>>;
  let statusWaits = '';
  let acceptWaits = '';
  let wideWaits = '';
  let search: Record<string, Awaited<ReturnType<typeof oneAtATime>>>;
  let accept: Awaited<ReturnType<typeof loadFor>>;
  const staff: CaseStaff = { userId: fill.userId, login: 'bench', name: fill.userName, scope: 'region' };
  const deps = (db: Database): CaseDeps => ({
    db: db.db,
    cipher,
    outbox: () => ({ cipher, publicUrl: 'https://mfc.example.ru', maxAttempts: 8 }),
    now: benchNow,
  });
  try {
    // as the cases plugin does at start: a year's sequence made inside an acceptance would want a second
    // connection from a pool its 16 callers already hold
    await ensureYearSequences(pool16.db, [year, year + 1]);
    console.error('cases bench: status lookups, then search…');
    const lookup = () => caseStatus({ db: pool16.db, cipher, now: benchNow }, fixtureNumber(someCase()), pin);
    await loadFor(2, 16, lookup); // warm-up
    ({ result: status, waits: statusWaits } = await waitsDuring(url, () => loadFor(seconds, 16, lookup)));

    // (b) search, one query at a time
    const page = (q: Record<string, string>) =>
      findCases(
        { db: pool16.db, cipher, now: benchNow },
        'region',
        caseSearchQuerySchema.parse({ ...q, limit: '50' }),
      ).then((p) => p.items.length);
    const nameDraw = random(4242);
    search = {
      number: await oneAtATime(500, () => page({ number: fixtureNumber(someCase()) })),
      phone: await oneAtATime(500, () => page({ phone: fixturePhone(someCase()) })),
      name: await oneAtATime(500, () => page({ applicant: surnameOf(drawSurname(nameDraw)) })),
    };

    // (c) acceptances, 16 at once across the main offices
    const mains = (
      await rows<{ code: string }>(pool16.db, sql`select code from offices where kind = 'main' order by code`)
    ).map((o) => o.code);
    const application = (office: string, service: string, i: number): CaseCreate => ({
      office,
      service,
      applicant: {
        kind: 'person',
        lastName: surnameOf(i % surnameCount),
        firstName: 'Анна',
        phone: `+7901${String(i % 10_000_000).padStart(7, '0')}`,
        consent: { sms: true, email: false },
      },
      documents: [{ name: 'Заявление', form: 'original', pages: 1 }],
      feePaid: true,
    });
    console.error('cases bench: acceptances…');
    const acceptAt = (i: number) =>
      acceptCase(deps(pool16), staff, application(mains[i % mains.length], fill.cards[0].code, i));
    await loadFor(1, 16, acceptAt); // warm-up
    ({ result: accept, waits: acceptWaits } = await waitsDuring(url, () => loadFor(seconds, 16, acceptAt)));
  } finally {
    await pool16.close();
  }
  console.error('cases bench: pgbench -S…');
  const tps = await pgbenchSelectTps(server, seconds);

  // (d) 140 offices at once on a pool of 20: accept, then move the case one stage
  const pool20 = await openDatabase({ kind: 'postgres', url, poolSize: 20 });
  let offices140: { office: string; service: string }[] = [];
  let wide: Awaited<ReturnType<typeof loadFor>>;
  let eventsPerSecond: number;
  let moves = 0;
  /** Acceptances that failed under the load, by message (a pool's wait for a connection runs out at 5 s). */
  const failures = new Map<string, number>();
  try {
    console.error('cases bench: 140 offices at once…');
    await ensureYearSequences(pool20.db, [year, year + 1]);
    for (const code of fill.offices) {
      const office = await officeCard(pool20.db, code);
      if (!office) continue;
      const service = [];
      for (const c of fill.cards) if (await officeOffers(pool20.db, office, c.code)) service.push(c.code);
      if (service.length) offices140.push({ office: code, service: service[0] });
    }
    offices140 = offices140.slice(0, 140);
    const count = async () =>
      (await rows<{ n: number }>(pool20.db, sql`select count(*)::int as n from case_events`))[0].n;
    const before = await count();
    const t0 = performance.now();
    ({ result: wide, waits: wideWaits } = await waitsDuring(url, () =>
      loadFor(seconds, offices140.length, async (i, loop) => {
        const { office, service } = offices140[loop];
        try {
          const created = await acceptCase(deps(pool20), staff, {
            office,
            service,
            applicant: {
              kind: 'person',
              lastName: surnameOf((i * 7) % surnameCount),
              firstName: 'Олег',
              phone: `+7902${String(i % 10_000_000).padStart(7, '0')}`,
            },
            documents: [{ name: 'Заявление', form: 'original', pages: 1 }],
          });
          const to = created.allowedTransitions[0]?.code;
          if (to) {
            await transitionCase(deps(pool20), staff, created.id, { to });
            moves++;
          }
        } catch (err) {
          failures.set(
            String((err as Error).message).slice(0, 60),
            (failures.get(String((err as Error).message).slice(0, 60)) ?? 0) + 1,
          );
        }
      }),
    ));
    const elapsed = (performance.now() - t0) / 1000;
    eventsPerSecond = ((await count()) - before) / elapsed;
  } finally {
    await pool20.close();
  }

  // (e) okno audit verify's walk over every case's trail: the fixture's chains are real ones
  console.error('cases bench: verifying every trail…');
  const verifier = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  let chains: Awaited<ReturnType<typeof verifyCaseChains>>;
  const verifyT0 = performance.now();
  try {
    chains = await verifyCaseChains(verifier.db);
  } finally {
    await verifier.close();
  }
  const verifySeconds = (performance.now() - verifyT0) / 1000;

  const load = loadavg()[0];
  lines.push(
    `postgres: cases fixture: ${n.toLocaleString('en')} cases, ${n.toLocaleString('en')} applicants, ${filled.events.toLocaleString('en')} events ` +
      `(${fill.cards.length} services, ${fill.offices.length} offices) in ${round(fillSeconds)} s ` +
      `(inserts ${round(filled.insertSeconds)} s, vacuum analyze ${round(filled.vacuumSeconds)} s); database ${filled.size}`,
    `postgres: pgbench -S (select-only, scale 10, 16 clients, 2 threads, prepared) ${Math.round(tps)} TPS`,
    `postgres: cases status lookups (caseStatus called directly, 16 at once on a pool of 16): ${Math.round(status.perSecond)}/s ` +
      `= ${Math.round((status.perSecond / tps) * 100)}% of pgbench -S (goal ≥ 40%: ${ok(status.perSecond / tps >= 0.4)}); ` +
      `p50 ${round(status.p50, 2)} ms, p99 ${round(status.p99, 2)} ms (goal ≤ 10 ms: ${ok(status.p99 <= 10)}); ` +
      `node's CPU ${round(status.nodeCpuMs, 2)} ms a lookup; server sessions waiting (avg per sample): ${statusWaits}`,
    ...(['number', 'phone', 'name'] as const).map(
      (k) =>
        `postgres: cases search by ${k.padEnd(6)} (findCases, region scope, one at a time, ${search[k].n} queries): ` +
        `p50 ${round(search[k].p50, 2)} ms, p99 ${round(search[k].p99, 2)} ms (goal ≤ 20 ms: ${ok(search[k].p99 <= 20)}); ` +
        `${round(search[k].meanFound)} cases on the first page on average`,
    ),
    `postgres: cases acceptances (acceptCase, 16 at once on a pool of 16, ${fill.cards[0].code} across the main offices): ` +
      `${Math.round(accept.perSecond)}/s; p50 ${round(accept.p50)} ms, p99 ${round(accept.p99)} ms; ` +
      `node's CPU ${round(accept.nodeCpuMs, 2)} ms an acceptance; server sessions waiting: ${acceptWaits}`,
    `postgres: cases 140 offices at once (${offices140.length} loops on a pool of 20: accept, then one transition): ` +
      `${Math.round(eventsPerSecond)} trail events appended/s; ${Math.round(wide.perSecond)} cases/s accepted and moved ` +
      `(${moves} moves; failed: ${failures.size ? [...failures].map(([m, c]) => `${c}× ${m}`).join('; ') : 'none'}); accept+move p50 ${round(wide.p50)} ms, p99 ${round(wide.p99)} ms; server sessions waiting: ${wideWaits}; ` +
      `machine load average ${round(load)} on ${availableParallelism()} cores`,
    `postgres: cases trails verified (verifyCaseChains, as okno audit verify): ${chains.ok ? 'intact' : `BROKEN at ${chains.number} #${chains.seq}: ${chains.problem}`}, ` +
      `${chains.cases.toLocaleString('en')} cases, ${chains.events.toLocaleString('en')} events in ${round(verifySeconds)} s ` +
      `(${Math.round(chains.events / verifySeconds).toLocaleString('en')} events/s)`,
  );
  return {
    lines,
    report: {
      cases: n,
      fill: {
        ...filled,
        seconds: fillSeconds,
        services: fill.cards.map((c) => c.code),
        offices: fill.offices.length,
      },
      pgbenchSelectTps: tps,
      status: {
        ...status,
        share: status.perSecond / tps,
        via: 'caseStatus (direct service call)',
        waits: statusWaits,
      },
      search,
      accept: { ...accept, waits: acceptWaits },
      wide: {
        ...wide,
        waits: wideWaits,
        failures: Object.fromEntries(failures),
        offices: offices140.length,
        eventsPerSecond,
        moves,
      },
      verify: { ...chains, seconds: verifySeconds },
      loadAverage: load,
    },
  };
}

/** `--cases N` on the command line (npm run bench -- --cases 100000). */
function defaultCasesFromArgs(): number | undefined {
  const i = process.argv.indexOf('--cases');
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error('--cases takes a positive whole number');
  return value;
}

// Alone: npx tsx bench/cases-bench.ts [seconds] [--cases N]
if (process.argv[1]?.endsWith('cases-bench.ts')) {
  const { startPostgres } = await import('../tests/support/postgres-server.js');
  const server = await startPostgres();
  try {
    const secondsArg = Number(process.argv[2]);
    const { lines } = await casesBench(
      server,
      Number.isFinite(secondsArg) && secondsArg > 0 ? secondsArg : 10,
    );
    console.log(`\nokno cases bench (${new Date().toISOString()})\n${lines.join('\n')}`);
  } finally {
    server.stop();
  }
}
