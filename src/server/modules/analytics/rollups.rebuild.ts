import { sql } from 'drizzle-orm';
import { waitBucketBounds, waitBucketCount } from '../../../shared/analytics-kpi.js';
import { addDays, monthStart } from '../../../shared/analytics-period.js';
import { type Db, rows } from '../../db/client.js';
import { rollupCounters } from './rollup-sums.js';

/**
 * The rollups recomputed from their sources, set by set, for whole months around [from, to]: what the
 * triggers of migration 0011 keep one event at a time. `okno simulate` loads its history with the triggers
 * off and then calls this; a test checks that the incremental rows equal it. A row whose every figure is
 * zero (a booking made and cancelled) is the same as no row.
 */

const H = Array.from({ length: waitBucketCount }, (_, i) => i + 1);
const C = [1, 2, 3, 4, 5];
const counters = rollupCounters.filter((c) => c !== 'window_days');
const factColumns = [
  ...counters,
  ...H.map((i) => `h${i}`),
  ...H.map((i) => `hb${i}`),
  ...C.map((i) => `ss${i}`),
  ...C.map((i) => `sat${i}`),
];
const zeroExcept = (given: Record<string, string>) =>
  factColumns.map((c) => `${given[c] ?? '0'} as ${c}`).join(', ');

const bucket = (w: string) =>
  `case ${waitBucketBounds.map((b, i) => `when ${w} < ${b * 60} then ${i + 1}`).join(' ')} else ${waitBucketCount} end`;

function ticketFacts(): string {
  const wait = 'tw.w';
  const given: Record<string, string> = {
    visits: 'count(*)',
    visits_booked: 'count(*) filter (where tw.booked)',
    visits_portal: "count(*) filter (where tw.booked and tw.booking_channel = 'portal')",
    served: "count(*) filter (where tw.status = 'done')",
    no_show: "count(*) filter (where tw.status = 'no_show')",
    waited: `count(${wait})`,
    wait_seconds: `coalesce(sum(round(${wait})), 0)`,
    wait_over: `count(*) filter (where ${wait} > 900)`,
    waited_booked: `count(${wait}) filter (where tw.booked)`,
    wait_seconds_booked: `coalesce(sum(round(${wait})) filter (where tw.booked), 0)`,
    wait_over_booked: `count(*) filter (where tw.booked and ${wait} > 900)`,
    serviced: 'count(tw.service_s)',
    service_seconds: 'coalesce(sum(tw.service_s), 0)',
  };
  for (const i of H) {
    given[`h${i}`] = `count(*) filter (where tw.bucket = ${i})`;
    given[`hb${i}`] = `count(*) filter (where tw.booked and tw.bucket = ${i})`;
  }
  return `select tw.office_code, tw.service_code, tw.day, ${zeroExcept(given)}
    from (
      select t.office_code, coalesce(t.service_code, '') as service_code, t.day, t.status,
        t.channel = 'booking' as booked, b.channel as booking_channel, w.w,
        case when w.w is null then null else ${bucket('w.w')} end as bucket,
        case when t.status = 'done' and t.started_at is not null and t.finished_at is not null
          then round(greatest(0, extract(epoch from t.finished_at - t.started_at))) end as service_s
      from tickets t
      left join bookings b on b.id = t.booking_id
      cross join lateral (select case when t.called_at is null then null else greatest(0, extract(epoch from
        t.called_at - greatest(t.issued_at, coalesce(t.booked_for, t.issued_at)))) end as w) w
      where t.status in ('done', 'no_show', 'closed') and t.day between $1 and $2
    ) tw
    group by tw.office_code, tw.service_code, tw.day`;
}

const bookingFacts = () => `select office_code, service_code, local_date as day, ${zeroExcept({
  bookings: "count(*) filter (where status in ('booked', 'checked_in', 'no_show'))",
  bookings_portal:
    "count(*) filter (where status in ('booked', 'checked_in', 'no_show') and channel = 'portal')",
  bookings_no_show: "count(*) filter (where status = 'no_show')",
})}
  from bookings where local_date between $1 and $2
  group by office_code, service_code, local_date`;

const caseAcceptedFacts =
  () => `select office_code, service_code, accepted_on as day, ${zeroExcept({ cases: 'count(*)' })}
  from cases where accepted_on between $1 and $2 group by office_code, service_code, accepted_on`;

const caseResultFacts = () => `select office_code, service_code, day, ${zeroExcept({
  cases_on_time: 'count(*) filter (where day <= due_date)',
  cases_overdue: 'count(*) filter (where day > due_date)',
})}
  from (select c.office_code, c.service_code, c.due_date,
      (c.result_at at time zone coalesce(o.time_zone, rg.time_zone))::date as day
    from cases c join offices o on o.code = c.office_code cross join region rg
    where c.result_at is not null) x
  where day between $1 and $2 group by office_code, service_code, day`;

