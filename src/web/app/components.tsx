/**
 * Small shared pieces for every audience's pages:
 * - <QueryStatus query/> — a query's loading or failure state: «Загрузка…» while nothing has come yet,
 *   else the error with «Повторить» (never an endless loader); <Loading/>, <ErrorNotice error onRetry/>
 *   on their own;
 * - <NotFoundPanel title text link linkText/> — a page-level "not found" with its own h1;
 * - <Pagination page pages onPage/> — previous / next with "Страница 2 из 5";
 * - <SelectField label value options onChange/> — a labelled <select> with an "all" option;
 * - <Badge tone>…</Badge> — a short status label (open now, required…).
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from 'react-router';
import type { ApiError } from './api.js';
import { useT } from './i18n/index.js';

export function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <p>{t('common.error')}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** What a query shows while it has no answer: the loader, or the error with a retry. */
export function QueryStatus({
  query,
}: {
  query: { isPending: boolean; error: ApiError | null; refetch: () => unknown };
}) {
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loading />;
  return null;
}

export function NotFoundPanel(props: { title: string; text: string; link: string; linkText: string }) {
  return (
    <section className="not-found">
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <Link to={props.link} className="button">
          {props.linkText}
        </Link>
      </p>
    </section>
  );
}

export function Pagination({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useT();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t('common.prev')}
      </button>
      <span aria-current="page">{t('common.pageOf', { page, pages })}</span>
      <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')} →
      </button>
    </nav>
  );
}

export type Option = { value: string; label: string };

export function SelectField(props: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  name?: string;
  allLabel?: string;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.allLabel ?? t('common.all')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'ok' | 'warn' | 'neutral';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
