/**
 * The console's forms that need more than a click, each validated by the shared body schema before it is
 * sent (src/shared/queue.ts: a refusal needs its reason, a redirect a service or a window), each taking the
 * focus when it opens: finish with the outcome, postpone (minutes, the region's default filled in),
 * redirect (to another of the office's services — found by a word — or to another window, optionally
 * coming back to this one), and a break with its reason. A refusal from the server is said in words.
 */
import { useEffect, useState } from 'react';
import {
  finishBodySchema,
  pauseBodySchema,
  postponeBodySchema,
  redirectBodySchema,
  type StaffTicket,
  ticketOutcomeSchema,
  type WindowState,
} from '../../shared/queue.js';
import { fieldId } from '../admin/components/errors.js';
import { CheckField, FieldError, TextField } from '../admin/components/fields.js';
import { useZodForm } from '../admin/components/use-zod-form.js';
import type { ApiError } from '../app/api.js';
import { queueApi } from './api.js';
import { useOfficeNames } from './office-data.js';
import { ServiceSelect } from './service-select.js';
import { QueueError, useQueueWords } from './words.js';

/** Focuses the element with this id once, when the form appears. */
function useFocusOnOpen(id: string) {
  useEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);
}

/** The server's refusal, unless it is a field's problem (the field shows that one). */
function Refusal({ state }: { state: { error: ApiError | null } }) {
  const error = state.error;
  if (!error || error.validationDetails.length > 0) return null;
  return <QueueError error={error} testId="op-form-error" />;
}

export function FinishForm({
  ticket,
  onDone,
}: {
  ticket: StaffTicket;
  onDone: (ticket: StaffTicket) => void;
}) {
  const { t, outcome } = useQueueWords();
  const form = useZodForm(finishBodySchema, { defaultValues: { reason: '' } });
  const chosen = form.watch('outcome');
  const outcomeId = fieldId('finish', 'outcome');
  useFocusOnOpen(`${outcomeId}-${ticketOutcomeSchema.options[0]}`);
  const outcomeError = form.errors.outcome;
  return (
    <form
      id="op-form-finish"
      className="op-form"
      aria-label={t('operator.finish')}
      noValidate
      onSubmit={form.submit(
        (values) =>
          queueApi.finish(ticket.id, {
            outcome: values.outcome,
            ...(values.outcome === 'refused' ? { reason: values.reason } : {}),
          }),
        onDone,
        '',
      )}
    >
      <fieldset
        className={outcomeError !== undefined ? 'op-choices field-invalid' : 'op-choices'}
        aria-describedby={outcomeError !== undefined ? `${outcomeId}-error` : undefined}
      >
        <legend>{t('operator.outcome')}</legend>
        {ticketOutcomeSchema.options.map((o) => (
          <div key={o} className="field-check">
            <input id={`${outcomeId}-${o}`} type="radio" value={o} {...form.register('outcome')} />
            <label htmlFor={`${outcomeId}-${o}`}>{outcome(o)}</label>
          </div>
        ))}
        <FieldError message={outcomeError} id={`${outcomeId}-error`} />
      </fieldset>
      {chosen === 'refused' && (
        <TextField
          form="finish"
          path="reason"
          label={t('operator.reason')}
          multiline
          rows={3}
          required
          errors={form.errors}
          field={form.register('reason')}
        />
      )}
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('operator.finish')}
      </button>
      <Refusal state={form.state} />
    </form>
  );
}

export function PostponeForm({
  ticket,
  minutes,
  onDone,
}: {
  ticket: StaffTicket;
  minutes: number;
  onDone: (ticket: StaffTicket, minutes: number) => void;
}) {
  const { t } = useQueueWords();
  const form = useZodForm(postponeBodySchema, { defaultValues: { minutes } });
  useFocusOnOpen(fieldId('postpone', 'minutes'));
  return (
    <form
      id="op-form-postpone"
      className="op-form op-inline-form"
      aria-label={t('operator.postpone')}
      noValidate
      onSubmit={form.submit(
        (values) => queueApi.postpone(ticket.id, values).then((tk) => ({ tk, m: values.minutes ?? minutes })),
        ({ tk, m }) => onDone(tk, m),
        '',
      )}
    >
      <TextField
        form="postpone"
        path="minutes"
        type="number"
        min={1}
        label={t('operator.postponeMinutes')}
        errors={form.errors}
        field={form.register('minutes', { valueAsNumber: true })}
      />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('operator.postpone')}
      </button>
      <Refusal state={form.state} />
    </form>
  );
}

