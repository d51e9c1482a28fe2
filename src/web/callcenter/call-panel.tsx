/**
 * The call itself: «Начать звонок», then a timer (mm:ss) that warns after 10 minutes, and the form that
 * ends the call with its outcome and a note. The timer counts on this computer's clock from the moment
 * the server's answer came (the call's length then, from the server): a clock set wrong here or there
 * does not shift it.
 */
import { useEffect, useState } from 'react';
import { type Call, callOutcomes, callUpdateSchema, clockText, isLongCall } from '../../shared/callcenter.js';
import { ChoiceField, ErrorSummary, TextField } from '../admin/components/fields.js';
import { SubmitStatus, useSubmit } from '../admin/components/use-submit.js';
import { useZodForm } from '../admin/components/use-zod-form.js';
import { Loading } from '../app/components.js';
import { callcenterApi } from './api.js';
import { useNow } from './use-now.js';
import { useCallWords } from './words.js';

export function CallPanel({
  call,
  answeredAt,
  loading,
  startPhone,
  onStarted,
  booked = false,
}: {
  call: Call | null;
  answeredAt: number;
  /** The operator's calls have not come yet: whether one is running is not known. */
  loading: boolean;
  /** A number looked up before the call: it goes on the call. */
  startPhone: string;
  onStarted: (call: Call) => void;
  /** A visit was booked on this call: its outcome defaults to «Запись». */
  booked?: boolean;
}) {
  const { t } = useCallWords();
  const start = useSubmit();
  const [ended, setEnded] = useState(false);
  return (
    <section aria-labelledby="cc-call" className="cc-panel" data-testid="call-panel">
      <h2 id="cc-call">{call ? t('callcenter.running') : t('callcenter.call')}</h2>
      {loading ? (
        <Loading />
      ) : call ? (
        <>
          <CallTimer key={call.id} call={call} answeredAt={answeredAt} />
          <EndCallForm call={call} booked={booked} onEnded={() => setEnded(true)} />
        </>
      ) : (
        <>
          {ended && (
            <p className="notice notice-ok" role="status">
              {t('callcenter.ended')}
            </p>
          )}
          <p className="muted">{t('callcenter.noCall')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={start.busy}
            onClick={() => {
              setEnded(false);
              void start.run(() => callcenterApi.startCall(startPhone || undefined), onStarted, '');
            }}
          >
            {t('callcenter.start')}
          </button>
          {start.error && <SubmitStatus state={start} />}
        </>
      )}
    </section>
  );
}

function CallTimer({ call, answeredAt }: { call: Call; answeredAt: number }) {
  const { t } = useCallWords();
  // this computer's time at the call's start: fixed once per call, so a later refetch cannot move it
  const [startedHere] = useState(() => (answeredAt || Date.now()) - call.durationSeconds * 1000);
  const now = useNow();
  const seconds = Math.max(0, Math.floor((now - startedHere) / 1000));
  const long = isLongCall(seconds);
  return (
    <>
      <p className={long ? 'cc-timer cc-timer-long' : 'cc-timer'}>
        <span className="visually-hidden">{t('callcenter.timer')}: </span>
        <span role="timer" data-testid="call-timer">
          {clockText(seconds)}
        </span>
      </p>
      {long && (
        <p className="notice notice-warn" role="alert" data-testid="long-call">
          {t('callcenter.longWarning')}
        </p>
      )}
    </>
  );
}

function EndCallForm({ call, booked, onEnded }: { call: Call; booked: boolean; onEnded: () => void }) {
  const { t, outcome } = useCallWords();
  const form = useZodForm(callUpdateSchema, {
    defaultValues: { end: true, note: call.note, outcome: booked ? 'booking' : undefined },
  });
  const { getValues, setValue } = form;
  // a visit booked on the call: «Запись» unless the operator already chose an outcome
  useEffect(() => {
    if (booked && !getValues('outcome')) setValue('outcome', 'booking');
  }, [booked, getValues, setValue]);
  const labels: Record<string, string> = { outcome: t('callcenter.outcome'), note: t('callcenter.note') };
  return (
    <form
      aria-labelledby="cc-end"
      noValidate
      onSubmit={form.submit((values) => callcenterApi.updateCall(call.id, { ...values, end: true }), onEnded)}
    >
      <h3 id="cc-end" className="visually-hidden">
        {t('callcenter.end')}
      </h3>
      <ErrorSummary form="end-call" errors={form.errors} label={(path) => labels[path] ?? path} />
      <ChoiceField
        form="end-call"
        path="outcome"
        label={t('callcenter.outcome')}
        errors={form.errors}
        field={form.register('outcome', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
        options={[
          { value: '', label: t('callcenter.chooseOutcome') },
          ...callOutcomes.map((o) => ({ value: o, label: outcome(o) })),
        ]}
      />
      <TextField
        form="end-call"
        path="note"
        label={t('callcenter.note')}
        hint={t('callcenter.noteHint')}
        multiline
        rows={3}
        errors={form.errors}
        field={form.register('note')}
      />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('callcenter.end')}
      </button>
      {form.state.error && <SubmitStatus state={form.state} />}
    </form>
  );
}