function ratingFacts(): string {
  const scores = ['score_time', 'score_waiting', 'score_staff', 'score_comfort', 'score_information'];
  const given: Record<string, string> = { ratings: 'count(*)' };
  scores.forEach((s, i) => {
    given[`ss${i + 1}`] = `sum(${s})`;
    given[`sat${i + 1}`] = `count(*) filter (where ${s} >= 4)`;
  });
  return `select office_code, coalesce(service_code, '') as service_code, rated_on as day, ${zeroExcept(given)}
    from ratings where rated_on between $1 and $2 group by office_code, coalesce(service_code, ''), rated_on`;
}

const summed = factColumns.map((c) => `sum(${c}) as ${c}`).join(', ');
const arrays = (src: string) =>
  `array[${H.map((i) => `${src}.h${i}`).join(', ')}]::integer[], array[${H.map((i) => `${src}.hb${i}`).join(', ')}]::integer[],
   array[${C.map((i) => `${src}.ss${i}`).join(', ')}]::integer[], array[${C.map((i) => `${src}.sat${i}`).join(', ')}]::integer[]`;
const insertColumns = `grain, period, office_code, service_code, ${counters.join(', ')}, window_days,
  wait_hist, wait_hist_booked, score_sum, satisfied`;
const valuesOf = (src: string, windowDays: string) =>
  `${counters.map((c) => `${src}.${c}`).join(', ')}, ${windowDays}, ${arrays(src)}`;

/** The statement that fills the rollups of [$1, $2] (whole months) from the sources. */
export function rebuildStatement(): string {
  return `with facts as (
      select office_code, service_code, day, ${summed} from (
        ${ticketFacts()}
        union all ${bookingFacts()}
        union all ${caseAcceptedFacts()}
        union all ${caseResultFacts()}
        union all ${ratingFacts()}
      ) f group by office_code, service_code, day
    ),
    windows as (
      select office_code, day, count(*)::int as window_days from analytics_window_days
      where day between $1 and $2 group by office_code, day
    ),
    star as (
      select f.office_code, f.day, ${factColumns.map((c) => `sum(f.${c}) as ${c}`).join(', ')},
        coalesce(max(w.window_days), 0) as window_days
      from facts f left join windows w on w.office_code = f.office_code and w.day = f.day
      group by f.office_code, f.day
    ),
    month_facts as (
      select office_code, service_code, date_trunc('month', day)::date as month, ${summed}
      from facts group by office_code, service_code, date_trunc('month', day)
    ),
    month_star as (
      select office_code, date_trunc('month', day)::date as month,
        ${factColumns.map((c) => `sum(${c}) as ${c}`).join(', ')}, sum(window_days) as window_days
      from star group by office_code, date_trunc('month', day)
    ),
    region_month as (
      select service_code, month, ${summed} from month_facts group by service_code, month
    )
    insert into analytics_rollups (${insertColumns})
    select 'd', f.day, f.office_code, f.service_code, ${valuesOf('f', '0')} from facts f
    union all select 'd', s.day, s.office_code, '*', ${valuesOf('s', 's.window_days')} from star s
    union all select 'm', m.month, m.office_code, m.service_code, ${valuesOf('m', '0')} from month_facts m
    union all select 'm', s.month, s.office_code, '*', ${valuesOf('s', 's.window_days')} from month_star s
    union all select 'm', g.month, '*', g.service_code, ${valuesOf('g', '0')} from region_month g`;
}

/** Recomputes the rollups of the whole months around [from, to] in one transaction. */
export async function rebuildRollups(db: Db, period: { from: string; to: string }): Promise<void> {
  const from = monthStart(period.from);
  const to = addDays(monthStart(addDays(monthStart(period.to), 40)), -1);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from analytics_rollups where period between ${from} and ${to}`);
    await tx.execute(sql`delete from analytics_window_days where day between ${from} and ${to}`);
    await tx.execute(sql`insert into analytics_window_days (office_code, day, window_number)
      select distinct office_code, day, window_number from tickets
      where status = 'done' and window_number is not null and day between ${from} and ${to}`);
    await tx.execute(
      sql.raw(rebuildStatement().replaceAll('$1', `'${from}'::date`).replaceAll('$2', `'${to}'::date`)),
    );
  });
}

/** The rollup rows of [from, to] with any non-zero figure, in a stable order (for comparing). */
export async function rollupSnapshot(db: Db, period: { from: string; to: string }) {
  const nonZero = [...rollupCounters.map((c) => `${c} <> 0`)].join(' or ');
  return rows<Record<string, unknown>>(
    db,
    sql`select * from analytics_rollups where period between ${period.from} and ${period.to}
      and (${sql.raw(nonZero)}) order by grain, period, office_code, service_code`,
  );
}
