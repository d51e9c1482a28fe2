/**
 * The found cases: number (a link to the case page), service, applicant (masked, as the API gives it),
 * office, stage, accepted, due date with its marks (overdue, paused since, not handed to the agency in
 * time), newest first; «Показать ещё» reads the next page after the last one (keyset: `next` → `after`).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CaseListItem } from '../../shared/cases.js';
import { TableScroll } from '../admin/components/list-page.js';
import { Badge, QueryStatus } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { type CaseListParams, caseListQueries } from './cases-lists-queries.js';
import { useCaseListWords } from './cases-lists-words.js';

/** Office code → its name and time zone, from the public list the app already reads. */
export function useOfficeNames() {
  const offices = useQuery(portalQueries.offices({}));
  return new Map((offices.data ?? []).map((o) => [o.code, { name: o.name, timeZone: o.timeZone }]));
}

export function CaseMarks({
  item,
  timeZone,
}: {
  item: Pick<CaseListItem, 'overdue' | 'pausedSince' | 'sendLate'>;
  timeZone?: string;
}) {
  const { t } = useT();
  const w = useCaseListWords();
  return (
    <>
      {item.overdue && <Badge tone="warn">{t('clist.overdue')}</Badge>}
      {item.pausedSince && (
        <Badge tone="neutral">
          {t('clist.pausedSince', {
            // a date, or an instant read on the office's clock
            date:
              item.pausedSince.length > 10 ? w.dayOf(item.pausedSince, timeZone) : w.day(item.pausedSince),
          })}
        </Badge>
      )}
      {item.sendLate && <Badge tone="warn">{t('clist.sendLate')}</Badge>}
    </>
  );
}

export function CaseResults({ params, label }: { params: CaseListParams; label: string }) {
  const { t, tn } = useT();
  const w = useCaseListWords();
  const offices = useOfficeNames();
  const list = useInfiniteQuery(caseListQueries.list(params));
  const rows = list.data?.pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="clist-results-title" className="clist-results">
      <h2 id="clist-results-title">{label}</h2>
      <QueryStatus query={list} />
      {rows && (
        <>
          <p className="result-count" aria-live="polite" data-testid="case-count">
            {list.hasNextPage ? tn('clist.shownMore', rows.length) : tn('clist.count', rows.length)}
          </p>
          {rows.length > 0 && (
            <TableScroll label={label}>
              <table className="admin-table" data-testid="case-results">
                <thead>
                  <tr>
                    <th scope="col">{t('clist.col.number')}</th>
                    <th scope="col">{t('clist.col.service')}</th>
                    <th scope="col">{t('clist.col.applicant')}</th>
                    <th scope="col">{t('clist.col.office')}</th>
                    <th scope="col">{t('clist.col.stage')}</th>
                    <th scope="col">{t('clist.col.accepted')}</th>
                    <th scope="col">{t('clist.col.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((item) => {
                    const office = offices.get(item.office);
                    return (
                      <tr key={item.id} className={item.overdue ? 'clist-row-overdue' : undefined}>
                        <th scope="row" className="clist-number">
                          <Link to={`/cases/${item.id}`}>{item.number}</Link>
                        </th>
                        <td>{item.service.title}</td>
                        <td>
                          {item.applicant.name}
                          {item.applicant.phone && (
                            <span className="small muted block">{item.applicant.phone}</span>
                          )}
                        </td>
                        <td>{office?.name ?? item.office}</td>
                        <td>{item.stage.title}</td>
                        <td>{w.dayOf(item.acceptedAt, office?.timeZone)}</td>
                        <td>
                          {item.final ? (
                            <span className="muted">{w.day(item.dueDate)}</span>
                          ) : (
                            w.day(item.dueDate)
                          )}{' '}
                          <CaseMarks item={item} timeZone={office?.timeZone} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
          {rows.length === 0 && <p className="muted">{t('clist.empty')}</p>}
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
      )}
    </section>
  );
}
