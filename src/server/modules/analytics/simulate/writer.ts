import { eq, sql } from 'drizzle-orm';
import { makeCalendar } from '../../../../shared/calendar.js';
import { formatCaseNumber } from '../../../../shared/case-number.js';
import type { WeeklyHours } from '../../../../shared/network.js';
import type { OfficeException } from '../../../../shared/office-hours.js';
import { type Db, rows } from '../../../db/client.js';
import type { PersonalDataCipher } from '../../../privacy/personal-data.js';
import { freezeCard } from '../../cases/case-card.js';
import { ensureYearSequences, yearSequence } from '../../cases/case-settings.js';
import { agencies, services, serviceVersions } from '../../catalog/catalog.schema.js';
import { caseCardColumns } from '../../catalog/services.lookup.js';
import { caseTrail } from './case-timeline.js';
import {
  type Context,
  localDateOf,
  makeContext,
  planVisits,
  type SimDay,
  type SimOffice,
  type SimOptions,
  type SimRegion,
  type SimService,
  simulateDays,
  withStatutoryHolidays,
} from './generator.js';

/**
 * Writes a simulated history into the database: the region as loaded (offices, windows, hours, services,
 * calendar) is read once, the generator's days are gathered into batches of a few thousand visits, and each
 * batch goes in one transaction of multi-row `insert … select from unnest(…)` statements — tickets, bookings,
 * cases with their trails, ratings, follow-ups — every row marked simulated. The rollup triggers are off in
 * those transactions; the rollups of the period are rebuilt from the sources at the end.
 */

export class SimulateRefusal extends Error {}

export type SimulateTotals = {
  visits: number;
  bookings: number;
  cases: number;
  events: number;
  ratings: number;
  followUps: number;
};

export type SimulateProgress = (done: SimulateTotals, total: number) => void;

type Regional = {
  region: SimRegion;
  numberPrefix: string;
  timeZone: string;
};

