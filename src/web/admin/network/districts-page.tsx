/**
 * /admin/districts: the districts (name, kind, population — it sets the legal minimum of office hours)
 * with the number of offices; «Изменить» opens the form with the district's history, «Новый район» an
 * empty form.
 */
import { useQuery } from '@tanstack/react-query';
import type { AdminDistrict } from '../../../shared/network.admin.js';
import { districtInputSchema } from '../../../shared/network.admin.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { FormPanel, ListPage, useEditing } from '../components/list-page.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { adminQueries } from '../queries.js';

const codeOf = (d: AdminDistrict) => d.code;

export function DistrictsPage() {
  const { t, number } = useT();
  useTitle(t('admin.districts'));
  const list = useQuery(adminQueries.districts());
  const editing = useEditing(list.data, codeOf);
  return (
    <ListPage
      title={t('admin.districts')}
      newAction={
        <button type="button" className="button button-primary" onClick={editing.openNew}>
          {t('admin.districtNew')}
        </button>
      }
      query={list}
      rows={list.data}
      rowKey={codeOf}
      testId="districts"
      columns={[
        { header: t('admin.name'), cell: (d) => d.name },
        {
          header: t('admin.districtKind'),
          cell: (d) => t(d.kind === 'city' ? 'admin.districtCity' : 'admin.districtRural'),
        },
        { header: t('admin.population'), cell: (d) => number(d.population) },
        { header: t('nav.offices'), cell: (d) => d.officeCount },
      ]}
      onEdit={editing.open}
      editLabel={(d) => d.name}
    >
      {editing.current && (
        <DistrictForm
          key={editing.formKey}
          district={editing.item}
          onCreated={(d) => editing.adopt(d.code)}
        />
      )}
    </ListPage>
  );
}

function DistrictForm({
  district,
  onCreated,
}: {
  district?: AdminDistrict;
  onCreated: (d: AdminDistrict) => void;
}) {
  const { t } = useT();
  // the draft starts from the cached district; the code is fixed once created (the schema still checks it)
  const form = useZodForm(districtInputSchema, {
    defaultValues: {
      code: district?.code ?? '',
      name: district?.name ?? '',
      kind: district?.kind ?? 'city',
      population: district?.population,
    },
  });
  const labels: Record<string, string> = {
    code: t('admin.code'),
    name: t('admin.name'),
    kind: t('admin.districtKind'),
    population: t('admin.population'),
  };
  const submit = form.submit(({ code, ...body }) =>
    district
      ? adminApi.editDistrict(district.code, body)
      : adminApi.createDistrict({ code, ...body }).then((created) => {
          onCreated(created);
          return created;
        }),
  );
  const f = { form: 'district', errors: form.errors };
  return (
    <FormPanel id="district-form" title={district ? district.name : t('admin.districtNew')}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary form="district" errors={form.errors} label={(p) => labels[p] ?? p} />
        <div className="form-grid">
          {!district && (
            <TextField
              {...f}
              path="code"
              label={labels.code}
              hint={t('admin.codeHint')}
              field={form.register('code')}
              required
            />
          )}
          <TextField {...f} path="name" label={labels.name} field={form.register('name')} required />
          <ChoiceField
            {...f}
            path="kind"
            label={labels.kind}
            field={form.register('kind')}
            options={[
              { value: 'city', label: t('admin.districtCity') },
              { value: 'rural', label: t('admin.districtRural') },
            ]}
          />
          <TextField
            {...f}
            path="population"
            type="number"
            min={0}
            label={labels.population}
            field={form.register('population', { valueAsNumber: true })}
            required
          />
        </div>
        <SubmitStatus state={form.state} />
        <button type="submit" className="button button-primary" disabled={form.state.busy}>
          {district ? t('admin.save') : t('admin.create')}
        </button>
      </form>
      {district && <HistoryPanel entity="district" objectKey={district.code} />}
    </FormPanel>
  );
}
