/**
 * Dated exceptions of an office: the list (date, closed or other hours, note) with «Удалить», and a form
 * to add one (PUT …/exceptions/:date; the same date again replaces it).
 */
import { type FormEvent, useState } from 'react';
import type { AdminOffice } from '../../../shared/network.admin.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';

export function ExceptionsEditor({
  office,
  onSaved,
}: {
  office: AdminOffice;
  /** After a save (the cache already holds the answer). */
  onSaved?: (office: AdminOffice) => void;
}) {
  const { t, date: formatDate } = useT();
  const [draft, setDraft] = useState({
    date: '',
    kind: 'closed' as 'closed' | 'hours',
    opens: '',
    closes: '',
    note: '',
  });
  const save = useSubmit();
  const remove = useSubmit();
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const labels: Record<string, string> = {
    date: t('admin.date'),
    kind: t('admin.exceptionKind'),
    opens: t('admin.opens'),
    closes: t('admin.closes'),
    note: t('office.remark'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind: draft.kind,
      opens: draft.kind === 'hours' ? draft.opens || null : null,
      closes: draft.kind === 'hours' ? draft.closes || null : null,
      note: draft.note.trim() || null,
    };
    save.run(
      () => adminApi.setException(office.code, draft.date, body),
      (saved) => {
        onSaved?.(saved);
        setDraft((d) => ({ ...d, date: '', note: '' }));
      },
    );
  };
  return (
    <section aria-labelledby="exceptions-title" data-testid="exceptions-editor">
      <h2 id="exceptions-title">{t('admin.exceptions')}</h2>
      {office.exceptions.length === 0 ? (
        <p className="muted">{t('admin.exceptionsEmpty')}</p>
      ) : (
        <ul className="link-list">
          {office.exceptions.map((e) => {
            const text = `${formatDate(e.date)} ${e.date.slice(0, 4)}: ${e.kind === 'closed' ? t('office.closed') : `${e.opens}–${e.closes}`}`;
            return (
              <li key={e.date} className="row-between">
                <span>
                  {text}
                  {e.note && <span className="muted"> · {e.note}</span>}
                </span>
                <button
                  type="button"
                  className="button button-small button-danger"
                  aria-label={t('admin.removeItem', { item: text })}
                  disabled={remove.busy}
                  onClick={() => remove.run(() => adminApi.removeException(office.code, e.date), onSaved)}
                >
                  {t('admin.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <SubmitStatus state={remove} />
      <form onSubmit={submit} noValidate className="admin-form">
        <h3>{t('admin.exceptionAdd')}</h3>
        <ErrorSummary form="exception" errors={save.errors} label={(path) => labels[path] ?? path} />
        <div className="form-grid">
          <TextField
            form="exception"
            path="date"
            type="date"
            label={labels.date}
            value={draft.date}
            onChange={set('date')}
            errors={save.errors}
            required
          />
          <ChoiceField
            form="exception"
            path="kind"
            label={labels.kind}
            value={draft.kind}
            onChange={set('kind')}
            errors={save.errors}
            options={[
              { value: 'closed', label: t('admin.exceptionClosed') },
              { value: 'hours', label: t('admin.exceptionHours') },
            ]}
          />
          {draft.kind === 'hours' && (
            <>
              <TextField
                form="exception"
                path="opens"
                type="time"
                label={labels.opens}
                value={draft.opens}
                onChange={set('opens')}
                errors={save.errors}
              />
              <TextField
                form="exception"
                path="closes"
                type="time"
                label={labels.closes}
                value={draft.closes}
                onChange={set('closes')}
                errors={save.errors}
              />
            </>
          )}
          <TextField
            form="exception"
            path="note"
            label={labels.note}
            value={draft.note}
            onChange={set('note')}
            errors={save.errors}
          />
        </div>
        <SubmitStatus state={save} testId="exception-status" />
        <button type="submit" className="button button-primary" disabled={save.busy || !draft.date}>
          {t('admin.add')}
        </button>
      </form>
    </section>
  );
}
