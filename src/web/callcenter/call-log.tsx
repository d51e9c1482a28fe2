/** The call log: the operator's calls, newest first (an admin may see every operator's), long ones marked. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { clockText } from '../../shared/callcenter.js';
import { CheckField } from '../admin/components/fields.js';
import { TableScroll } from '../admin/components/list-page.js';
import { Badge, Pagination, QueryStatus } from '../app/components.js';
import { hasRole, useMe } from '../staff/auth.js';
import { callcenterQueries, myLatestCalls } from './queries.js';
import { useCallWords } from './words.js';

export function CallLog() {
  const words = useCallWords();
  const { t } = words;
  const { me } = useMe();
  const admin = hasRole(me, 'admin');
  const [everyone, setEveryone] = useState(false);
  const [page, setPage] = useState(1);
  const params = everyone ? { page, limit: myLatestCalls.limit } : { ...myLatestCalls, page };
  const calls = useQuery(callcenterQueries.calls(params));
  const pages = calls.data ? Math.max(1, Math.ceil(calls.data.total / (params.limit ?? 20))) : 1;
  return (
    <section aria-labelledby="cc-log" className="cc-log" data-testid="call-log">
      <h2 id="cc-log">{t('callcenter.log')}</h2>
      {admin && (
        <CheckField
          form="log"
          path="everyone"
          label={t('callcenter.allOperators')}
          checked={everyone}
          onChange={(checked) => {
            setEveryone(checked);
            setPage(1);
          }}
        />
      )}
      <QueryStatus query={calls} />
      {calls.data?.items.length === 0 && <p className="muted">{t('callcenter.noCalls')}</p>}
      {calls.data && calls.data.items.length > 0 && (
        <TableScroll label={t('callcenter.log')}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('callcenter.col.started')}</th>
                <th scope="col">{t('callcenter.col.duration')}</th>
                <th scope="col">{t('callcenter.col.phone')}</th>
                <th scope="col">{t('callcenter.col.outcome')}</th>
                <th scope="col">{t('callcenter.col.service')}</th>
                <th scope="col">{t('callcenter.col.note')}</th>
                {everyone && <th scope="col">{t('callcenter.col.operator')}</th>}
              </tr>
            </thead>
            <tbody>
              {calls.data.items.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{words.at(c.startedAt)}</td>
                  <td className="nowrap">
                    {c.running ? t('callcenter.inProgress') : clockText(c.durationSeconds)}
                    {c.long && <Badge tone="warn">{t('callcenter.long')}</Badge>}
                  </td>
                  <td className="nowrap">
                    {c.phone ?? <span className="muted">{t('callcenter.noPhone')}</span>}
                  </td>
                  <td>{c.outcome ? words.outcome(c.outcome) : ''}</td>
                  <td>{c.service?.title ?? ''}</td>
                  <td>{c.note}</td>
                  {everyone && <td>{c.operator.login}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pages={pages} onPage={setPage} />
    </section>
  );
}
