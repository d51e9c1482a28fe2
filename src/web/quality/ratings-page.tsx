/**
 * /quality/ratings, «Оценки»: the ratings of the user's offices, newest first — filters (dates, office,
 * service, only low scores) kept in the query string; a table with the five scores in words, the comment
 * and the follow-up's state; «Показать ещё» reads the next page after the last one (keyset: `next` →
 * `after`); «Выгрузить CSV» is the same address with `format=csv` (the flat table of the federal export).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CheckField, ChoiceField, ErrorSummary, TextField } from '../admin/components/fields.js';
import { TableScroll } from '../admin/components/list-page.js';
import { PickList } from '../admin/components/pick-list.js';
import { QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { caseListQueries } from '../cases/cases-lists-queries.js';
import { type RatingParams, ratingsCsvHref } from './quality-api.js';
import { QualityTabs, useOfficeIndex } from './quality-common.js';
import { qualityQueries } from './quality-queries.js';
import { isLow, ratingCriteria, useQualityWords } from './quality-words.js';

type Draft = { from: string; to: string; office: string; service: string; low: boolean };
const form = 'quality-ratings';

function draftOf(params: URLSearchParams): Draft {
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    office: params.get('office') ?? '',
    service: params.get('service') ?? '',
    low: params.get('low') === 'true',
  };
}

function paramsOf(draft: Draft): RatingParams {
  const params: RatingParams = {};
  if (draft.from) params.from = draft.from;
  if (draft.to) params.to = draft.to;
  if (draft.office) params.office = draft.office;
  if (draft.service) params.service = draft.service;
  if (draft.low) params.low = 'true';
  return params;
}

export function RatingsPage() {
  const { t } = useT();
  useTitle(t('quality.tab.ratings'));
  const [search, setSearch] = useSearchParams();
  const applied = draftOf(search);
  const params = paramsOf(applied);
  // the form's draft starts again from the address when the address changes (a tab, «Назад»)
  const key = JSON.stringify(params);
  const apply = (next: Draft) => {
    const merged = new URLSearchParams();
    for (const [name, value] of Object.entries(paramsOf(next))) merged.set(name, String(value));
    setSearch(merged, { preventScrollReset: true });
  };
  return (
    <>
      <h1>{t('quality.title')}</h1>
      <QualityTabs />
      <p className="lead">{t('quality.r.lead')}</p>
      <RatingFilters key={key} values={applied} onApply={apply} />
      <p className="quality-export">
        <a className="button" href={ratingsCsvHref(params)} download data-testid="ratings-csv">
          {t('quality.r.export')}
        </a>{' '}
        <span className="small muted">{t('quality.r.exportHint')}</span>
      </p>
      <RatingResults params={params} />
    </>
  );
}

function RatingFilters(props: { values: Draft; onApply: (draft: Draft) => void }) {
  const { t } = useT();
  const offices = useOfficeIndex();
  const services = useQuery(caseListQueries.services());
  const [draft, setDraft] = useState<Draft>(props.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serviceOptions = useMemo(
    () => (services.data ?? []).map((s) => ({ value: s.code, label: s.title })),
    [services.data],
  );
  const chosenService = draft.service
    ? (services.data?.find((s) => s.code === draft.service)?.title ?? draft.service)
    : null;
  const set = (name: 'from' | 'to' | 'office' | 'service') => (value: string) =>
    setDraft((d) => ({ ...d, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.from && draft.to && draft.to < draft.from) found.to = t('quality.r.errDates');
    setErrors(found);
    if (Object.keys(found).length === 0) props.onApply(draft);
  };
  const reset = () => {
    const empty: Draft = { from: '', to: '', office: '', service: '', low: false };
    setDraft(empty);
    setErrors({});
    props.onApply(empty);
  };
  return (
    <form
      className="quality-filters"
      aria-label={t('quality.r.filters')}
      onSubmit={submit}
      noValidate
      data-testid="ratings-filters"
    >
      <ErrorSummary form={form} errors={errors} label={() => t('quality.r.to')} />
      <div className="filters-row">
        <TextField
          form={form}
          path="from"
          type="date"
          label={t('quality.r.from')}
          value={draft.from}
          onChange={set('from')}
          errors={errors}
        />
        <TextField
          form={form}
          path="to"
          type="date"
          label={t('quality.r.to')}
          value={draft.to}
          onChange={set('to')}
          errors={errors}
        />
        <ChoiceField
          form={form}
          path="office"
          label={t('quality.r.office')}
          value={draft.office}
          onChange={set('office')}
          options={[
            { value: '', label: t('quality.r.allOffices') },
            ...offices.scoped.map((o) => ({ value: o.code, label: o.name })),
          ]}
        />
      </div>
      {/* some hundred services: the list opens on demand (and is open while one is chosen) */}
      <details className="quality-service-pick" open={draft.service !== '' || undefined}>
        <summary>
          {t('quality.r.service')}: {chosenService ?? t('quality.r.anyService')}
        </summary>
        <PickList
          form={form}
          path="service"
          label={t('quality.r.service')}
          options={serviceOptions}
          value={draft.service ? [draft.service] : []}
          // one service at a time: the newest pick replaces the previous one
          onChange={(codes) => set('service')(codes.at(-1) ?? '')}
          shown={10}
          loading={services.isPending}
        />
      </details>
      <CheckField
        form={form}
        path="low"
        label={t('quality.r.onlyLow')}
        checked={draft.low}
        onChange={(low) => setDraft((d) => ({ ...d, low }))}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('quality.r.apply')}
        </button>
        <button type="button" className="button" onClick={reset}>
          {t('quality.r.reset')}
        </button>
      </div>
    </form>
  );
}

