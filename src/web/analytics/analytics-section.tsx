/**
 * A section of the analytics page: its heading, a chart (ECharts, loaded lazily: «График загружается…»
 * meanwhile, in a box of the chart's height so nothing jumps), the table with the same data, and the
 * table's export. While the data is on its way or failed, the section says so (QueryStatus).
 */
import { lazy, type ReactNode, Suspense } from 'react';
import type { ApiError } from '../app/api.js';
import { QueryStatus } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { ExportLinks, type ExportSource } from './analytics-table.js';
import type { ChartOption } from './echart.js';

const EChart = lazy(() => import('./echart.js'));

export function ChartSection(props: {
  id: string;
  title: string;
  query: { isPending: boolean; error: ApiError | null; refetch: () => unknown };
  /** Null while there is nothing to draw (no data yet, or none for the period). */
  option: ChartOption | null;
  empty: boolean;
  height?: number;
  exportSource: ExportSource;
  /** Above the chart: a switch of what the table shows. */
  controls?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useT();
  const height = props.height ?? 320;
  const headingId = `${props.id}-title`;
  return (
    <section className="an-section" aria-labelledby={headingId} data-testid={`section-${props.id}`}>
      <h2 id={headingId}>{props.title}</h2>
      {props.controls}
      <QueryStatus query={props.query} />
      {!props.query.isPending && !props.query.error && props.empty && (
        <p className="muted">{t('an.empty')}</p>
      )}
      {props.option && !props.empty && (
        <Suspense
          fallback={
            <p className="an-chart an-chart-loading muted" style={{ height }}>
              {t('an.chartLoading')}
            </p>
          }
        >
          <EChart option={props.option} label={t('an.chartOf', { title: props.title })} height={height} />
        </Suspense>
      )}
      {!props.empty && props.children}
      <ExportLinks source={props.exportSource} title={props.title} />
    </section>
  );
}
