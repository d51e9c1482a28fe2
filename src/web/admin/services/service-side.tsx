/** Side panels of the service editor: the versions (draft, published, archived) and the offices offering it. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { sortedBy } from '../../../shared/collation.js';
import { Badge, QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { portalQueries } from '../../portal/queries.js';
import { hasRole, useMe } from '../../staff/auth.js';
import { adminApi } from '../api.js';
import { TableScroll } from '../components/list-page.js';
import { PickList, type PickOption } from '../components/pick-list.js';
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
        <TableScroll label={t('admin.versions')}>
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
        </TableScroll>
      )}
    </section>
  );
}

/** Office names with their district, «Липецк, Космонавтов (Липецк)», from the public list of offices. */
function useOfficeNames() {
  const { t } = useT();
  const offices = useQuery(portalQueries.offices({}));
  const byCode = new Map((offices.data ?? []).map((o) => [o.code, o]));
  const name = (code: string) => {
    const office = byCode.get(code);
    return office
      ? t('admin.officeWithDistrict', { name: office.name, district: office.district.name })
      : code;
  };
  return { offices, name };
}

export function ServiceOfficesPanel({ code }: { code: string }) {
  const { t } = useT();
  const loaded = useQuery(adminQueries.serviceOffices(code));
  const { offices, name } = useOfficeNames();
  const canEditOffices = hasRole(useMe().me, 'admin');
  const all = sortedBy(loaded.data?.officesOfferingAll ?? [], name);
  return (
    <section aria-labelledby="service-offices-title">
      <h2 id="service-offices-title">{t('service.offices')}</h2>
      <QueryStatus query={loaded} />
      {loaded.data && (
        <>
          <p>{t('admin.offeringAll')}:</p>
          {all.length === 0 ? (
            <p>—</p>
          ) : (
            <ul className="link-list" data-testid="offices-offering-all">
              {all.map((o) => (
                <li key={o}>
                  {canEditOffices ? <Link to={`/admin/offices/${o}`}>{name(o)}</Link> : name(o)}
                </li>
              ))}
            </ul>
          )}
          {/* keyed by the service, not the list: a save must not remount the form and lose its «Сохранено» */}
          <ListedOfficesForm
            key={code}
            code={code}
            offices={loaded.data.offices}
            options={(offices.data ?? []).map((o) => ({
              value: o.code,
              label: o.name,
              detail: o.district.name,
            }))}
            loading={offices.isPending}
          />
        </>
      )}
    </section>
  );
}

/** The offices listing a service, picked by name; the saved list comes back through the query. */
function ListedOfficesForm({
  code,
  offices,
  options,
  loading,
}: {
  code: string;
  offices: string[];
  options: PickOption[];
  loading: boolean;
}) {
  const { t } = useT();
  const [listed, setListed] = useState(offices);
  const save = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.run(() => adminApi.setServiceOffices(code, listed));
  };
  return (
    <form onSubmit={submit} noValidate className="admin-form" data-testid="listed-offices">
      <PickList
        form="service-offices"
        path="offices"
        label={t('admin.listedOffices')}
        options={options}
        loading={loading}
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
