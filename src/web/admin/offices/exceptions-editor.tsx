/**
 * Dated exceptions of an office: the list (date, closed or other hours, note) with «Удалить», and a form
 * to add one (PUT …/exceptions/:date; the same date again replaces it).
 */
import { z } from 'zod';
import { type AdminOffice, exceptionInputSchema } from '../../../shared/network.admin.js';
import { isoDateSchema } from '../../../shared/network.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';

/** A dated exception: the date (the URL's) and the shared exception body. */
const exceptionFormSchema = z.object({ date: isoDateSchema }).and(exceptionInputSchema);
/** An empty time or note is none (null). */
const orNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export function ExceptionsEditor({
  office,
  onSaved,
}: {
  office: AdminOffice;
  /** After a save (the cache already holds the answer). */
  onSaved?: (office: AdminOffice) => void;
}) {
  const { t, date: formatDate } = useT();
  const form = useZodForm(exceptionFormSchema, {
    defaultValues: { date: '', kind: 'closed', opens: null, closes: null, note: null },
  });
  const save = form.state;
  const remove = useSubmit();
  const kind = form.watch('kind');
  const labels: Record<string, string> = {
    date: t('admin.date'),
    kind: t('admin.exceptionKind'),
    opens: t('admin.opens'),
    closes: t('admin.closes'),
    note: t('office.remark'),
  };
  const submit = form.submit(
    ({ date, kind, opens, closes, note }) =>
      adminApi.setException(office.code, date, {
        kind,
        opens: kind === 'hours' ? opens : null,
        closes: kind === 'hours' ? closes : null,
        note: note?.trim() || null,
      }),
    (saved) => {
      onSaved?.(saved);
      form.setValue('date', '');
      form.setValue('note', null);
    },
  );
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
        <ErrorSummary form="exception" errors={form.errors} label={(path) => labels[path] ?? path} />
        <div className="form-grid">
          <TextField
            form="exception"
            path="date"
            type="date"
            label={labels.date}
            field={form.register('date')}
            errors={form.errors}
            required
          />
          <ChoiceField
            form="exception"
            path="kind"
            label={labels.kind}
            field={form.register('kind')}
            errors={form.errors}
            options={[
              { value: 'closed', label: t('admin.exceptionClosed') },
              { value: 'hours', label: t('admin.exceptionHours') },
            ]}
          />
          {kind === 'hours' && (
            <>
              <TextField
                form="exception"
                path="opens"
                type="time"
                label={labels.opens}
                field={form.register('opens', { setValueAs: orNull })}
                errors={form.errors}
              />
              <TextField
                form="exception"
                path="closes"
                type="time"
                label={labels.closes}
                field={form.register('closes', { setValueAs: orNull })}
                errors={form.errors}
              />
            </>
          )}
          <TextField
            form="exception"
            path="note"
            label={labels.note}
            field={form.register('note', { setValueAs: orNull })}
            errors={form.errors}
          />
        </div>
        <SubmitStatus state={save} testId="exception-status" />
        <button type="submit" className="button button-primary" disabled={save.busy || !form.watch('date')}>
          {t('admin.add')}
        </button>
      </form>
    </section>
  );
}
