/**
 * The deadline and why it moved: the statutory due date from the term, then each change in words
 * («+3 рабочих дня: запрос в Росреестр 12 января – 15 января»), and the suspensions — a request's (ends by
 * itself with the answer) or the applicant's («Ожидание документов от заявителя», added here with what
 * they must bring, ended here when they brought it; the due date moves by the paused days).
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { Case } from '../../shared/cases.js';
import { TextField } from '../admin/components/fields.js';
import { CaseError, type CaseWords } from './case-words.js';
import { casesApi } from './cases-api.js';

export function CaseDeadline({ c, w }: { c: Case; w: CaseWords }) {
  const { t, tn } = w;
  const [said, setSaid] = useState('');
  const end = useMutation({
    mutationFn: (suspension: string) => casesApi.endSuspension(c.id, suspension),
    onSuccess: () => setSaid(t('cases.susp.ended')),
  });
  return (
    <section aria-labelledby="case-deadline" className="case-box" data-testid="case-deadline">
      <h2 id="case-deadline">{t('cases.deadline.title')}</h2>
      <p>{t('cases.deadline.base', { term: w.term(c.term), date: w.date(c.baseDueDate) })}</p>
      {c.deadlineChanges.length === 0 ? (
        <p className="muted">{t('cases.deadline.none')}</p>
      ) : (
        <ul className="case-list" data-testid="case-deadline-changes">
          {c.deadlineChanges.map((change) => (
            <li key={`${change.from}-${change.after}`}>
              {t('cases.deadline.change', {
                days: tn(
                  change.kind === 'working' ? 'cases.deadline.plus' : 'cases.deadline.plusCalendar',
                  change.days,
                ),
                reasons: change.reasons.join('; '),
                from: w.date(change.from),
                to: w.date(change.to),
                before: w.date(change.before),
                after: w.date(change.after),
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('cases.susp.title')}</h3>
      <p role="status" className={said ? 'notice notice-ok' : undefined}>
        {said}
      </p>
      {c.suspensions.length === 0 ? (
        <p className="muted">{t('cases.susp.none')}</p>
      ) : (
        <ul className="case-list" data-testid="case-suspensions">
          {c.suspensions.map((s) => (
            <li key={s.id}>
              <strong>{t(`cases.susp.reason.${s.reason}`)}</strong>
              {s.note ? `: ${s.note}` : ''} —{' '}
              {s.to
                ? t('cases.susp.period', { from: w.date(s.from.slice(0, 10)), to: w.date(s.to.slice(0, 10)) })
                : t('cases.susp.open', { from: w.date(s.from.slice(0, 10)) })}
              {!s.to && s.reason === 'applicant' && !c.final && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button-small"
                    disabled={end.isPending}
                    onClick={() => {
                      setSaid('');
                      end.mutate(s.id);
                    }}
                    data-testid="case-suspension-end"
                  >
                    {t('cases.susp.end')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <CaseError error={end.error} testId="case-suspension-error" />
      {!c.final && !c.suspensions.some((s) => !s.to) && (
        <SuspendForm c={c} w={w} onDone={() => setSaid(t('cases.susp.added'))} />
      )}
    </section>
  );
}

function SuspendForm({ c, w, onDone }: { c: Case; w: CaseWords; onDone: () => void }) {
  const { t } = w;
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const suspend = useMutation({
    mutationFn: (body: { note: string }) => casesApi.suspend(c.id, body),
    onSuccess: () => {
      setNote('');
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setError(t('err.required'));
      return;
    }
    setError('');
    suspend.mutate({ note: note.trim() });
  };
  return (
    <form
      className="case-subform"
      noValidate
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid="case-suspend-form"
    >
      <h3 id={`${id}-title`}>{t('cases.susp.add')}</h3>
      <TextField
        form={id}
        path="note"
        label={t('cases.susp.note')}
        value={note}
        onChange={setNote}
        errors={error ? { note: error } : {}}
      />
      <CaseError error={suspend.error} testId="case-suspend-error" />
      <button type="submit" className="button" disabled={suspend.isPending}>
        {t('cases.susp.submit')}
      </button>
    </form>
  );
}
