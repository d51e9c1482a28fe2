/** Side panels of the service editor: the versions (draft, published, archived) and the offices offering it. */
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../app/api.js';
import { Badge, ErrorNotice, Loading } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';

export function VersionsPanel({ code, reloadKey }: { code: string; reloadKey: unknown }) {
  const { t, locale } = useT();
  const versions = useApi((signal) => adminApi.serviceVersions(code, signal), [code, reloadKey]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const tone = { draft: 'warn', published: 'ok', archived: 'neutral' } as const;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('admin.versions')}</h2>
      {versions.error && <ErrorNotice error={versions.error} onRetry={versions.reload} />}
      {!versions.data && versions.loading && <Loading />}
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
  const loaded = useApi((signal) => adminApi.serviceOffices(code, signal), [code]);
  const [listed, setListed] = useState('');
  useEffect(() => setListed(loaded.data?.offices.join(', ') ?? ''), [loaded.data]);
  const save = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const offices = listed.split(/[\s,;]+/).filter(Boolean);
    save.run(
      () => adminApi.setServiceOffices(code, offices),
      () => loaded.reload(),
    );
  };
  return (
    <section aria-labelledby="service-offices-title">
      <h2 id="service-offices-title">{t('service.offices')}</h2>
      {loaded.error && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
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
        </>
      )}
    </section>
  );
}
