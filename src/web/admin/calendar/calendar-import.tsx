/**
 * Import of a year's calendar (replaces the year's entries): CSV lines `date,kind,note` or a JSON array,
 * pasted or read from a file.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';

export function CalendarImport({ year }: { year: number }) {
  const { t } = useT();
  const [target, setTarget] = useState(String(year));
  useEffect(() => setTarget(String(year)), [year]);
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [content, setContent] = useState('');
  const save = useSubmit();
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setContent(await file.text());
    if (file.name.toLowerCase().endsWith('.json')) setFormat('json');
    else if (file.name.toLowerCase().endsWith('.csv')) setFormat('csv');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.run(() => adminApi.importCalendar({ year: Number(target), format, content }));
  };
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
      <ErrorSummary form="import" errors={save.errors} />
      <div className="form-grid">
        <TextField
          form="import"
          path="year"
          type="number"
          label={t('admin.year')}
          value={target}
          onChange={setTarget}
          errors={save.errors}
        />
        <ChoiceField
          form="import"
          path="format"
          label={t('admin.format')}
          value={format}
          onChange={(v) => setFormat(v as 'csv' | 'json')}
          errors={save.errors}
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
        value={content}
        onChange={setContent}
        errors={save.errors}
      />
      <SubmitStatus state={save} testId="import-status" />
      <button type="submit" className="button button-primary" disabled={save.busy || !content.trim()}>
        {t('admin.import')}
      </button>
    </form>
  );
}
