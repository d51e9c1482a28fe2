/**
 * Small shared pieces for every audience's pages:
 * - <QueryStatus query/> — a query's loading or failure state: «Загрузка…» while nothing has come yet,
 *   else the error, with «Повторить» only when asking again can help (a network failure or 5xx, never a
 *   refusal: a 4xx would fail the same way); <Loading/>, <ErrorNotice error onRetry/> on their own;
 * - <NotFoundPanel title text link linkText/> — a page-level "not found" with its own h1;
 * - <Pagination page pages onPage/> — previous / next with "Страница 2 из 5";
 * - <SelectField label value options onChange/> — a labelled <select> with an "all" option;
 * - <Badge tone>…</Badge> — a short status label (open now, required…).
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from 'react-router';
import type { ApiError } from './api.js';
import { useT, useTitle } from './i18n/index.js';

/** «Загрузка…»; `space` names a CSS class that reserves the room of what is coming (no layout shift). */
export function Loading({ space }: { space?: string } = {}) {
  const { t } = useT();
  return (
    <p className={space ? `loading ${space}` : 'loading'} role="status" aria-live="polite">
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

/** Whether asking again may succeed: a network failure or a server error, not a refusal (4xx). */
export const isRetryable = (error: ApiError) => error.status === 0 || error.status >= 500;

/** What a query shows while it has no answer: the loader, or the error (with a retry when it can help). */
export function QueryStatus({
  query,
  space,
}: {
  query: { isPending: boolean; error: ApiError | null; refetch: () => unknown };
  /** A class reserving the height of the list that will replace the loader (see Loading). */
  space?: string;
}) {
  if (query.error)
    return (
      <ErrorNotice
        error={query.error}
        onRetry={isRetryable(query.error) ? () => void query.refetch() : undefined}
      />
    );
  if (query.isPending) return <Loading space={space} />;
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

/** A page that does not exist in a section: its title, the words, and the way back to the section's start. */
export function UnknownPage(props: { link: string; linkText: string }) {
  const { t } = useT();
  useTitle(t('notFound.title'));
  return <NotFoundPanel title={t('notFound.title')} text={t('notFound.text')} {...props} />;
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
