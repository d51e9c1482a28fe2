/**
 * /cases/registers: the back office's registers — building one (registers-build.tsx), then the registers
 * of the user's offices, newest first: filters (kind, status, office) in the query string, «Показать ещё»
 * by keyset. A register's number opens its page (items, print, handover, acceptance).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type RegisterListQuery,
  registerKindSchema,
  registerStatusSchema,
} from '../../shared/case-registers.js';
import { sortedBy } from '../../shared/collation.js';
import { TableScroll } from '../admin/components/list-page.js';
import { Badge, QueryStatus, SelectField } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { hasRole, useMe } from '../staff/auth.js';
import { coversOffice } from '../staff/scope.js';
import { useOfficeNames } from './cases-lists-table.js';
import { useCaseListWords } from './cases-lists-words.js';
import { RegisterBuild } from './registers-build.js';
import { registerQueries } from './registers-queries.js';
import { registerKinds, registerRoles, registerStatuses, useRegisterWords } from './registers-words.js';

export function RegistersPage() {
  const { t, tn } = useT();
  useTitle(t('clist.reg.title'));
  const w = useRegisterWords();
  const cw = useCaseListWords();
  const { me } = useMe();
  const names = useOfficeNames();
  const offices = useQuery(portalQueries.offices({}));
  const [params, setParams] = useSearchParams();
  const filters: Partial<RegisterListQuery> = {};
  const kind = registerKindSchema.safeParse(params.get('kind') ?? undefined).data;
  const status = registerStatusSchema.safeParse(params.get('status') ?? undefined).data;
  const office = params.get('office') ?? '';
  if (kind) filters.kind = kind;
  if (status) filters.status = status;
  if (office) filters.office = office;
  const list = useInfiniteQuery(registerQueries.list(filters));
  const rows = list.data?.pages.flatMap((p) => p.items);
  const scoped = useMemo(
    () =>
      sortedBy(
        (offices.data ?? []).filter((o) => coversOffice(me?.grants ?? [], o, registerRoles)),
        (o) => o.name,
      ),
    [me, offices.data],
  );
  const choose = (key: string) => (value: string) => {
    const merged = new URLSearchParams(params);
    if (value) merged.set(key, value);
    else merged.delete(key);
    setParams(merged, { preventScrollReset: true });
  };
  const canBuild = hasRole(me, ...registerRoles);

  return (
    <>
      <h1>{t('clist.reg.title')}</h1>
      {canBuild && <RegisterBuild />}
      <section aria-labelledby="registers-title">
        <h2 id="registers-title">{t('clist.reg.list')}</h2>
        <form
          aria-label={t('clist.reg.filters')}
          className="filters-row"
          onSubmit={(e) => e.preventDefault()}
        >
          <SelectField
            label={t('clist.reg.kind')}
            value={kind ?? ''}
            onChange={choose('kind')}
            options={registerKinds.map((k) => ({ value: k, label: w.kind(k) }))}
          />
          <SelectField
            label={t('clist.reg.statusLabel')}
            value={status ?? ''}
            onChange={choose('status')}
            options={registerStatuses.map((s) => ({ value: s, label: w.status(s) }))}
          />
          <SelectField
            label={t('clist.office')}
            value={office}
            onChange={choose('office')}
            allLabel={t('clist.allOffices')}
            options={scoped.map((o) => ({ value: o.code, label: o.name }))}
          />
        </form>
        <QueryStatus query={list} />
        {rows && rows.length === 0 && <p className="muted">{t('clist.reg.empty')}</p>}
        {rows && rows.length > 0 && (
          <TableScroll label={t('clist.reg.list')}>
            <table className="admin-table" data-testid="registers">
              <thead>
                <tr>
                  <th scope="col">{t('clist.col.number')}</th>
                  <th scope="col">{t('clist.reg.kind')}</th>
                  <th scope="col">{t('clist.office')}</th>
                  <th scope="col">{t('clist.agency')}</th>
                  <th scope="col">{t('clist.reg.statusLabel')}</th>
                  <th scope="col">{t('clist.reg.created')}</th>
                  <th scope="col">{t('clist.reg.cases')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="clist-number">
                      <Link to={`/cases/registers/${r.id}`}>{r.number}</Link>
                    </th>
                    <td>{w.kind(r.kind)}</td>
                    <td>{r.office.name}</td>
                    <td>{r.agency.shortName}</td>
                    <td>
                      <Badge tone={r.status === 'accepted' ? 'ok' : 'neutral'}>{w.status(r.status)}</Badge>
                    </td>
                    <td>{cw.at(r.createdAt, names.get(r.office.code)?.timeZone)}</td>
                    <td>
                      {r.count}
                      {r.lateCount > 0 && <Badge tone="warn">{tn('clist.reg.lateCount', r.lateCount)}</Badge>}
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
      </section>
    </>
  );
}
