/**
 * /cases: the operator's and the back office's home for cases. Tabs of the work lists — to send, overdue,
 * due within 2 working days, results to issue, suspended — each with its count (one page of up to 100 read
 * for it: «100+» beyond), and «Все дела»; the search form; the cases found. Everything chosen is in the
 * query string (`list` and the search's fields), so a reload or a shared link shows the same cases. The API
 * narrows every answer to the user's offices.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type CaseWorkList, caseWorkListSchema } from '../../shared/cases.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { CaseSearchForm } from './case-search-form.js';
import { type SearchValues, searchFields } from './case-search-values.js';
import { type CaseListParams, caseListQueries, countLimit } from './cases-lists-queries.js';
import { CaseResults } from './cases-lists-table.js';
import { useCaseListWords, workLists } from './cases-lists-words.js';

function valuesOf(params: URLSearchParams): SearchValues {
  return Object.fromEntries(searchFields.map((key) => [key, params.get(key) ?? ''])) as SearchValues;
}

/** What the list asks the API: the search's values that are set, and the work list. */
function listParams(values: SearchValues, list: CaseWorkList | undefined): CaseListParams {
  const params: CaseListParams = {};
  for (const key of searchFields) if (values[key]) params[key] = values[key];
  if (list) params.list = list;
  return params;
}

function ListTab(props: { list: CaseWorkList | null; current: CaseWorkList | null; href: string }) {
  const { t } = useT();
  const w = useCaseListWords();
  const scope: CaseListParams = {};
  const [params] = useSearchParams();
  for (const key of ['office', 'agency'] as const) {
    const value = params.get(key);
    if (value) scope[key] = value;
  }
  const count = useQuery({
    ...caseListQueries.count(props.list ?? 'open', scope),
    enabled: props.list !== null,
  });
  const name = props.list ? w.list(props.list) : t('clist.list.all');
  const figure =
    props.list && count.data
      ? count.data.more
        ? t('clist.countMore', { n: countLimit })
        : String(count.data.count)
      : null;
  return (
    <Link
      to={props.href}
      preventScrollReset
      aria-current={props.list === props.current ? 'page' : undefined}
      data-testid={`case-tab-${props.list ?? 'all'}`}
    >
      {name}
      {figure !== null && (
        <>
          {' '}
          <span className="clist-tab-count">{figure}</span>
        </>
      )}
    </Link>
  );
}

export function CasesListsPage() {
  const { t } = useT();
  const w = useCaseListWords();
  useTitle(t('clist.title'));
  const [params, setParams] = useSearchParams();
  const values = valuesOf(params);
  const list = caseWorkListSchema.safeParse(params.get('list') ?? undefined).data ?? null;
  const hrefOf = (next: CaseWorkList | null) => {
    const merged = new URLSearchParams(params);
    if (next) merged.set('list', next);
    else merged.delete('list');
    const text = merged.toString();
    return text ? `?${text}` : '?';
  };
  const search = (next: SearchValues) => {
    const merged = new URLSearchParams();
    if (list) merged.set('list', list);
    for (const key of searchFields) if (next[key]) merged.set(key, next[key]);
    setParams(merged, { preventScrollReset: true });
  };
  // the form's draft starts again from the address when the address changes (a tab, «Назад»)
  const formKey = searchFields.map((key) => values[key]).join('\u0000');
  return (
    <>
      <h1>{t('clist.title')}</h1>
      <nav aria-label={t('clist.tabs')} className="clist-tabs">
        {[null, ...workLists].map((item) => (
          <ListTab key={item ?? 'all'} list={item} current={list} href={hrefOf(item)} />
        ))}
      </nav>
      <CaseSearchForm key={formKey} values={values} onSearch={search} />
      <CaseResults
        params={listParams(values, list ?? undefined)}
        label={list ? w.list(list) : t('clist.found')}
      />
    </>
  );
}
