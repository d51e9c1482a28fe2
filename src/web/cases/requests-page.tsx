/**
 * /cases/requests: the interagency requests of the user's offices, newest first — filters (status, only
 * overdue, office) in the query string, «Показать ещё» by keyset. A request names its case (a link to the
 * case page, where <CaseRequestsPanel/> asks new ones), the agency, what is asked and its state.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type RequestListQuery, requestStatusSchema } from '../../shared/case-registers.js';
import { sortedBy } from '../../shared/collation.js';
import { CheckField } from '../admin/components/fields.js';
import { TableScroll } from '../admin/components/list-page.js';
import { QueryStatus, SelectField } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { useMe } from '../staff/auth.js';
import { officesInScope } from '../staff/scope.js';
import { useOfficeNames } from './cases-lists-table.js';
import { useCaseListWords } from './cases-lists-words.js';
import { registerQueries } from './registers-queries.js';
import { requestStatuses, useRegisterWords } from './registers-words.js';
import { RequestState } from './requests-panel.js';

export function RequestsPage() {
  const { t } = useT();
  useTitle(t('clist.req.title'));
  const w = useRegisterWords();
  const cw = useCaseListWords();
  const { me } = useMe();
  const names = useOfficeNames();
  const offices = useQuery(portalQueries.offices({}));
  const [params, setParams] = useSearchParams();
  const status = requestStatusSchema.safeParse(params.get('status') ?? undefined).data;
  const overdue = params.get('overdue') === 'true';
  const office = params.get('office') ?? '';
  const filters: Partial<RequestListQuery> = {};
  if (status) filters.status = status;
  if (overdue) filters.overdue = 'true';
  if (office) filters.office = office;
  const list = useInfiniteQuery(registerQueries.requests(filters));
  const rows = list.data?.pages.flatMap((p) => p.items);
  const scoped = useMemo(
    () => sortedBy(officesInScope(me?.grants ?? [], offices.data ?? []), (o) => o.name),
    [me, offices.data],
  );
  const choose = (key: string) => (value: string) => {
    const merged = new URLSearchParams(params);
    if (value) merged.set(key, value);
    else merged.delete(key);
    setParams(merged, { preventScrollReset: true });
  };
  return (
    <>
      <h1>{t('clist.req.title')}</h1>
      <p className="muted">{t('clist.req.intro')}</p>
      <form aria-label={t('clist.req.filters')} className="filters-row" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('clist.reg.statusLabel')}
          value={status ?? ''}
          onChange={choose('status')}
          options={requestStatuses.map((s) => ({ value: s, label: w.requestStatus(s) }))}
        />
        <SelectField
          label={t('clist.office')}
          value={office}
          onChange={choose('office')}
          allLabel={t('clist.allOffices')}
          options={scoped.map((o) => ({ value: o.code, label: o.name }))}
        />
        <CheckField
          form="requests"
          path="overdue"
          label={t('clist.req.onlyOverdue')}
          checked={overdue}
          onChange={(on) => choose('overdue')(on ? 'true' : '')}
        />
      </form>
      <QueryStatus query={list} />
      {rows && rows.length === 0 && <p className="muted">{t('clist.req.empty')}</p>}
      {rows && rows.length > 0 && (
        <TableScroll label={t('clist.req.title')}>
          <table className="admin-table" data-testid="requests">
            <thead>
              <tr>
                <th scope="col">{t('clist.req.case')}</th>
                <th scope="col">{t('clist.agency')}</th>
                <th scope="col">{t('clist.req.subject')}</th>
                <th scope="col">{t('clist.office')}</th>
                <th scope="col">{t('clist.req.createdAt')}</th>
                <th scope="col">{t('clist.reg.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.overdue ? 'clist-row-overdue' : undefined}>
                  <th scope="row" className="clist-number">
                    <Link to={`/cases/${r.case.id}`}>{r.case.number}</Link>
                  </th>
                  <td>{r.agency.shortName}</td>
                  <td>{r.subject}</td>
                  <td>{names.get(r.office)?.name ?? r.office}</td>
                  <td>{cw.at(r.createdAt, names.get(r.office)?.timeZone)}</td>
                  <td>
                    <RequestState request={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {list.hasNextPage && (
        <p>
          <button
            type="button"
            className="button"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? t('common.loading') : t('clist.more')}
          </button>
        </p>
      )}
    </>
  );
}
