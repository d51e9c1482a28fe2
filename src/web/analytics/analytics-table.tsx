/**
 * The analytics' tables: a caption, column headers (`scope="col"`), the first cell of a row as its header
 * (`scope="row"`), numbers right-aligned; a figure with nothing to measure reads «нет данных» (a dash on
 * screen). Under each table, its export: the same API address with `format=csv` / `format=xlsx`.
 */
import type { ReactNode } from 'react';
import { TableScroll } from '../admin/components/list-page.js';
import { useT } from '../app/i18n/index.js';
import type { AnalyticsParams } from '../app/query-keys.js';
import { type ExportFormat, exportUrl } from './analytics-api.js';

/** A figure, or «нет данных» for null (a dash on screen, the words for a screen reader). */
export function Figure({ value }: { value: string | null }) {
  const { t } = useT();
  if (value !== null) return <>{value}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('an.none')}</span>
    </>
  );
}

export type Column<R> = {
  key: string;
  header: string;
  /** The text of the cell (null: nothing to measure). */
  cell: (row: R) => string | null;
  numeric?: boolean;
};

export function DataTable<R>(props: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  testId?: string;
}) {
  const [first, ...rest] = props.columns;
  if (!first) return null;
  return (
    <TableScroll label={props.caption}>
      <table className="admin-table an-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'an-num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              <th scope="row">
                <Figure value={first.cell(row)} />
              </th>
              {rest.map((c) => (
                <td key={c.key} className={c.numeric ? 'an-num' : undefined}>
                  <Figure value={c.cell(row)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export type ExportSource = {
  what: 'summary' | 'top-services' | 'breakdown';
  params: AnalyticsParams & { by?: import('../../shared/analytics.js').BreakdownDimension };
};

export function ExportLinks({ source, title }: { source: ExportSource; title: string }): ReactNode {
  const { t } = useT();
  const formats: ExportFormat[] = ['csv', 'xlsx'];
  return (
    <p className="an-export">
      <span className="muted">{t('an.export')}:</span>{' '}
      {formats.map((format) => (
        <a
          key={format}
          className="button button-small"
          href={exportUrl(source.what, source.params, format)}
          download
          data-testid={`export-${format}`}
          aria-label={t('an.exportOf', { title, format: format.toUpperCase() })}
        >
          {t(format === 'csv' ? 'an.exportCsv' : 'an.exportXlsx')}
        </a>
      ))}
    </p>
  );
}
