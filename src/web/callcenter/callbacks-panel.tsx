/**
 * «Перезвонить»: a call-back promised to a number (the one looked up, by default) at a time, with a note;
 * and the call center's open call-backs by due time, the overdue ones marked, each with «Выполнено».
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { z } from 'zod';
import { type Call, phoneInputSchema } from '../../shared/callcenter.js';
import { ErrorSummary, TextField } from '../admin/components/fields.js';
import { SubmitStatus, useSubmit } from '../admin/components/use-submit.js';
import { useZodForm } from '../admin/components/use-zod-form.js';
import { QueryStatus } from '../app/components.js';
import { callcenterApi } from './api.js';
import { callcenterQueries } from './queries.js';
import { localInputValue, useCallWords } from './words.js';

/** The form's rows: the due time as the `datetime-local` input gives it (local time), sent as an instant. */
const callbackFormSchema = z.object({
  phone: phoneInputSchema,
  due: z.string().min(1),
  note: z.string().max(2000),
});
/** The server names the instant `dueAt`; the form's field is `due`. */
const formPath = (path: string) => (path === 'dueAt' ? 'due' : path);

const inAnHour = () => {
  const date = new Date(Date.now() + 3600_000);
  date.setMinutes(Math.ceil(date.getMinutes() / 5) * 5, 0, 0);
  return localInputValue(date);
};

export function CallbacksPanel({ call, phone }: { call: Call | null; phone: string }) {
  const { t } = useCallWords();
  const form = useZodForm(callbackFormSchema, {
    defaultValues: { phone, due: inAnHour(), note: '' },
    mapPath: formPath,
  });
  const { setValue, getValues, reset } = form;
  // the number just looked up is the one to call back, unless another was typed here
  const shownPhone = useRef(phone);
  useEffect(() => {
    const typed = getValues('phone');
    if (typed === '' || typed === shownPhone.current) setValue('phone', phone);
    shownPhone.current = phone;
  }, [phone, getValues, setValue]);
  const labels: Record<string, string> = {
    phone: t('callcenter.phone'),
    due: t('callcenter.dueAt'),
    note: t('callcenter.note'),
  };
  return (
    <section aria-labelledby="cc-callbacks" className="cc-panel" data-testid="callbacks-panel">
      <h2 id="cc-callbacks">{t('callcenter.callbacks')}</h2>
      <form
        aria-labelledby="cc-callback-form"
        noValidate
        onSubmit={form.submit(
          (values) =>
            callcenterApi.createCallback({
              phone: values.phone,
              dueAt: new Date(values.due).toISOString(),
              note: values.note,
              ...(call ? { callId: call.id } : {}),
            }),
          () => reset({ phone: '', due: inAnHour(), note: '' }),
          t('callcenter.callbackSaved'),
        )}
      >
        <h3 id="cc-callback-form">{t('callcenter.callback')}</h3>
        <ErrorSummary form="callback" errors={form.errors} label={(path) => labels[path] ?? path} />
        <TextField
          form="callback"
          path="phone"
          type="tel"
          autoComplete="off"
          label={t('callcenter.phone')}
          errors={form.errors}
          field={form.register('phone')}
        />
        <div className="field">
          <label htmlFor="callback-due">{t('callcenter.dueAt')}</label>
          <input
            id="callback-due"
            type="datetime-local"
            aria-invalid={form.errors.due ? true : undefined}
            aria-describedby={form.errors.due ? 'callback-due-error' : undefined}
            {...form.register('due')}
          />
          {form.errors.due && (
            <p className="field-error" id="callback-due-error">
              {form.errors.due}
            </p>
          )}
        </div>
        <TextField
          form="callback"
          path="note"
          label={t('callcenter.note')}
          hint={t('callcenter.noteHint')}
          multiline
          rows={2}
          errors={form.errors}
          field={form.register('note')}
        />
        <button type="submit" className="button button-primary" disabled={form.state.busy}>
          {t('callcenter.callbackSave')}
        </button>
        <SubmitStatus state={form.state} />
      </form>
      <OpenCallbacks />
    </section>
  );
}

function OpenCallbacks() {
  const words = useCallWords();
  const { t } = words;
  const open = useQuery(callcenterQueries.callbacks('open'));
  const done = useSubmit();
  return (
    <>
      <h3>{t('callcenter.openCallbacks')}</h3>
      <QueryStatus query={open} />
      {open.data?.length === 0 && <p className="muted">{t('callcenter.noCallbacks')}</p>}
      {open.data && open.data.length > 0 && (
        <ul className="cc-list" data-testid="open-callbacks">
          {open.data.map((c) => (
            <li key={c.id} className={c.overdue ? 'cc-overdue' : undefined}>
              <div className="cc-row">
                <span>
                  <strong>{words.at(c.dueAt)}</strong>
                  {c.overdue && <span className="badge badge-warn">{t('callcenter.overdue')}</span>} ·{' '}
                  {c.phone}
                  {c.note && <span className="block">{c.note}</span>}
                </span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={done.busy}
                  onClick={() => void done.run(() => callcenterApi.callbackDone(c.id), undefined, '')}
                >
                  {t('callcenter.done')}
                  <span className="visually-hidden">
                    {' '}
                    {words.at(c.dueAt)} {c.phone}
                  </span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {done.error && <SubmitStatus state={done} />}
    </>
  );
}