/** The region as the database holds it, in the generator's terms. */
export async function loadRegionModel(db: Db, from: string, to: string): Promise<Regional> {
  const [regionRow] = await rows<{ time_zone: string }>(db, sql`select time_zone from region`);
  if (!regionRow) throw new SimulateRefusal('the database holds no region: run okno seed first');
  const timeZone = regionRow.time_zone;
  const officeRows = await rows<{
    code: string;
    kind: SimOffice['kind'];
    district_code: string;
    time_zone: string | null;
    offers_all_services: boolean;
    windows: number;
  }>(
    db,
    sql`select o.code, o.kind, o.district_code, o.time_zone, o.offers_all_services,
          (select count(*)::int from office_windows w where w.office_code = o.code) as windows
        from offices o where o.status = 'open' order by o.code`,
  );
  const hours = await rows<{ office_code: string; weekday: number } & Record<string, string | null>>(
    db,
    sql`select office_code, weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes,
          to_char(break_start, 'HH24:MI') as break_start, to_char(break_end, 'HH24:MI') as break_end
        from office_hours order by office_code, weekday`,
  );
  const exceptions = await rows<
    { office_code: string; date: string; kind: 'closed' | 'hours' } & Record<string, string | null>
  >(
    db,
    sql`select office_code, date::text as date, kind, to_char(opens, 'HH24:MI') as opens,
          to_char(closes, 'HH24:MI') as closes, note from office_exceptions`,
  );
  const offered = await rows<{ office_code: string; service_code: string }>(
    db,
    sql`select office_code, service_code from office_services`,
  );
  const cards = await db
    .select({
      code: services.code,
      popularity: services.popularity,
      category: serviceVersions.categoryCode,
      ...caseCardColumns,
    })
    .from(services)
    .innerJoin(
      serviceVersions,
      sql`${serviceVersions.serviceCode} = ${services.code} and ${serviceVersions.version} = ${services.publishedVersion}`,
    )
    .leftJoin(agencies, eq(agencies.code, serviceVersions.agencyCode))
    .orderBy(services.code);
  const [booking] = await rows<{ grid_minutes: number; default_service_minutes: number }>(
    db,
    sql`select grid_minutes, default_service_minutes from booking_settings`,
  );
  const bookMinutes = new Map(
    (
      await rows<{ service_code: string; minutes: number }>(
        db,
        sql`select service_code, minutes from booking_service_minutes where office_code = '*'`,
      )
    ).map((r) => [r.service_code, r.minutes]),
  );
  const [queue] = await rows<{
    letters: Record<string, string>;
    closing_margin_minutes: number;
    day_end_grace_minutes: number;
  }>(db, sql`select letters, closing_margin_minutes, day_end_grace_minutes from queue_settings`);
  const priorities = await rows<{ code: string; rank: number }>(
    db,
    sql`select code, rank from priority_categories where active order by position, code`,
  );
  const [caseSettings] = await rows<{ number_prefix: string; default_keep_days: number }>(
    db,
    sql`select number_prefix, default_keep_days from case_settings`,
  );
  const calendar = await rows<{ date: string; kind: 'working' | 'dayoff' | 'short'; note: string | null }>(
    db,
    sql`select date::text as date, kind, note from calendar_days`,
  );

  const simServices: SimService[] = cards.map((c) => ({
    code: c.code,
    category: c.category,
    agency: c.agencyCode,
    popularity: c.popularity,
    card: freezeCard(c),
    bookMinutes: bookMinutes.get(c.code) ?? booking?.default_service_minutes ?? 15,
  }));
  const published = simServices.map((s) => s.code);
  const offeredBy = new Map<string, string[]>();
  for (const r of offered) {
    const list = offeredBy.get(r.office_code);
    if (list) list.push(r.service_code);
    else offeredBy.set(r.office_code, [r.service_code]);
  }
  const offices: SimOffice[] = officeRows.map((o) => ({
    code: o.code,
    kind: o.kind,
    district: o.district_code,
    timeZone: o.time_zone ?? timeZone,
    windows: o.windows,
    weekly: hours
      .filter((h) => h.office_code === o.code)
      .map(
        (h): WeeklyHours => ({
          weekday: h.weekday,
          opens: h.opens as string,
          closes: h.closes as string,
          breakStart: h.break_start,
          breakEnd: h.break_end,
        }),
      ),
    exceptions: exceptions
      .filter((e) => e.office_code === o.code)
      .map(
        (e): OfficeException => ({
          date: e.date,
          kind: e.kind,
          opens: e.opens,
          closes: e.closes,
          note: e.note,
        }),
      ),
    services: o.offers_all_services ? published : (offeredBy.get(o.code) ?? []),
  }));
  return {
    timeZone,
    numberPrefix: caseSettings?.number_prefix ?? '00',
    region: {
      offices,
      services: simServices,
      calendar: withStatutoryHolidays(makeCalendar(calendar), from, to),
      letters: queue?.letters ?? {},
      priorities,
      gridMinutes: booking?.grid_minutes ?? 15,
      defaultKeepDays: caseSettings?.default_keep_days ?? 30,
      dayEndGraceMinutes: queue?.day_end_grace_minutes ?? 30,
      closingMarginMinutes: queue?.closing_margin_minutes ?? 15,
    },
  };
}

/** Refuses a database with real visits (unless allowed), and one that already holds a simulated history. */
export async function checkTarget(db: Db, allowReal: boolean): Promise<void> {
  const [found] = await rows<{ real: boolean; simulated: boolean }>(
    db,
    sql`select exists (select 1 from tickets where not simulated) as real,
          exists (select 1 from tickets where simulated) as simulated`,
  );
  if (found?.real && !allowReal)
    throw new SimulateRefusal(
      'the database holds real (non-simulated) visits: refusing to mix a simulated history into them (--allow-real to do it anyway)',
    );
  if (found?.simulated)
    throw new SimulateRefusal(
      'the database already holds a simulated history: simulate into a fresh database (a second history would overlap the first)',
    );
}

