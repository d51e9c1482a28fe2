/**
 * /admin/districts: the districts (name, kind, population — it sets the legal minimum of office hours)
 * with the number of offices; «Изменить» opens the form with the district's history, «Новый район» an
 * empty form.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AdminDistrict } from '../../../shared/network.admin.js';
import { QueryStatus } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { useFocusOnMount } from '../components/use-focus.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';

export function DistrictsPage() {
  const { t, number } = useT();
  useTitle(t('admin.districts'));
  const list = useQuery(adminQueries.districts());
  const [editing, setEditing] = useState<AdminDistrict | 'new' | null>(null);
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.districts')}</h1>
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          {t('admin.districtNew')}
        </button>
      </div>
      <QueryStatus query={list} />
      {list.data && (
        <div className="table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.districtKind')}</th>
                <th scope="col">{t('admin.population')}</th>
                <th scope="col">{t('nav.offices')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((d) => (
                <tr key={d.code}>
                  <th scope="row">{d.name}</th>
                  <td>{t(d.kind === 'city' ? 'admin.districtCity' : 'admin.districtRural')}</td>
                  <td>{number(d.population)}</td>
                  <td>{d.officeCount}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('admin.editItem', { item: d.name })}
                      onClick={() => setEditing(d)}
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
        <DistrictForm
          key={editing === 'new' ? 'new' : editing.code}
          district={editing === 'new' ? undefined : editing}
          onSaved={(saved) => {
            setEditing(saved);
          }}
        />
      )}
    </>
  );
}

function DistrictForm({
  district,
  onSaved,
}: {
  district?: AdminDistrict;
  onSaved: (d: AdminDistrict) => void;
}) {
  const { t } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [draft, setDraft] = useState({
    code: district?.code ?? '',
    name: district?.name ?? '',
    kind: district?.kind ?? 'city',
    population: district ? String(district.population) : '',
  });
  const save = useSubmit();
  const [saves, setSaves] = useState(0);
  const labels: Record<string, string> = {
    code: t('admin.code'),
    name: t('admin.name'),
    kind: t('admin.districtKind'),
    population: t('admin.population'),
  };
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name,
      kind: draft.kind as 'city' | 'rural',
      population: Number(draft.population),
    };
    save.run(
      () =>
        district
          ? adminApi.editDistrict(district.code, body)
          : adminApi.createDistrict({ ...body, code: draft.code }),
      (saved) => {
        setSaves((n) => n + 1);
        onSaved(saved);
      },
    );
  };
  return (
    <section className="admin-form" aria-labelledby="district-form-title">
      <h2 id="district-form-title" ref={heading} tabIndex={-1}>
        {district ? district.name : t('admin.districtNew')}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary form="district" errors={save.errors} label={(p) => labels[p] ?? p} />
        <div className="form-grid">
          {!district && (
            <TextField
              form="district"
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
            form="district"
            path="name"
            label={labels.name}
            value={draft.name}
            onChange={set('name')}
            errors={save.errors}
            required
          />
          <ChoiceField
            form="district"
            path="kind"
            label={labels.kind}
            value={draft.kind}
            onChange={set('kind')}
            errors={save.errors}
            options={[
              { value: 'city', label: t('admin.districtCity') },
              { value: 'rural', label: t('admin.districtRural') },
            ]}
          />
          <TextField
            form="district"
            path="population"
            type="number"
            min={0}
            label={labels.population}
            value={draft.population}
            onChange={set('population')}
            errors={save.errors}
            required
          />
        </div>
        <SubmitStatus state={save} />
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {district ? t('admin.save') : t('admin.create')}
        </button>
      </form>
      {district && <HistoryPanel entity="district" objectKey={district.code} />}
    </section>
  );
}
