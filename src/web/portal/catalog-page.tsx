/** "/services" — the catalog: search (q) and filters (category, agency, situation, office) kept in the URL, paged. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Pagination, QueryStatus, SelectField } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from './queries.js';
import { RussianOnlyNotice, ServiceList, useLocalTitle } from './service-list.js';

const pageSize = 20;
const filterKeys = ['category', 'agency', 'situation', 'office'] as const;

export function CatalogPage() {
  const { t, tn } = useT();
  const localTitle = useLocalTitle();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters = Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ''])) as Record<
    (typeof filterKeys)[number],
    string
  >;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  useTitle(q ? t('catalog.searchTitle', { q }) : t('catalog.title'), t('meta.catalog'));

  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const queryId = useId();

  const results = useQuery(
    portalQueries.services({
      q: q || undefined,
      category: filters.category || undefined,
      agency: filters.agency || undefined,
      situation: filters.situation || undefined,
      office: filters.office || undefined,
      page,
      limit: pageSize,
    }),
  );
  const categories = useQuery(portalQueries.categories());
  const agencies = useQuery(portalQueries.agencies());
  const situations = useQuery(portalQueries.situations());
  const offices = useQuery(portalQueries.offices({}));

  /** Sets one URL parameter (dropping it when empty) and goes back to the first page. */
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    // a filter changes the list below it: the person stays where they are
    setParams(next, { preventScrollReset: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update('q', draft.trim());
  };
  const setPage = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    setParams(next);
    window.scrollTo(0, 0);
  };
  // The API refuses a query over 200 characters (400 VALIDATION on q): say so; asking again cannot help.
  const queryProblem = results.error?.validationDetails.find((d) => d.path === 'q');
  const hasFilters = q !== '' || filterKeys.some((key) => filters[key] !== '');
  const pages = results.data ? Math.max(1, Math.ceil(results.data.total / pageSize)) : 1;

  return (
    <>
      <h1>{q ? t('catalog.searchTitle', { q }) : t('catalog.title')}</h1>
      <RussianOnlyNotice />
      <div className="catalog">
        <section className="filters" aria-labelledby="catalog-filters">
          <h2 id="catalog-filters" className="visually-hidden">
            {t('catalog.filters')}
          </h2>
          <search className="search-form">
            <form onSubmit={submit}>
              <label htmlFor={queryId}>{t('catalog.query')}</label>
              <div className="search-row">
                <input
                  id={queryId}
                  type="search"
                  name="q"
                  value={draft}
                  maxLength={200}
                  placeholder={t('home.searchPlaceholder')}
                  onChange={(e) => setDraft(e.target.value)}
                />
                <button type="submit" className="button button-primary">
                  {t('common.search')}
                </button>
              </div>
            </form>
          </search>
          <SelectField
            name="category"
            label={t('catalog.category')}
            value={filters.category}
            onChange={(v) => update('category', v)}
            options={(categories.data ?? []).map((c) => ({ value: c.code, label: localTitle(c) }))}
          />
          <SelectField
            name="agency"
            label={t('catalog.agency')}
            value={filters.agency}
            onChange={(v) => update('agency', v)}
            options={(agencies.data ?? []).map((a) => ({ value: a.code, label: a.shortName }))}
          />
          <SelectField
            name="situation"
            label={t('catalog.situation')}
            value={filters.situation}
            onChange={(v) => update('situation', v)}
            options={(situations.data ?? []).map((s) => ({ value: s.code, label: localTitle(s) }))}
          />
          <SelectField
            name="office"
            label={t('catalog.office')}
            value={filters.office}
            onChange={(v) => update('office', v)}
            options={(offices.data ?? []).map((o) => ({ value: o.code, label: o.name }))}
          />
          {hasFilters && (
            <button
              type="button"
              className="button"
              onClick={() => setParams(new URLSearchParams(), { preventScrollReset: true })}
            >
              {t('common.reset')}
            </button>
          )}
        </section>

        <section className="results" aria-labelledby="catalog-count">
          <h2 id="catalog-count" className="result-count" aria-live="polite">
            {results.data
              ? tn('catalog.found', results.data.total)
              : results.error
                ? t('common.notLoaded')
                : t('common.loading')}
          </h2>
          {queryProblem ? (
            <p className="notice notice-error" role="alert">
              {t('catalog.queryTooLong', { maximum: Number(queryProblem.params?.maximum ?? 200) })}
            </p>
          ) : (
            <QueryStatus query={results} space="space-results" />
          )}
          {results.data && results.data.items.length === 0 && <p className="notice">{t('catalog.empty')}</p>}
          {results.data && results.data.items.length > 0 && (
            <div aria-busy={results.isFetching}>
              <ServiceList items={results.data.items} />
            </div>
          )}
          <Pagination page={page} pages={pages} onPage={setPage} />
        </section>
      </div>
    </>
  );
}
