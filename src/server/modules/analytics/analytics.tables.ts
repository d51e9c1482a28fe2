import type { AnalyticsSummary, Breakdown, TopServices } from '../../../shared/analytics.js';
import type { Table } from '../../export/send-table.js';

/** Analytics answers as flat tables for `format=csv|xlsx` (the screen's tables, downloadable). */

const figureColumns = [
  'visits',
  'visitsPrevYear',
  'growth',
  'avgWaitMinutes',
  'p90WaitMinutes',
  'shareWaitOver15',
  'avgServiceMinutes',
  'casesOnTime',
  'casesOverdue',
  'bookings',
  'noShowRate',
  'ratings',
  'satisfiedShare',
] as const;

const round = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

export function summaryTable(s: AnalyticsSummary): Table {
  const rows: (string | number | null)[][] = [];
  for (const [key, value] of Object.entries(s)) {
    if (key === 'kpis' || key === 'satisfiedByCriterion') continue;
    rows.push([key, typeof value === 'number' ? round(value) : (value as string | null)]);
  }
  for (const [c, v] of Object.entries(s.satisfiedByCriterion)) rows.push([`satisfied.${c}`, round(v)]);
  for (const k of s.kpis) rows.push([`kpi.${k.code}`, round(k.value)]);
  return { name: `summary-${s.from}-${s.to}`, header: ['figure', 'value'], rows };
}

export function topServicesTable(t: TopServices): Table {
  return {
    name: `top-services-${t.from}-${t.to}`,
    header: ['service', 'title', 'visits', 'visitsPrevYear', 'growth'],
    rows: t.items.map((i) => [i.service, i.title, i.visits, i.visitsPrevYear, round(i.growth)]),
  };
}

export function breakdownTable(b: Breakdown): Table {
  return {
    name: `by-${b.by}-${b.from}-${b.to}`,
    header: [b.by, 'title', ...figureColumns, 'visitsPerWindowDay'],
    rows: b.items.map((i) => [
      i.key,
      i.title,
      ...figureColumns.map((c) => (typeof i[c] === 'number' ? round(i[c] as number) : null)),
      round(i.visitsPerWindowDay),
    ]),
  };
}
