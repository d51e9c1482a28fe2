/**
 * The analytics' chart sections, each with its table and export: visits by month against last year, by
 * channel, the top services, by district or office, case deadlines by agency, satisfaction by criterion.
 * Each reads its own query (the same filters), so one slow breakdown does not hold the others.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AnalyticsSummary, BreakdownRow } from '../../shared/analytics.js';
import { ratingCriteria } from '../../shared/ratings.js';
import { type MessageKey, useT } from '../app/i18n/index.js';
import type { AnalyticsParams } from '../app/query-keys.js';
import type { PlaceKind } from './analytics-filters.js';
import { type AnalyticsFormat, useAnalyticsFormat } from './analytics-format.js';
import { analyticsQueries } from './analytics-queries.js';
import { ChartSection } from './analytics-section.js';
import { type Column, DataTable } from './analytics-table.js';
import type { ChartOption } from './echart.js';

/** Colours of the series: the brand's blue, a grey for last year, green and red for on time and late. */
const colors = { main: '#0b4fa3', previous: '#6b7785', ok: '#2e7d32', late: '#c8102e' };
const palette = ['#0b4fa3', '#e08a00', '#2e7d32', '#8e3b9e', '#c8102e', '#00838f', '#6b7785'];

/** The plot inside its box with room for the axis labels (ECharts 6's outer bounds, not `containLabel`). */
const grid = (top = 8) => ({
  left: 8,
  right: 24,
  top,
  bottom: 8,
  outerBoundsMode: 'same' as const,
  outerBoundsContain: 'axisLabel' as const,
  outerBoundsClampWidth: '40%',
});
/** A category axis of names (services, offices, agencies) at the left: long names cut at 180 px with «…». */
const nameAxis = (names: string[]) => ({
  type: 'category' as const,
  data: names,
  axisLabel: { width: 180, overflow: 'truncate' as const },
});

const tooltip = (format: (v: number) => string | null) => ({
  trigger: 'axis' as const,
  valueFormatter: (v: unknown) => (typeof v === 'number' ? (format(v) ?? '—') : '—'),
});

// ── by month ────────────────────────────────────────────────────────────────────────────────────────────

