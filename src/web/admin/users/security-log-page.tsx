/**
 * /admin/security-log: sign-ins, failures, locks, password and role changes, refusals — filtered, newest
 * first; results in words, each browser as «Chrome 156, Linux» with the full User-Agent on hover.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { securityEvents } from '../../../shared/auth.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import type { SecurityLogParams } from '../api.js';
import { ChoiceField, TextField } from '../components/fields.js';
import { ListPage } from '../components/list-page.js';
import { adminQueries } from '../queries.js';
import { summarizeUserAgent } from './user-agent.js';

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
  const resultName = (r: string) =>
    r === 'ok' || r === 'refused' || r === 'failed' ? t(`admin.result.${r}`) : r;
  const browser = (userAgent: string | null) => {
    if (!userAgent) return '—';
    const { browser: name, os } = summarizeUserAgent(userAgent);
    const short = name && os ? t('admin.uaOn', { browser: name, os }) : (name ?? os ?? t('admin.uaUnknown'));
    return (
      <span className="small" title={userAgent}>
        {short}
      </span>
    );
  };
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
  const filtersForm = (
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
  );
  return (
    <ListPage
      breadcrumbs={<Link to="/admin/users">{t('admin.users')}</Link>}
      title={t('admin.securityLog')}
      filters={filtersForm}
      query={log}
      rows={log.data?.items}
      rowKey={(e) => e.id}
      testId="security-log"
      empty={t('admin.logEmpty')}
      paging={log.data && { page, pages: Math.max(1, Math.ceil(log.data.total / limit)), onPage: setPage }}
      columns={[
        { header: t('admin.when'), cell: (e) => <time dateTime={e.at}>{when.format(new Date(e.at))}</time> },
        { header: t('staff.login'), cell: (e) => e.login ?? '—', rowHeader: true },
        { header: t('admin.event'), cell: (e) => eventName(e.event) },
        { header: t('admin.result'), cell: (e) => resultName(e.result) },
        { header: t('admin.ip'), cell: (e) => e.ip ?? '—' },
        { header: t('admin.userAgent'), cell: (e) => browser(e.userAgent) },
      ]}
    />
  );
}
