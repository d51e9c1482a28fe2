/**
 * /admin/services: the services with search and status (published / with a draft / never published),
 * 50 a page; «Новая услуга» creates a draft from a code and titles. /admin/services/new is that form.
 */

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { adminServicesQuerySchema, serviceCreateSchema } from '../../../shared/catalog.admin.js';
import { Badge, SelectField } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { portalQueries } from '../../portal/queries.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { ListPage } from '../components/list-page.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
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
  // the list carries agency codes: show each agency by its short name (the full one on hover)
  const agencies = useQuery(portalQueries.agencies());
  const agency = (code: string | null) => agencies.data?.find((a) => a.code === code);
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
    <ListPage
      title={t('admin.services')}
      newAction={
        <Link to="/admin/services/new" className="button button-primary">
          {t('admin.serviceNew')}
        </Link>
      }
      filters={
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
      }
      query={list}
      rows={list.data?.items}
      rowKey={(s) => s.code}
      count={list.data && tn('common.services', list.data.total)}
      paging={
        list.data && {
          page,
          pages: Math.max(1, Math.ceil(list.data.total / limit)),
          onPage: (p) => update({ page: String(p) }),
        }
      }
      columns={[
        {
          header: t('admin.serviceTitle'),
          cell: (s) => (
            <>
              <Link to={`/admin/services/${s.code}`}>{s.title}</Link>
              <span className="small muted block">{s.code}</span>
            </>
          ),
        },
        {
          header: t('service.agency'),
          cell: (s) => {
            const found = agency(s.agency);
            if (!found) return s.agency === null ? '—' : agencies.isPending ? '' : s.agency;
            return <span title={found.name}>{found.shortName}</span>;
          },
        },
        {
          header: t('admin.status'),
          cell: (s) => (
            <>
              {s.publishedVersion !== null && (
                <Badge tone="ok">{t('admin.publishedV', { v: s.publishedVersion })}</Badge>
              )}
              {s.draftVersion !== null && (
                <Badge tone="warn">{t('admin.draftV', { v: s.draftVersion })}</Badge>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/** A new service: its code and titles; the rest is filled in the editor before publishing. */
const newServiceSchema = serviceCreateSchema.pick({ code: true, title: true, shortTitle: true });

export function NewServicePage() {
  const { t } = useT();
  useTitle(t('admin.serviceNew'));
  const navigate = useNavigate();
  const form = useZodForm(newServiceSchema, { defaultValues: { code: '', title: '', shortTitle: '' } });
  const labels: Record<string, string> = {
    code: t('admin.code'),
    title: t('admin.serviceTitle'),
    shortTitle: t('admin.shortTitle'),
  };
  const submit = form.submit(
    (values) => adminApi.createService(values),
    (s) => navigate(`/admin/services/${s.code}`),
  );
  const f = { form: 'new-service', errors: form.errors, required: true };
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/services">{t('admin.services')}</Link>
      </p>
      <h1>{t('admin.serviceNew')}</h1>
      <form onSubmit={submit} noValidate className="admin-form">
        <ErrorSummary form="new-service" errors={form.errors} label={(p) => labels[p] ?? p} />
        <TextField
          {...f}
          path="code"
          label={labels.code}
          hint={t('admin.codeHint')}
          field={form.register('code')}
        />
        <TextField {...f} path="title" label={labels.title} field={form.register('title')} />
        <TextField {...f} path="shortTitle" label={labels.shortTitle} field={form.register('shortTitle')} />
        <SubmitStatus state={form.state} />
        <button type="submit" className="button button-primary" disabled={form.state.busy}>
          {t('admin.create')}
        </button>
      </form>
    </>
  );
}