// ── array literals for unnest ─────────────────────────────────────────────────────────────────────────

const quote = (v: string) => `"${v.replace(/(["\\])/g, '\\$1')}"`;
/** One bound value in PostgreSQL's array-literal form; null items are NULL. */
function literal(values: readonly (string | number | boolean | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    out += v === null ? 'NULL' : typeof v === 'string' ? quote(v) : String(v);
  }
  return `${out}}`;
}
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const col = (values: readonly (string | number | boolean | null)[], type: string) =>
  sql`${literal(values)}::${sql.raw(type)}[]`;

/** Placeholders sealed once: no simulated row carries anything that looks like a person. */
type Placeholders = { applicantId: string; pin: string; name: string; phone: string; phoneHash: string };

async function makePlaceholders(db: Db, cipher: PersonalDataCipher): Promise<Placeholders> {
  const person = {
    lastName: 'Симуляция',
    firstName: 'Заявитель',
    middleName: null,
    birthDate: null,
    identityDocument: null,
    snils: null,
    phone: null,
    email: null,
    name: null,
    inn: null,
    ogrn: null,
    representative: null,
  };
  const [applicant] = await rows<{ id: string }>(
    db,
    sql`insert into case_applicants (kind, sealed, display_name) values ('person', ${cipher.seal(JSON.stringify(person))}, 'Заявитель (симуляция)') returning id`,
  );
  const phone = '+70000000000';
  return {
    applicantId: applicant.id,
    pin: cipher.seal('000000'),
    name: cipher.seal('Посетитель (симуляция)'),
    phone: cipher.seal(phone),
    phoneHash: cipher.lookupHash('phone', phone),
  };
}

// ── one batch ─────────────────────────────────────────────────────────────────────────────────────────