export function RedirectForm({
  ticket,
  office,
  window,
  windows,
  onDone,
}: {
  ticket: StaffTicket;
  office: string;
  window: WindowState;
  windows: WindowState[];
  onDone: (ticket: StaffTicket) => void;
}) {
  const { t } = useQueueWords();
  const names = useOfficeNames(office);
  const [kind, setKind] = useState<'service' | 'window'>('service');
  // a field of the other kind leaves the values when it is hidden
  const form = useZodForm(redirectBodySchema, {
    defaultValues: { returnToMe: false },
    shouldUnregister: true,
    mapPath: (path) => (path === 'service' && kind === 'window' ? 'window' : path),
  });
  const kindId = fieldId('redirect', 'kind');
  useFocusOnOpen(`${kindId}-service`);
  const others = windows.filter((w) => w.number !== window.number);
  const optional = (v: string) => (v === '' ? undefined : v);
  return (
    <form
      id="op-form-redirect"
      className="op-form"
      aria-label={t('operator.redirect')}
      noValidate
      onSubmit={form.submit((values) => queueApi.redirect(ticket.id, values), onDone, '')}
    >
      <fieldset className="op-choices">
        <legend>{t('operator.redirectKind')}</legend>
        {(['service', 'window'] as const).map((k) => (
          <div key={k} className="field-check">
            <input
              id={`${kindId}-${k}`}
              type="radio"
              name="redirect-kind"
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <label htmlFor={`${kindId}-${k}`}>
              {k === 'service' ? t('operator.toService') : t('operator.toWindow')}
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'service' ? (
        <ServiceSelect
          form="redirect"
          path="service"
          services={names.services}
          exclude={ticket.service?.code}
          selected={form.watch('service')}
          errors={form.errors}
          field={form.register('service', { setValueAs: optional })}
        />
      ) : (
        <div className={form.errors.window !== undefined ? 'field field-invalid' : 'field'}>
          <label htmlFor={fieldId('redirect', 'window')}>{t('operator.window')}</label>
          <select
            id={fieldId('redirect', 'window')}
            aria-invalid={form.errors.window !== undefined ? true : undefined}
            aria-describedby={
              form.errors.window !== undefined ? `${fieldId('redirect', 'window')}-error` : undefined
            }
            {...form.register('window', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })}
          >
            <option value="">{t('operator.chooseWindow')}</option>
            {others.map((w) => (
              <option key={w.number} value={w.number}>
                {w.label}
                {w.operator ? ` — ${w.operator.fullName}` : ''}
              </option>
            ))}
          </select>
          <FieldError message={form.errors.window} id={`${fieldId('redirect', 'window')}-error`} />
        </div>
      )}
      <CheckField
        form="redirect"
        path="returnToMe"
        label={t('operator.returnToMe')}
        errors={form.errors}
        field={form.register('returnToMe')}
      />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('operator.redirect')}
      </button>
      <Refusal state={form.state} />
    </form>
  );
}

export function PauseForm({
  office,
  window,
  onDone,
}: {
  office: string;
  window: number;
  onDone: (reason: string) => void;
}) {
  const { t } = useQueueWords();
  const form = useZodForm(pauseBodySchema, { defaultValues: { reason: '' } });
  useFocusOnOpen(fieldId('pause', 'reason'));
  return (
    <form
      id="op-form-pause"
      className="op-form op-inline-form"
      aria-label={t('operator.pause')}
      noValidate
      onSubmit={form.submit(
        (values) => queueApi.pause(office, window, values.reason).then(() => values.reason),
        onDone,
        '',
      )}
    >
      <TextField
        form="pause"
        path="reason"
        label={t('operator.pauseReason')}
        required
        errors={form.errors}
        field={form.register('reason')}
      />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('operator.pause')}
      </button>
      <Refusal state={form.state} />
    </form>
  );
}
