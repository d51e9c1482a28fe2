/** /admin/agencies: the agencies (name, short name, level) with their number of services; edit or create. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AdminAgency } from '../../../shared/catalog.admin.js';
import { QueryStatus } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { useFocusOnMount } from '../components/use-focus.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';

const levels = ['federal', 'regional', 'municipal'] as const;

export function AgenciesPage() {
  const { t } = useT();
  useTitle(t('admin.agencies'));
  const list = useQuery(adminQueries.agencies());
  const [editing, setEditing] = useState<AdminAgency | 'new' | null>(null);
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.agencies')}</h1>
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          {t('admin.agencyNew')}
        </button>
      </div>
      <QueryStatus query={list} />
      {list.data && (
        <div className="table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.shortName')}</th>
                <th scope="col">{t('admin.level')}</th>
                <th scope="col">{t('nav.services')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <tr key={a.code}>
                  <th scope="row">{a.name}</th>
                  <td>{a.shortName}</td>
                  <td>{t(`level.${a.level}`)}</td>
                  <td>{a.serviceCount}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('admin.editItem', { item: a.shortName })}
                      onClick={() => setEditing(a)}
                    >
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.code}
          agency={editing === 'new' ? undefined : editing}
          onSaved={(saved) => {
            setEditing(saved);
          }}
        />
      )}
    </>
  );
}

function AgencyForm({ agency, onSaved }: { agency?: AdminAgency; onSaved: (a: AdminAgency) => void }) {
  const { t } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [draft, setDraft] = useState({
    code: agency?.code ?? '',
    name: agency?.name ?? '',
    shortName: agency?.shortName ?? '',
    level: agency?.level ?? 'federal',
  });
  const save = useSubmit();
  const [saves, setSaves] = useState(0);
  const labels: Record<string, string> = {
    code: t('admin.code'),
    name: t('admin.name'),
    shortName: t('admin.shortName'),
    level: t('admin.level'),
  };
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name,
      shortName: draft.shortName,
      level: draft.level as (typeof levels)[number],
    };
    save.run(
      () =>
        agency
          ? adminApi.editAgency(agency.code, body)
          : adminApi.createAgency({ ...body, code: draft.code }),
      (saved) => {
        setSaves((n) => n + 1);
        onSaved(saved);
      },
    );
  };
  return (
    <section className="admin-form" aria-labelledby="agency-form-title">
      <h2 id="agency-form-title" ref={heading} tabIndex={-1}>
        {agency ? agency.shortName : t('admin.agencyNew')}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary form="agency" errors={save.errors} label={(p) => labels[p] ?? p} />
        <div className="form-grid">
          {!agency && (
            <TextField
              form="agency"
              path="code"
              label={labels.code}
              hint={t('admin.codeHint')}
              value={draft.code}
              onChange={set('code')}
              errors={save.errors}
              required
            />
          )}
          <TextField
            form="agency"
            path="name"
            label={labels.name}
            value={draft.name}
            onChange={set('name')}
            errors={save.errors}
            required
          />
          <TextField
            form="agency"
            path="shortName"
            label={labels.shortName}
            value={draft.shortName}
            onChange={set('shortName')}
            errors={save.errors}
            required
          />
          <ChoiceField
            form="agency"
            path="level"
            label={labels.level}
            value={draft.level}
            onChange={set('level')}
            errors={save.errors}
            options={levels.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
        </div>
        <SubmitStatus state={save} />
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {agency ? t('admin.save') : t('admin.create')}
        </button>
      </form>
      {agency && <HistoryPanel entity="agency" objectKey={agency.code} />}
    </section>
  );
}