function RatingResults({ params }: { params: RatingParams }) {
  const { t, tn } = useT();
  const w = useQualityWords();
  const offices = useOfficeIndex();
  const list = useInfiniteQuery(qualityQueries.ratings(params));
  const rows = list.data?.pages.flatMap((p) => p.items);
  const label = t('quality.r.list');
  return (
    <section aria-labelledby="quality-r-title" className="quality-results">
      <h2 id="quality-r-title">{label}</h2>
      <QueryStatus query={list} />
      {rows && (
        <>
          <p className="result-count" aria-live="polite" data-testid="ratings-count">
            {list.hasNextPage ? tn('quality.r.countMore', rows.length) : tn('quality.r.count', rows.length)}
          </p>
          {rows.length > 0 && (
            <>
              <p className="small muted">{t('quality.r.legend')}</p>
              <TableScroll label={label}>
                <table className="admin-table quality-table" data-testid="ratings">
                  <thead>
                    <tr>
                      <th scope="col">{t('quality.r.col.ratedAt')}</th>
                      <th scope="col">{t('quality.r.col.office')}</th>
                      <th scope="col">{t('quality.r.col.service')}</th>
                      {ratingCriteria.map((c) => (
                        <th scope="col" key={c}>
                          <abbr title={w.criterion(c)}>{w.short(c)}</abbr>
                        </th>
                      ))}
                      <th scope="col">{t('quality.r.col.comment')}</th>
                      <th scope="col">{t('quality.r.col.followUp')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((item) => {
                      const timeZone = offices.byCode.get(item.office.code)?.timeZone;
                      return (
                        <tr key={item.id}>
                          <th scope="row" className="quality-nowrap">
                            {w.stamp(item.ratedAt, timeZone)}
                            <span className="block small muted">
                              {item.subject === 'case'
                                ? t('quality.r.subject.case')
                                : t('quality.r.subject.visit')}
                            </span>
                          </th>
                          <td>{item.office.name}</td>
                          <td className="quality-service-cell">
                            {item.service?.title ?? t('quality.fu.noService')}
                          </td>
                          {ratingCriteria.map((c) => (
                            <td
                              key={c}
                              className={
                                isLow(item.scores[c]) ? 'quality-score quality-low' : 'quality-score'
                              }
                            >
                              {w.score(item.scores[c])}
                            </td>
                          ))}
                          <td className="quality-comment-cell">{item.comment ?? ''}</td>
                          <td>
                            {item.followUp === 'open'
                              ? t('quality.fu.state.open')
                              : item.followUp === 'closed'
                                ? t('quality.fu.state.closed')
                                : ''}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )}
          {rows.length === 0 && <p className="muted">{t('quality.r.empty')}</p>}
          {list.hasNextPage && (
            <p>
              <button
                type="button"
                className="button"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {list.isFetchingNextPage ? t('common.loading') : t('quality.r.more')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
