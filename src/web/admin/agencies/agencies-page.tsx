/** /admin/agencies: the agencies (name, short name, level) with their number of services; edit or create. */
import { useQuery } from '@tanstack/react-query';
import { type AdminAgency, agencyInputSchema } from '../../../shared/catalog.admin.js';
import { agencyLevelSchema } from '../../../shared/catalog.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { FormPanel, ListPage, useEditing } from '../components/list-page.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { adminQueries } from '../queries.js';

const codeOf = (a: AdminAgency) => a.code;

export function AgenciesPage() {
  const { t } = useT();
  useTitle(t('admin.agencies'));
  const list = useQuery(adminQueries.agencies());
  const editing = useEditing(list.data, codeOf);
  return (
    <ListPage
      title={t('admin.agencies')}
      newAction={
        <button type="button" className="button button-primary" onClick={editing.openNew}>
          {t('admin.agencyNew')}
        </button>
      }
      query={list}
      rows={list.data}
      rowKey={codeOf}
      testId="agencies"
      columns={[
        { header: t('admin.name'), cell: (a) => a.name },
        { header: t('admin.shortName'), cell: (a) => a.shortName },
        { header: t('admin.level'), cell: (a) => t(`level.${a.level}`) },
        { header: t('nav.services'), cell: (a) => a.serviceCount },
      ]}
      onEdit={editing.open}
      editLabel={(a) => a.shortName}
    >
      {editing.current && (
        <AgencyForm key={editing.formKey} agency={editing.item} onCreated={(a) => editing.adopt(a.code)} />
      )}
    </ListPage>
  );
}

function AgencyForm({ agency, onCreated }: { agency?: AdminAgency; onCreated: (a: AdminAgency) => void }) {
  const { t } = useT();
  const form = useZodForm(agencyInputSchema, {
    defaultValues: {
      code: agency?.code ?? '',
      name: agency?.name ?? '',
      shortName: agency?.shortName ?? '',
      level: agency?.level ?? 'federal',
    },
  });
  const labels: Record<string, string> = {
    code: t('admin.code'),
    name: t('admin.name'),
    shortName: t('admin.shortName'),
    level: t('admin.level'),
  };
  const submit = form.submit(({ code, ...body }) =>
    agency
      ? adminApi.editAgency(agency.code, body)
      : adminApi.createAgency({ code, ...body }).then((created) => {
          onCreated(created);
          return created;
        }),
  );
  const f = { form: 'agency', errors: form.errors };
  return (
    <FormPanel id="agency-form" title={agency ? agency.shortName : t('admin.agencyNew')}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary form="agency" errors={form.errors} label={(p) => labels[p] ?? p} />
        <div className="form-grid">
          {!agency && (
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
          <TextField
            {...f}
            path="shortName"
            label={labels.shortName}
            field={form.register('shortName')}
            required
          />
          <ChoiceField
            {...f}
            path="level"
            label={labels.level}
            field={form.register('level')}
            options={agencyLevelSchema.options.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
        </div>
        <SubmitStatus state={form.state} />
        <button type="submit" className="button button-primary" disabled={form.state.busy}>
          {agency ? t('admin.save') : t('admin.create')}
        </button>
      </form>
      {agency && <HistoryPanel entity="agency" objectKey={agency.code} />}
    </FormPanel>
  );
}