export function MonthsSection({ params }: { params: AnalyticsParams }) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  const query = useQuery(analyticsQueries.breakdown('month', params));
  const rows = useMemo(
    () => [...(query.data?.items ?? [])].sort((a, b) => a.key.localeCompare(b.key)),
    [query.data],
  );
  const option = useMemo<ChartOption | null>(() => {
    if (rows.length === 0) return null;
    return {
      color: [colors.main, colors.previous],
      tooltip: tooltip(f.integer),
      legend: { top: 0 },
      grid: grid(40),
      xAxis: { type: 'category', data: rows.map((r) => f.month(r.key, true)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.integer(v) ?? '' } },
      series: [
        { type: 'line', name: t('an.visits'), data: rows.map((r) => r.visits), symbolSize: 6 },
        {
          type: 'line',
          name: t('an.visitsPrevYear'),
          data: rows.map((r) => r.visitsPrevYear),
          lineStyle: { type: 'dashed' },
          symbol: 'triangle',
          symbolSize: 6,
        },
      ],
    };
  }, [rows, f, t]);
  const columns: Column<BreakdownRow>[] = [
    { key: 'month', header: t('an.month'), cell: (r) => f.month(r.key) },
    { key: 'visits', header: t('an.visits'), cell: (r) => f.integer(r.visits), numeric: true },
    { key: 'prev', header: t('an.visitsPrevYear'), cell: (r) => f.integer(r.visitsPrevYear), numeric: true },
    { key: 'growth', header: t('an.growth'), cell: (r) => f.growth(r.growth), numeric: true },
  ];
  return (
    <ChartSection
      id="months"
      title={t('an.months.title')}
      query={query}
      option={option}
      empty={rows.length === 0}
      exportSource={{ what: 'breakdown', params: { ...params, by: 'month' } }}
    >
      <DataTable
        caption={t('an.months.caption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        testId="table-months"
      />
    </ChartSection>
  );
}

// ── by channel ──────────────────────────────────────────────────────────────────────────────────────────

const channelWords = new Set(['walk_in', 'booking', 'booked', 'portal', 'callcenter', 'kiosk']);
/** A channel in the app's words when it knows the key, else the server's title. */
const channelName = (r: BreakdownRow, t: (key: MessageKey) => string) =>
  channelWords.has(r.key) ? t(`an.channel.${r.key}` as MessageKey) : r.title;

export function ChannelsSection({ params }: { params: AnalyticsParams }) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  const query = useQuery(analyticsQueries.breakdown('channel', params));
  const rows = useMemo(() => query.data?.items ?? [], [query.data]);
  const total = rows.reduce((sum, r) => sum + r.visits, 0);
  const name = (r: BreakdownRow) => channelName(r, t);
  const option = useMemo<ChartOption | null>(() => {
    if (rows.length === 0) return null;
    return {
      color: palette,
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? (f.integer(v) ?? '—') : '—'),
      },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          label: {
            formatter: (p: { name: string; percent?: number }) =>
              `${p.name}: ${f.percent((p.percent ?? 0) / 100)}`,
          },
          // a channel with no visits has no slice (its label would sit on a neighbour's); the table lists it
          data: rows.filter((r) => r.visits > 0).map((r) => ({ name: channelName(r, t), value: r.visits })),
        },
      ],
    };
  }, [rows, f, t]);
  const columns: Column<BreakdownRow>[] = [
    { key: 'channel', header: t('an.channel'), cell: name },
    { key: 'visits', header: t('an.visits'), cell: (r) => f.integer(r.visits), numeric: true },
    {
      key: 'share',
      header: t('an.share'),
      cell: (r) => f.percent(total > 0 ? r.visits / total : null),
      numeric: true,
    },
    { key: 'growth', header: t('an.growth'), cell: (r) => f.growth(r.growth), numeric: true },
  ];
  return (
    <ChartSection
      id="channels"
      title={t('an.channels.title')}
      query={query}
      option={option}
      empty={rows.length === 0}
      exportSource={{ what: 'breakdown', params: { ...params, by: 'channel' } }}
    >
      <DataTable
        caption={t('an.channels.caption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        testId="table-channels"
      />
    </ChartSection>
  );
}

// ── top services ────────────────────────────────────────────────────────────────────────────────────────

type TopRow = {
  service: string;
  title: string;
  visits: number;
  visitsPrevYear: number;
  growth: number | null;
};

export function TopServicesSection({ params }: { params: AnalyticsParams }) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  const topParams = { ...params, limit: 10 };
  const query = useQuery(analyticsQueries.topServices(topParams));
  const rows: TopRow[] = useMemo(() => query.data?.items ?? [], [query.data]);
  const option = useMemo<ChartOption | null>(() => {
    if (rows.length === 0) return null;
    const top = [...rows].reverse(); // the first at the top of a horizontal bar chart
    return {
      color: [colors.main],
      tooltip: tooltip(f.integer),
      grid: grid(),
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.integer(v) ?? '' } },
      yAxis: nameAxis(top.map((r) => r.title)),
      series: [{ type: 'bar', name: t('an.visits'), data: top.map((r) => r.visits) }],
    };
  }, [rows, f, t]);
  const columns: Column<TopRow>[] = [
    { key: 'service', header: t('an.serviceCol'), cell: (r) => r.title },
    { key: 'visits', header: t('an.visits'), cell: (r) => f.integer(r.visits), numeric: true },
    { key: 'prev', header: t('an.visitsPrevYear'), cell: (r) => f.integer(r.visitsPrevYear), numeric: true },
    { key: 'growth', header: t('an.growth'), cell: (r) => f.growth(r.growth), numeric: true },
  ];
  return (
    <ChartSection
      id="top"
      title={t('an.top.title')}
      query={query}
      option={option}
      empty={rows.length === 0}
      height={Math.max(200, rows.length * 34 + 40)}
      exportSource={{ what: 'top-services', params: topParams }}
    >
      <DataTable
        caption={t('an.top.caption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.service}
        testId="table-top"
      />
    </ChartSection>
  );
}

// ── by district or office ───────────────────────────────────────────────────────────────────────────────

/** At most this many bars: the table lists every row. */
const barsShown = 15;

export function placeColumns(
  place: PlaceKind,
  t: (k: MessageKey) => string,
  f: AnalyticsFormat,
): Column<BreakdownRow>[] {
  return [
    {
      key: 'place',
      header: t(place === 'district' ? 'an.place.district' : 'an.place.office'),
      cell: (r) => r.title,
    },
    { key: 'visits', header: t('an.visits'), cell: (r) => f.integer(r.visits), numeric: true },
    { key: 'growth', header: t('an.growth'), cell: (r) => f.growth(r.growth), numeric: true },
    { key: 'avgWait', header: t('an.avgWait'), cell: (r) => f.minutes(r.avgWaitMinutes), numeric: true },
    { key: 'p90Wait', header: t('an.p90Wait'), cell: (r) => f.minutes(r.p90WaitMinutes), numeric: true },
    { key: 'over15', header: t('an.over15'), cell: (r) => f.percent(r.shareWaitOver15), numeric: true },
    {
      key: 'service',
      header: t('an.avgService'),
      cell: (r) => f.minutes(r.avgServiceMinutes),
      numeric: true,
    },
    {
      key: 'perWindow',
      header: t('an.perWindow'),
      cell: (r) => f.decimal(r.visitsPerWindowDay),
      numeric: true,
    },
    { key: 'bookings', header: t('an.bookings'), cell: (r) => f.integer(r.bookings), numeric: true },
    { key: 'noShow', header: t('an.noShow'), cell: (r) => f.percent(r.noShowRate), numeric: true },
    { key: 'satisfied', header: t('an.satisfied'), cell: (r) => f.percent(r.satisfiedShare), numeric: true },
  ];
}

export function PlacesSection(props: {
  params: AnalyticsParams;
  place: PlaceKind;
  onPlace: (place: PlaceKind) => void;
}) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  const query = useQuery(analyticsQueries.breakdown(props.place, props.params));
  const rows = useMemo(
    () => [...(query.data?.items ?? [])].sort((a, b) => b.visits - a.visits),
    [query.data],
  );
  const option = useMemo<ChartOption | null>(() => {
    if (rows.length === 0) return null;
    const top = rows.slice(0, barsShown).reverse();
    return {
      color: [colors.main],
      tooltip: tooltip(f.integer),
      grid: grid(),
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.integer(v) ?? '' } },
      yAxis: nameAxis(top.map((r) => r.title)),
      series: [{ type: 'bar', name: t('an.visits'), data: top.map((r) => r.visits) }],
    };
  }, [rows, f, t]);
  const caption = t(props.place === 'district' ? 'an.places.captionDistrict' : 'an.places.captionOffice');
  const controls = (
    <fieldset className="an-switch">
      <legend className="visually-hidden">{t('an.places.show')}</legend>
      {(['district', 'office'] as const).map((place) => (
        <button
          key={place}
          type="button"
          className="button button-small"
          aria-pressed={props.place === place}
          onClick={() => props.onPlace(place)}
        >
          {t(place === 'district' ? 'an.places.byDistrict' : 'an.places.byOffice')}
        </button>
      ))}
    </fieldset>
  );
  return (
    <ChartSection
      id="places"
      title={t('an.places.title')}
      query={query}
      option={option}
      empty={rows.length === 0}
      height={Math.max(200, Math.min(rows.length, barsShown) * 30 + 40)}
      controls={controls}
      exportSource={{ what: 'breakdown', params: { ...props.params, by: props.place } }}
    >
      <DataTable
        caption={caption}
        columns={placeColumns(props.place, t, f)}
        rows={rows}
        rowKey={(r) => r.key}
        testId="table-places"
      />
    </ChartSection>
  );
}