async function writeBatch(
  db: Db,
  batch: SimDay[],
  ph: Placeholders,
  regional: Regional,
  ctx: Context,
): Promise<SimulateTotals> {
  const tickets = batch.flatMap((d) => d.tickets);
  const bookings = batch.flatMap((d) => d.bookings);
  const cases = batch.flatMap((d) => d.cases);
  const ratings = batch.flatMap((d) => d.ratings);
  const followUps = batch.flatMap((d) => d.followUps);
  let events = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('okno.rollups', 'off', true)`);
    // case numbers from each year's sequence, in order of acceptance
    const numbers = new Map<string, string>();
    const byYear = new Map<number, typeof cases>();
    for (const c of cases) {
      const y = Number(c.acceptedOn.slice(0, 4));
      const list = byYear.get(y);
      if (list) list.push(c);
      else byYear.set(y, [c]);
    }
    for (const [year, list] of byYear) {
      const got = await rows<{ n: number }>(
        tx,
        sql.raw(
          `select nextval('${yearSequence(year)}') as n from generate_series(1, ${list.length}) order by 1`,
        ),
      );
      list.sort((a, b) => a.acceptedAt - b.acceptedAt || (a.id < b.id ? -1 : 1));
      list.forEach((c, i) => {
        numbers.set(c.id, formatCaseNumber(regional.numberPrefix, year, Number(got[i].n)));
      });
    }

    if (tickets.length) {
      const t = tickets;
      await tx.execute(sql`insert into tickets (id, office_code, day, letter, seq, track, service_code, category_code,
          purpose, priority_code, priority_rank, channel, status, issued_at, queued_at, booked_for, booking_id,
          window_number, calls, called_at, started_at, finished_at, outcome, case_id, estimated_wait_minutes, simulated)
        select u.id, u.office_code, u.day, u.letter, u.seq, u.track, u.service_code, u.category_code, u.purpose,
          u.priority_code, u.priority_rank, u.channel, u.status, u.issued_at, u.issued_at, u.booked_for, u.booking_id,
          u.window_number, u.calls, u.called_at, u.started_at, u.finished_at, u.outcome, u.case_id,
          u.estimated_wait_minutes, true
        from unnest(
          ${col(
            t.map((x) => x.id),
            'uuid',
          )}, ${col(
            t.map((x) => x.office),
            'text',
          )}, ${col(
            t.map((x) => x.day),
            'date',
          )},
          ${col(
            t.map((x) => x.letter),
            'text',
          )}, ${col(
            t.map((x) => x.seq),
            'int',
          )}, ${col(
            t.map((x) => x.track),
            'text',
          )},
          ${col(
            t.map((x) => x.service),
            'text',
          )}, ${col(
            t.map((x) => x.category),
            'text',
          )},
          ${col(
            t.map((x) => x.purpose),
            'text',
          )}, ${col(
            t.map((x) => x.priorityCode),
            'text',
          )},
          ${col(
            t.map((x) => x.priorityRank),
            'smallint',
          )}, ${col(
            t.map((x) => x.channel),
            'text',
          )},
          ${col(
            t.map((x) => x.status),
            'text',
          )}, ${col(
            t.map((x) => iso(x.issuedAt)),
            'timestamptz',
          )},
          ${col(
            t.map((x) => iso(x.bookedFor)),
            'timestamptz',
          )}, ${col(
            t.map((x) => x.bookingId),
            'uuid',
          )},
          ${col(
            t.map((x) => x.window),
            'int',
          )}, ${col(
            t.map((x) => x.calls),
            'smallint',
          )},
          ${col(
            t.map((x) => iso(x.calledAt)),
            'timestamptz',
          )}, ${col(
            t.map((x) => iso(x.startedAt)),
            'timestamptz',
          )},
          ${col(
            t.map((x) => iso(x.finishedAt)),
            'timestamptz',
          )}, ${col(
            t.map((x) => x.outcome),
            'text',
          )},
          ${col(
            t.map((x) => x.caseId),
            'uuid',
          )}, ${col(
            t.map((x) => x.estimatedWait),
            'int',
          )}
        ) as u(id, office_code, day, letter, seq, track, service_code, category_code, purpose, priority_code,
          priority_rank, channel, status, issued_at, booked_for, booking_id, window_number, calls, called_at,
          started_at, finished_at, outcome, case_id, estimated_wait_minutes)`);
    }

    if (bookings.length) {
      const b = bookings;
      await tx.execute(sql`insert into bookings (id, code, office_code, service_code, starts_at, ends_at, local_date,
          cells, status, name, phone, phone_hash, channel, created_at, updated_at, checked_in_at, ticket_id,
          no_show_at, cancelled_at, cancel_reason, simulated)
        select u.id, u.code, u.office_code, u.service_code, u.starts_at, u.ends_at, u.local_date, u.cells, u.status,
          ${ph.name}, ${ph.phone}, ${ph.phoneHash}, u.channel, u.created_at, u.updated_at, u.checked_in_at,
          u.ticket_id, u.no_show_at, u.cancelled_at, case when u.status = 'cancelled' then 'citizen' end, true
        from unnest(
          ${col(
            b.map((x) => x.id),
            'uuid',
          )}, ${col(
            b.map((x) => x.code),
            'text',
          )}, ${col(
            b.map((x) => x.office),
            'text',
          )},
          ${col(
            b.map((x) => x.service),
            'text',
          )}, ${col(
            b.map((x) => iso(x.startsAt)),
            'timestamptz',
          )},
          ${col(
            b.map((x) => iso(x.endsAt)),
            'timestamptz',
          )}, ${col(
            b.map((x) => x.localDate),
            'date',
          )},
          ${col(
            b.map((x) => JSON.stringify(x.cells)),
            'jsonb',
          )}, ${col(
            b.map((x) => x.status),
            'text',
          )},
          ${col(
            b.map((x) => x.channel),
            'text',
          )}, ${col(
            b.map((x) => iso(x.createdAt)),
            'timestamptz',
          )},
          ${col(
            b.map((x) => iso(x.updatedAt)),
            'timestamptz',
          )}, ${col(
            b.map((x) => iso(x.checkedInAt)),
            'timestamptz',
          )},
          ${col(
            b.map((x) => x.ticketId),
            'uuid',
          )}, ${col(
            b.map((x) => iso(x.noShowAt)),
            'timestamptz',
          )},
          ${col(
            b.map((x) => iso(x.cancelledAt)),
            'timestamptz',
          )}
        ) as u(id, code, office_code, service_code, starts_at, ends_at, local_date, cells, status, channel,
          created_at, updated_at, checked_in_at, ticket_id, no_show_at, cancelled_at)`);
    }

    if (cases.length) {
      const c = cases;
      const distinct = [...new Map(c.map((x) => [x.service, x.card])).entries()];
      const number = (id: string) => numbers.get(id) as string;
      const trails = c.map((x) =>
        caseTrail({
          caseId: x.id,
          number: number(x.id),
          office: x.office,
          service: x.service,
          version: x.card.version,
          ticketId: x.ticketId,
          life: x.life,
          toLocalDate: (ms) => localDateOf(ms, regional.timeZone),
        }),
      );
      const last = <T>(list: T[]) => list[list.length - 1];
      await tx.execute(sql`with cards(code, card) as (
          select * from unnest(${col(
            distinct.map(([code]) => code),
            'text',
          )}, ${col(
            distinct.map(([, card]) => JSON.stringify(card)),
            'jsonb',
          )})
        )
        insert into cases (id, number, pin, office_code, district_code, service_code, service_version, agency_code,
          card, applicant_id, channel, ticket_id, fee_paid, stage, stage_at, stage_log, final, accepted_at, accepted_on,
          term_days, term_kind, base_due_date, due_date, result_at, storage_until, issued_at, issued_to,
          event_seq, event_hash, simulated)
        select u.id, u.number, ${ph.pin}, u.office_code, u.district_code, u.service_code, (cards.card->>'version')::int,
          cards.card->'agency'->>'code', cards.card, ${ph.applicantId}::uuid, 'window', u.ticket_id, false, u.stage,
          u.stage_at, u.stage_log, u.final, u.accepted_at, u.accepted_on, (cards.card->'term'->>'days')::int,
          cards.card->'term'->>'kind', u.due_date, u.due_date, u.result_at, u.storage_until, u.issued_at,
          case when u.issued_at is not null then '{"receivedBy":"applicant","documentChecked":true}'::jsonb end,
          u.event_seq, u.event_hash, true
        from unnest(
          ${col(
            c.map((x) => x.id),
            'uuid',
          )}, ${col(
            c.map((x) => number(x.id)),
            'text',
          )},
          ${col(
            c.map((x) => x.office),
            'text',
          )}, ${col(
            c.map((x) => x.district),
            'text',
          )},
          ${col(
            c.map((x) => x.service),
            'text',
          )}, ${col(
            c.map((x) => x.ticketId),
            'uuid',
          )},
          ${col(
            c.map((x) => last(x.life.stageLog).code),
            'text',
          )},
          ${col(
            c.map((x) => iso(last(x.life.stageLog).at)),
            'timestamptz',
          )},
          ${col(
            c.map((x) => JSON.stringify(x.life.stageLog.map((s) => ({ code: s.code, at: iso(s.at) })))),
            'jsonb',
          )},
          ${col(
            c.map((x) => x.life.final),
            'boolean',
          )}, ${col(
            c.map((x) => iso(x.acceptedAt)),
            'timestamptz',
          )},
          ${col(
            c.map((x) => x.acceptedOn),
            'date',
          )}, ${col(
            c.map((x) => x.life.dueDate),
            'date',
          )},
          ${col(
            c.map((x) => iso(x.life.resultAt)),
            'timestamptz',
          )}, ${col(
            c.map((x) => x.life.storageUntil),
            'date',
          )},
          ${col(
            c.map((x) => iso(x.life.issuedAt)),
            'timestamptz',
          )},
          ${col(
            trails.map((t) => t.length),
            'int',
          )}, ${col(
            trails.map((t) => last(t).hash),
            'text',
          )}
        ) as u(id, number, office_code, district_code, service_code, ticket_id, stage, stage_at, stage_log, final,
          accepted_at, accepted_on, due_date, result_at, storage_until, issued_at, event_seq, event_hash)
        join cards on cards.code = u.service_code`);
      const e = trails.flat();
      events = e.length;
      await tx.execute(sql`insert into case_events (case_id, seq, at, kind, office_code, details, prev_hash, hash)
        select * from unnest(
          ${col(
            e.map((x) => x.caseId),
            'uuid',
          )}, ${col(
            e.map((x) => x.seq),
            'int',
          )},
          ${col(
            e.map((x) => iso(x.at)),
            'timestamptz',
          )}, ${col(
            e.map((x) => x.kind),
            'text',
          )},
          ${col(
            e.map((x) => x.office),
            'text',
          )}, ${col(
            e.map((x) => JSON.stringify(x.details)),
            'jsonb',
          )},
          ${col(
            e.map((x) => x.prevHash),
            'text',
          )}, ${col(
            e.map((x) => x.hash),
            'text',
          )})`);
    }

    if (ratings.length) {
      const r = ratings;
      await tx.execute(sql`insert into ratings (id, subject, ticket_id, case_id, office_code, district_code, service_code,
          window_number, visit_on, rated_on, rated_at, score_time, score_waiting, score_staff, score_comfort,
          score_information, comment, source, simulated)
        select *, true from unnest(
          ${col(
            r.map((x) => x.id),
            'uuid',
          )}, ${col(
            r.map((x) => x.subject),
            'text',
          )},
          ${col(
            r.map((x) => x.ticketId),
            'uuid',
          )}, ${col(
            r.map((x) => x.caseId),
            'uuid',
          )},
          ${col(
            r.map((x) => x.office),
            'text',
          )}, ${col(
            r.map((x) => x.district),
            'text',
          )},
          ${col(
            r.map((x) => x.service),
            'text',
          )}, ${col(
            r.map((x) => x.window),
            'int',
          )},
          ${col(
            r.map((x) => x.visitOn),
            'date',
          )}, ${col(
            r.map((x) => x.ratedOn),
            'date',
          )},
          ${col(
            r.map((x) => iso(x.ratedAt)),
            'timestamptz',
          )},
          ${col(
            r.map((x) => x.scores[0]),
            'smallint',
          )}, ${col(
            r.map((x) => x.scores[1]),
            'smallint',
          )},
          ${col(
            r.map((x) => x.scores[2]),
            'smallint',
          )}, ${col(
            r.map((x) => x.scores[3]),
            'smallint',
          )},
          ${col(
            r.map((x) => x.scores[4]),
            'smallint',
          )}, ${col(
            r.map((x) => x.comment),
            'text',
          )},
          ${col(
            r.map((x) => x.source),
            'text',
          )})`);
    }
    if (followUps.length) {
      const f = followUps;
      await tx.execute(sql`insert into rating_follow_ups (rating_id, office_code, district_code, opened_on, due_on,
          status, outcome, closed_at)
        select u.rating_id, u.office_code, u.district_code, u.opened_on, u.due_on,
          case when u.outcome is null then 'open' else 'closed' end, u.outcome, u.closed_at
        from unnest(
          ${col(
            f.map((x) => x.ratingId),
            'uuid',
          )}, ${col(
            f.map((x) => x.office),
            'text',
          )},
          ${col(
            f.map((x) => x.district),
            'text',
          )}, ${col(
            f.map((x) => x.openedOn),
            'date',
          )},
          ${col(
            f.map((x) => x.dueOn),
            'date',
          )}, ${col(
            f.map((x) => x.outcome),
            'text',
          )},
          ${col(
            f.map((x) => iso(x.closedAt)),
            'timestamptz',
          )}
        ) as u(rating_id, office_code, district_code, opened_on, due_on, outcome, closed_at)`);
    }
  });
  void ctx;
  return {
    visits: tickets.length,
    bookings: bookings.length,
    cases: cases.length,
    events,
    ratings: ratings.length,
    followUps: followUps.length,
  };
}

// ── the whole run ─────────────────────────────────────────────────────────────────────────────────────

export type SimulateInput = SimOptions & { allowReal: boolean; batchSize?: number };

export type SimulateDeps = {
  /** rollups.rebuild.ts: recomputes the rollups of the period from the sources. */
  rebuildRollups: (db: Db, period: { from: string; to: string }) => Promise<unknown>;
  progress?: SimulateProgress;
  /** Told when every visit is written and the rollups' rebuild begins (it takes a while: no progress of its own). */
  rebuilding?: () => void;
};

export async function simulateHistory(
  db: Db,
  cipher: PersonalDataCipher,
  input: SimulateInput,
  deps: SimulateDeps,
): Promise<SimulateTotals & { rollupsSeconds: number }> {
  const progress = deps.progress ?? (() => {});
  await checkTarget(db, input.allowReal);
  const regional = await loadRegionModel(db, input.from, input.to);
  const options: SimOptions = { from: input.from, to: input.to, visits: input.visits, seed: input.seed };
  // with real visits present, simulated tickets are numbered after the real ones of the same office-day
  const taken = new Map<string, number>();
  if (input.allowReal) {
    for (const r of await rows<{ office_code: string; day: string; letter: string; seq: number }>(
      db,
      sql`select office_code, day::text as day, letter, max(seq)::int as seq from tickets
          where day between ${input.from} and ${input.to} group by 1, 2, 3`,
    ))
      taken.set(`${r.office_code}|${r.day}|${r.letter}`, r.seq);
  }
  const ctx = makeContext(regional.region, options, (o, d, l) => taken.get(`${o}|${d}|${l}`) ?? 0);
  const plan = planVisits(regional.region, options);
  const years: number[] = [];
  for (let y = Number(input.from.slice(0, 4)); y <= Number(input.to.slice(0, 4)); y++) years.push(y);
  await ensureYearSequences(db, years);
  const ph = await makePlaceholders(db, cipher);
  const totals: SimulateTotals = { visits: 0, bookings: 0, cases: 0, events: 0, ratings: 0, followUps: 0 };
  const size = input.batchSize ?? 4000;
  let batch: SimDay[] = [];
  let pending = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const wrote = await writeBatch(db, batch, ph, regional, ctx).catch((err) => {
      // drizzle's message carries every parameter (megabytes): the database's own words are enough
      const cause = (err as { cause?: { message?: string } }).cause;
      throw new Error(
        `writing the visits of ${batch[0].date}..${batch[batch.length - 1].date} failed: ${cause?.message ?? (err as Error).message.slice(0, 300)}`,
      );
    });
    for (const k of Object.keys(totals) as (keyof SimulateTotals)[]) totals[k] += wrote[k];
    batch = [];
    pending = 0;
    progress(totals, plan.total);
  };
  for (const day of simulateDays(ctx, plan)) {
    batch.push(day);
    pending += day.tickets.length;
    if (pending >= size) await flush();
  }
  await flush();
  deps.rebuilding?.();
  const started = performance.now();
  await deps.rebuildRollups(db, { from: input.from, to: input.to });
  return { ...totals, rollupsSeconds: (performance.now() - started) / 1000 };
}
