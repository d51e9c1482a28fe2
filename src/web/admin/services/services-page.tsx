/**
 * /admin/services: the services with search and status (published / with a draft / never published),
 * 50 a page; «Новая услуга» creates a draft from a code and titles. /admin/services/new is that form.
 */

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { adminServicesQuerySchema } from '../../../shared/catalog.admin.js';
import { Badge, Pagination, QueryStatus, SelectField } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';

const limit = 50;

export function ServicesPage() {
  const { t, tn } = useT();
  useTitle(t('admin.services'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [query, setQuery] = useState(q);
  const list = useQuery(
    adminQueries.services({
      q: q || undefined,
      status: adminServicesQuerySchema.shape.status.safeParse(status || undefined).data,
      page,
      limit,
    }),
  );
  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.services')}</h1>
        <Link to="/admin/services/new" className="button button-primary">
          {t('admin.serviceNew')}
        </Link>
      </div>
      <form
        aria-label={t('catalog.filters')}
        className="filters-row"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: query.trim(), page: '' });
        }}
      >
        <div className="field">
          <label htmlFor="services-q">{t('catalog.query')}</label>
          <div className="search-row">
            <input id="services-q" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="submit" className="button button-primary">
              {t('common.search')}
            </button>
          </div>
        </div>
        <SelectField
          label={t('admin.status')}
          value={status}
          onChange={(value) => update({ status: value, page: '' })}
          options={[
            { value: 'published', label: t('admin.statusPublished') },
            { value: 'draft', label: t('admin.statusDraft') },
            { value: 'unpublished', label: t('admin.statusUnpublished') },
          ]}
        />
      </form>
      <QueryStatus query={list} />
      {list.data && (
        <>
          <p className="result-count" aria-live="polite">
            {tn('common.services', list.data.total)}
          </p>
          <div className="table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.serviceTitle')}</th>
                  <th scope="col">{t('service.agency')}</th>
                  <th scope="col">{t('admin.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.code}>
                    <th scope="row">
                      <Link to={`/admin/services/${s.code}`}>{s.title}</Link>
                      <span className="small muted block">{s.code}</span>
                    </th>
                    <td>{s.agency ?? '—'}</td>
                    <td>
                      {s.publishedVersion !== null && (
                        <Badge tone="ok">{t('admin.publishedV', { v: s.publishedVersion })}</Badge>
                      )}
                      {s.draftVersion !== null && (
                        <Badge tone="warn">{t('admin.draftV', { v: s.draftVersion })}</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pages={Math.max(1, Math.ceil(list.data.total / limit))}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </>
  );
}

export function NewServicePage() {
  const { t } = useT();
  useTitle(t('admin.serviceNew'));
  const navigate = useNavigate();
  const [draft, setDraft] = useState({ code: '', title: '', shortTitle: '' });
  const save = useSubmit();
  const labels: Record<string, string> = {
    code: t('admin.code'),
    title: t('admin.serviceTitle'),
    shortTitle: t('admin.shortTitle'),
  };
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.run(
      () => adminApi.createService(draft),
      (s) => navigate(`/admin/services/${s.code}`),
    );
  };
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/services">{t('admin.services')}</Link>
      </p>
      <h1>{t('admin.serviceNew')}</h1>
      <form onSubmit={submit} noValidate className="admin-form">
        <ErrorSummary form="new-service" errors={save.errors} label={(p) => labels[p] ?? p} />
        <TextField
          form="new-service"
          path="code"
          label={labels.code}
          hint={t('admin.codeHint')}
          value={draft.code}
          onChange={set('code')}
          errors={save.errors}
          required
        />
        <TextField
          form="new-service"
          path="title"
          label={labels.title}
          value={draft.title}
          onChange={set('title')}
          errors={save.errors}
          required
        />
        <TextField
          form="new-service"
          path="shortTitle"
          label={labels.shortTitle}
          value={draft.shortTitle}
          onChange={set('shortTitle')}
          errors={save.errors}
          required
        />
        <SubmitStatus state={save} />
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('admin.create')}
        </button>
      </form>
    </>
  );
}