// ── cases by agency ─────────────────────────────────────────────────────────────────────────────────────

export function CasesSection({ params }: { params: AnalyticsParams }) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  const query = useQuery(analyticsQueries.breakdown('agency', params));
  const rows = useMemo(
    () =>
      (query.data?.items ?? [])
        .filter((r) => r.casesOnTime + r.casesOverdue > 0)
        .sort((a, b) => b.casesOnTime + b.casesOverdue - (a.casesOnTime + a.casesOverdue)),
    [query.data],
  );
  const option = useMemo<ChartOption | null>(() => {
    if (rows.length === 0) return null;
    const top = [...rows].reverse();
    return {
      color: [colors.ok, colors.late],
      tooltip: tooltip(f.integer),
      legend: { top: 0 },
      grid: grid(40),
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.integer(v) ?? '' } },
      yAxis: nameAxis(top.map((r) => r.title)),
      series: [
        { type: 'bar', stack: 'cases', name: t('an.onTime'), data: top.map((r) => r.casesOnTime) },
        {
          type: 'bar',
          stack: 'cases',
          name: t('an.overdue'),
          data: top.map((r) => r.casesOverdue),
          // late is not told by colour alone: its bars are hatched
          itemStyle: {
            decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 },
          },
        },
      ],
    };
  }, [rows, f, t]);
  const columns: Column<BreakdownRow>[] = [
    { key: 'agency', header: t('an.agency'), cell: (r) => r.title },
    { key: 'onTime', header: t('an.onTime'), cell: (r) => f.integer(r.casesOnTime), numeric: true },
    { key: 'overdue', header: t('an.overdue'), cell: (r) => f.integer(r.casesOverdue), numeric: true },
    {
      key: 'share',
      header: t('an.overdueShare'),
      cell: (r) => f.percent(r.casesOverdue / (r.casesOnTime + r.casesOverdue)),
      numeric: true,
    },
  ];
  return (
    <ChartSection
      id="cases"
      title={t('an.cases.title')}
      query={query}
      option={option}
      empty={rows.length === 0}
      height={Math.max(200, rows.length * 34 + 60)}
      exportSource={{ what: 'breakdown', params: { ...params, by: 'agency' } }}
    >
      <DataTable
        caption={t('an.cases.caption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        testId="table-cases"
      />
    </ChartSection>
  );
}

// ── satisfaction by criterion ───────────────────────────────────────────────────────────────────────────

type CriterionRow = { criterion: (typeof ratingCriteria)[number]; share: number | null };

export function SatisfactionSection(props: {
  params: AnalyticsParams;
  summary: AnalyticsSummary | undefined;
  query: { isPending: boolean; error: import('../app/api.js').ApiError | null; refetch: () => unknown };
}) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  const s = props.summary;
  const rows: CriterionRow[] = useMemo(
    () =>
      s ? ratingCriteria.map((criterion) => ({ criterion, share: s.satisfiedByCriterion[criterion] })) : [],
    [s],
  );
  const empty = !s || s.ratings === 0;
  const option = useMemo<ChartOption | null>(() => {
    if (empty) return null;
    const top = [...rows].reverse();
    return {
      color: [colors.main],
      tooltip: tooltip(f.percent),
      grid: grid(),
      xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => f.percent(v) ?? '' } },
      yAxis: nameAxis(top.map((r) => t(`an.criterion.${r.criterion}`))),
      series: [{ type: 'bar', name: t('an.satisfied'), data: top.map((r) => r.share) }],
    };
  }, [rows, empty, f, t]);
  const columns: Column<CriterionRow>[] = [
    { key: 'criterion', header: t('an.criterion'), cell: (r) => t(`an.criterion.${r.criterion}`) },
    { key: 'share', header: t('an.satisfied'), cell: (r) => f.percent(r.share), numeric: true },
  ];
  return (
    <ChartSection
      id="rating"
      title={t('an.rating.title')}
      query={props.query}
      option={option}
      empty={empty}
      height={240}
      exportSource={{ what: 'summary', params: props.params }}
    >
      <DataTable
        caption={t('an.rating.caption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.criterion}
        testId="table-rating"
      />
    </ChartSection>
  );
}
