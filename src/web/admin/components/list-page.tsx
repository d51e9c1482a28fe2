/**
 * One pattern for the admin console's list pages (districts, agencies, offices, services, users): a head
 * with the title and the «new» action, optional filters, the query's loading / error state, a table of
 * the rows with an optional «Изменить» per row, an optional count and pages, then the panel (a form).
 *   const list = useQuery(adminQueries.districts());
 *   const editing = useEditing(list.data, (d) => d.code);
 *   <ListPage title={t('admin.districts')} newAction={<NewButton … onClick={editing.openNew} />}
 *     query={list} rows={list.data} columns={[…]} rowKey={(d) => d.code}
 *     onEdit={editing.open} editLabel={(d) => d.name}>
 *     {editing.current && <DistrictForm key={editing.formKey} district={editing.item} />}
 *   </ListPage>
 * `useEditing` keeps only the key of the open row: the panel always shows the cached row, fresh after
 * a save (the mutation updates the cache), never a copy taken when it was opened.
 */
import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError } from '../../app/api.js';
import { Pagination, QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { useFocusOnMount } from './use-focus.js';

export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (a <th scope="row">); the first column when none is marked. */
  rowHeader?: boolean;
};

type Query = { isPending: boolean; error: ApiError | null; refetch: () => unknown };

export function ListPage<T>(props: {
  /** Above the title, e.g. a link back to the parent list. */
  breadcrumbs?: ReactNode;
  title: string;
  newAction?: ReactNode;
  filters?: ReactNode;
  query: Query;
  rows: T[] | undefined;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowClass?: (row: T) => string | undefined;
  /** Shown above the table, e.g. «12 офисов» (announced politely). */
  count?: string;
  /** Shown under the table when it has no rows. */
  empty?: string;
  paging?: { page: number; pages: number; onPage: (page: number) => void };
  onEdit?: (row: T) => void;
  editLabel?: (row: T) => string;
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useT();
  const headerIndex = Math.max(
    0,
    props.columns.findIndex((c) => c.rowHeader),
  );
  return (
    <>
      {props.breadcrumbs && <p className="breadcrumbs">{props.breadcrumbs}</p>}
      <div className="page-head">
        <h1>{props.title}</h1>
        {props.newAction}
      </div>
      {props.filters}
      <QueryStatus query={props.query} />
      {props.rows && (
        <>
          {props.count !== undefined && (
            <p className="result-count" aria-live="polite">
              {props.count}
            </p>
          )}
          <TableScroll label={props.title}>
            <table className="admin-table" data-testid={props.testId}>
              <thead>
                <tr>
                  {props.columns.map((c) => (
                    <th scope="col" key={c.header}>
                      {c.header}
                    </th>
                  ))}
                  {props.onEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('admin.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {props.rows.map((row) => (
                  <tr key={props.rowKey(row)} className={props.rowClass?.(row)}>
                    {props.columns.map((c, i) =>
                      i === headerIndex ? (
                        <th scope="row" key={c.header}>
                          {c.cell(row)}
                        </th>
                      ) : (
                        <td key={c.header}>{c.cell(row)}</td>
                      ),
                    )}
                    {props.onEdit && (
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('admin.editItem', {
                            item: props.editLabel?.(row) ?? props.rowKey(row),
                          })}
                          onClick={() => props.onEdit?.(row)}
                        >
                          {t('admin.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {props.empty && props.rows.length === 0 && <p className="muted">{props.empty}</p>}
          {props.paging && <Pagination {...props.paging} />}
        </>
      )}
      {props.children}
    </>
  );
}

/**
 * A table that may be wider than the screen (a phone): it scrolls sideways inside its own box, and while it
 * does a hint says so and the box is a named, focusable region (keyboard users can scroll it too).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {overflows && (
        <p className="table-hint small muted" data-testid="table-hint">
          {t('admin.tableScrollHint')}
        </p>
      )}
      <div
        ref={box}
        className="table-wrap"
        {...(overflows ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
      >
        {children}
      </div>
    </>
  );
}

/** Which row's form is open ('new' for an empty one), by key; `item` is that row as cached now. */
export function useEditing<T>(rows: T[] | undefined, keyOf: (row: T) => string) {
  const [{ key, opened }, setState] = useState<{ key: string | null; opened: number }>({
    key: null,
    opened: 0,
  });
  const item = key && key !== 'new' ? rows?.find((row) => keyOf(row) === key) : undefined;
  const open = useCallback((row: T) => setState((s) => ({ key: keyOf(row), opened: s.opened + 1 })), [keyOf]);
  const openNew = useCallback(() => setState((s) => ({ key: 'new', opened: s.opened + 1 })), []);
  /** The new item was created: the same form goes on editing it (its «Сохранено» stays). */
  const adopt = useCallback((next: string) => setState((s) => ({ ...s, key: next })), []);
  return {
    key,
    item,
    /** The React key of the form: a new one each time a row or «new» is opened, not when a new item is adopted. */
    formKey: String(opened),
    /** Something is open: a new item, or a row still in the list. */
    current: key === 'new' || item !== undefined,
    isNew: key === 'new',
    open,
    openNew,
    adopt,
    close: () => setState((s) => ({ ...s, key: null })),
  };
}

/** The panel of a list page: a section whose heading takes the focus when it opens. */
export function FormPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="admin-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
