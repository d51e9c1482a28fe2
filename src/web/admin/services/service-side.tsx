/** Side panels of the service editor: the versions (draft, published, archived) and the offices offering it. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Badge, QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';

export function VersionsPanel({ code }: { code: string }) {
  const { t, locale } = useT();
  const versions = useQuery(adminQueries.serviceVersions(code));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const tone = { draft: 'warn', published: 'ok', archived: 'neutral' } as const;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('admin.versions')}</h2>
      <QueryStatus query={versions} />
      {versions.data && (
        <div className="table-wrap">
          <table className="admin-table" data-testid="versions">
            <thead>
              <tr>
                <th scope="col">{t('admin.version')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.serviceTitle')}</th>
                <th scope="col">{t('admin.createdAt')}</th>
                <th scope="col">{t('admin.publishedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>
                    <Badge tone={tone[v.status]}>{t(`admin.versionStatus.${v.status}`)}</Badge>
                  </td>
                  <td>{v.title}</td>
                  <td>
                    {when.format(new Date(v.createdAt))}
                    {v.createdBy && <span className="muted"> · {v.createdBy}</span>}
                  </td>
                  <td>{v.publishedAt ? when.format(new Date(v.publishedAt)) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ServiceOfficesPanel({ code }: { code: string }) {
  const { t } = useT();
  const loaded = useQuery(adminQueries.serviceOffices(code));
  return (
    <section aria-labelledby="service-offices-title">
      <h2 id="service-offices-title">{t('service.offices')}</h2>
      <QueryStatus query={loaded} />
      {loaded.data && (
        <>
          <p>
            {t('admin.offeringAll')}:{' '}
            {loaded.data.officesOfferingAll.length === 0
              ? '—'
              : loaded.data.officesOfferingAll.map((o, i) => (
                  <span key={o}>
                    {i > 0 && ', '}
                    <Link to={`/admin/offices/${o}`}>{o}</Link>
                  </span>
                ))}
          </p>
          <ListedOfficesForm key={loaded.data.offices.join(',')} code={code} offices={loaded.data.offices} />
        </>
      )}
    </section>
  );
}

/** The offices listing a service, as a draft of codes; the saved list comes back through the query. */
function ListedOfficesForm({ code, offices }: { code: string; offices: string[] }) {
  const { t } = useT();
  const [listed, setListed] = useState(offices.join(', '));
  const save = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.run(() => adminApi.setServiceOffices(code, listed.split(/[\s,;]+/).filter(Boolean)));
  };
  return (
    <form onSubmit={submit} noValidate className="admin-form">
      <TextField
        form="service-offices"
        path="offices"
        label={t('admin.listedOffices')}
        hint={t('admin.codesHint')}
        value={listed}
        onChange={setListed}
        errors={save.errors}
      />
      <SubmitStatus state={save} />
      <button type="submit" className="button" disabled={save.busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
