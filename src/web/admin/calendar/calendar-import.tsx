/**
 * Import of a year's calendar (replaces the year's entries): CSV lines `date,kind,note` or a JSON array,
 * pasted or read from a file.
 */
import { calendarImportBodySchema } from '../../../shared/network.admin.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';

export function CalendarImport({ year }: { year: number }) {
  const { t } = useT();
  // keyed by the year on the page: the target year starts as the year shown
  const form = useZodForm(calendarImportBodySchema, { defaultValues: { year, format: 'csv', content: '' } });
  const save = form.state;
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    form.setValue('content', await file.text(), { shouldDirty: true });
    if (file.name.toLowerCase().endsWith('.json')) form.setValue('format', 'json');
    else if (file.name.toLowerCase().endsWith('.csv')) form.setValue('format', 'csv');
  };
  const submit = form.submit((body) => adminApi.importCalendar(body));
  return (
    <form
      onSubmit={submit}
      noValidate
      className="admin-form"
      aria-labelledby="import-title"
      data-testid="calendar-import"
    >
      <h2 id="import-title">{t('admin.importTitle')}</h2>
      <p className="small muted">{t('admin.importHint')}</p>
      <ErrorSummary form="import" errors={form.errors} />
      <div className="form-grid">
        <TextField
          form="import"
          path="year"
          type="number"
          label={t('admin.year')}
          field={form.register('year', { valueAsNumber: true })}
          errors={form.errors}
        />
        <ChoiceField
          form="import"
          path="format"
          label={t('admin.format')}
          field={form.register('format')}
          errors={form.errors}
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'json', label: 'JSON' },
          ]}
        />
        <div className="field">
          <label htmlFor="import-file">{t('admin.importFile')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => readFile(e.target.files?.[0])}
          />
        </div>
      </div>
      <TextField
        form="import"
        path="content"
        multiline
        rows={6}
        label={t('admin.importContent')}
        field={form.register('content')}
        errors={form.errors}
      />
      <SubmitStatus state={save} testId="import-status" />
      <button
        type="submit"
        className="button button-primary"
        disabled={save.busy || !form.watch('content').trim()}
      >
        {t('admin.import')}
      </button>
    </form>
  );
}
