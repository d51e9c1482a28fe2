import { type SQL, sql } from 'drizzle-orm';
import { splitPeriod } from '../../../shared/analytics-period.js';
import { type Db, preparedRows } from '../../db/client.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import { type RollupSums, rollupSumsSelect, sumsOfRow } from './rollup-sums.js';

/**
 * The one query every analytics figure comes from: rollup rows of a period added up, optionally grouped.
 * Whole months come from the monthly rows, the edge days from the daily ones (splitPeriod). Rows are narrowed
 * to the actor's scope by the WHERE clause. A question about services across the whole region (no office or
 * district filter, the region's scope) reads the region's monthly rows of each service (office_code '*').
 */
export type RollupSelection = {
  from: string;
  to: string;
  district?: string;
  office?: string;
  service?: string;
  /** Rows of each service rather than the all-services rows (by service or agency). */
  perService?: boolean;
  /** Daily rows only (by day). */
  daysOnly?: boolean;
};

export type GroupKey = 'office' | 'district' | 'service' | 'agency' | 'month' | 'day';

const keyOf: Record<GroupKey, string> = {
  office: 'r.office_code',
  district: 'o.district_code',
  service: 'r.service_code',
  agency: 'sv.agency_code',
  month: "to_char(date_trunc('month', r.period), 'YYYY-MM')",
  day: "to_char(r.period, 'YYYY-MM-DD')",
};

export async function rollupSums(
  db: Db,
  scope: ActorScope,
  q: RollupSelection,
  groupBy?: GroupKey,
): Promise<{ key: string; sums: RollupSums }[]> {
  const parts = q.daysOnly ? { months: null, days: [{ from: q.from, to: q.to }] } : splitPeriod(q.from, q.to);
  if (!parts.months && parts.days.length === 0) return [];
  const regionRows =
    scope === 'region' &&
    !q.office &&
    !q.district &&
    groupBy !== 'office' &&
    groupBy !== 'district' &&
    (q.perService || q.service !== undefined);
  const monthOffice = regionRows ? sql`r.office_code = '*'` : sql`r.office_code <> '*'`;
  const period: SQL[] = [];
  if (parts.months)
    period.push(
      sql`(r.grain = 'm' and ${monthOffice} and r.period between ${parts.months.from} and ${parts.months.to})`,
    );
  for (const d of parts.days) period.push(sql`(r.grain = 'd' and r.period between ${d.from} and ${d.to})`);
  const service = q.service
    ? sql`r.service_code = ${q.service}`
    : q.perService
      ? sql`r.service_code <> '*'`
      : sql`r.service_code = '*'`;
  const needsOffices = !regionRows;
  const where: SQL[] = [sql`(${sql.join(period, sql` or `)})`, service];
  if (needsOffices) {
    where.push(officeInScope(scope, sql`r.office_code`, sql`o.district_code`));
    if (q.office) where.push(sql`r.office_code = ${q.office}`);
    if (q.district) where.push(sql`o.district_code = ${q.district}`);
  }
  const key = groupBy ? sql.raw(keyOf[groupBy]) : sql`''`;
  const joins: SQL[] = [];
  if (needsOffices) joins.push(sql`join offices o on o.code = r.office_code`);
  if (groupBy === 'agency')
    joins.push(sql`join services s on s.code = r.service_code
      join service_versions sv on sv.service_code = s.code and sv.version = s.published_version`);
  const rows = await preparedRows<Record<string, unknown>>(
    db,
    sql`select ${key} as key, ${sql.raw(rollupSumsSelect)}
      from analytics_rollups r ${sql.join(joins, sql` `)}
      where ${sql.join(where, sql` and `)}
      ${groupBy ? sql`group by 1` : sql``}`,
  );
  return rows
    .filter((r) => groupBy || Number(r.visits ?? 0) > 0 || r.key !== null)
    .map((r) => ({ key: String(r.key ?? ''), sums: sumsOfRow(r) }));
}
