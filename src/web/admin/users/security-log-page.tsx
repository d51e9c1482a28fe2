/** /admin/security-log: sign-ins, failures, locks, password and role changes, refusals — filtered, newest first. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { securityEvents } from '../../../shared/auth.js';
import { Pagination, QueryStatus } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import type { SecurityLogParams } from '../api.js';
import { ChoiceField, TextField } from '../components/fields.js';
import { adminQueries } from '../queries.js';

const events = securityEvents;
const limit = 50;

export function SecurityLogPage() {
  const { t, locale } = useT();
  useTitle(t('admin.securityLog'));
  const [draft, setDraft] = useState({ login: '', event: '', from: '', to: '' });
  const [filters, setFilters] = useState<SecurityLogParams>({});
  const [page, setPage] = useState(1);
  const log = useQuery(adminQueries.securityLog({ ...filters, page, limit }));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const eventName = (e: string) =>
    (events as readonly string[]).includes(e) ? t(`admin.event.${e as (typeof events)[number]}`) : e;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters({
      login: draft.login.trim() || undefined,
      event: draft.event || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    });
  };
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/users">{t('admin.users')}</Link>
      </p>
      <h1>{t('admin.securityLog')}</h1>
      <form onSubmit={submit} className="admin-form" aria-label={t('catalog.filters')}>
        <div className="form-grid">
          <TextField
            form="log"
            path="login"
            label={t('staff.login')}
            value={draft.login}
            onChange={set('login')}
          />
          <ChoiceField
            form="log"
            path="event"
            label={t('admin.event')}
            value={draft.event}
            onChange={set('event')}
            options={[
              { value: '', label: t('common.all') },
              ...events.map((e) => ({ value: e, label: eventName(e) })),
            ]}
          />
          <TextField
            form="log"
            path="from"
            type="date"
            label={t('admin.from')}
            value={draft.from}
            onChange={set('from')}
          />
          <TextField
            form="log"
            path="to"
            type="date"
            label={t('admin.to')}
            value={draft.to}
            onChange={set('to')}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('common.search')}
        </button>
      </form>
      <QueryStatus query={log} />
      {log.data && (
        <>
          <div className="table-wrap">
            <table className="admin-table" data-testid="security-log">
              <thead>
                <tr>
                  <th scope="col">{t('admin.when')}</th>
                  <th scope="col">{t('staff.login')}</th>
                  <th scope="col">{t('admin.event')}</th>
                  <th scope="col">{t('admin.result')}</th>
                  <th scope="col">IP</th>
                  <th scope="col">{t('admin.userAgent')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                    </td>
                    <th scope="row">{e.login ?? '—'}</th>
                    <td>{eventName(e.event)}</td>
                    <td>{e.result}</td>
                    <td>{e.ip ?? '—'}</td>
                    <td className="small">{e.userAgent ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.data.items.length === 0 && <p className="muted">{t('admin.logEmpty')}</p>}
          <Pagination page={page} pages={Math.max(1, Math.ceil(log.data.total / limit))} onPage={setPage} />
        </>
      )}
    </>
  );
}
