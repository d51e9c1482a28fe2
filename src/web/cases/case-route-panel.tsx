/**
 * The case's route: its stages as a timeline (passed with their dates, the current one marked), the moves
 * the server allows now as buttons (`allowedTransitions`) with one comment field — a refusal needs one —,
 * and «Выдать результат» where the next stage is the issue: the identity document checked (required) and
 * who received it. A refused move says in words which stages are allowed instead.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { endStages, issuedStage, refusedStage } from '../../shared/case-route.js';
import { type Case, caseIssueSchema } from '../../shared/cases.js';
import { CheckField, TextField } from '../admin/components/fields.js';
import { CaseError, type CaseWords } from './case-words.js';
import { type CaseIssueBody, casesApi } from './cases-api.js';

/** The title of a stage code of this case's route (its card's, a move's, or one of the two ends). */
export function stageTitleOf(c: Case): (code: string) => string {
  return (code) =>
    c.stages.find((s) => s.code === code)?.title ??
    c.allowedTransitions.find((s) => s.code === code)?.title ??
    endStages[code]?.title ??
    code;
}

export function CaseRoutePanel({ c, w }: { c: Case; w: CaseWords }) {
  const { t } = w;
  const current = c.stages.findIndex((s) => s.code === c.stage.code);
  return (
    <section aria-labelledby="case-route" className="case-box">
      <h2 id="case-route">{t('cases.route.title')}</h2>
      <ol className="case-timeline" data-testid="case-timeline">
        {c.stages.map((stage, i) => {
          const state =
            stage.code === c.stage.code
              ? 'current'
              : i < current || (current < 0 && stage.at)
                ? 'done'
                : 'ahead';
          return (
            <li
              key={stage.code}
              className={`case-step case-step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
              data-stage={stage.code}
            >
              <span className="case-step-title">{stage.title}</span>{' '}
              <span className="case-step-when">
                {stage.at ? w.at(stage.at) : ''}
                <span className="visually-hidden"> ({t(`cases.route.${state}`)})</span>
              </span>
            </li>
          );
        })}
      </ol>
      {c.final ? <p className="muted">{t('cases.page.final')}</p> : <CaseMoves c={c} w={w} />}
    </section>
  );
}

function CaseMoves({ c, w }: { c: Case; w: CaseWords }) {
  const { t } = w;
  const id = useId();
  const [comment, setComment] = useState('');
  const [said, setSaid] = useState('');
  const [missing, setMissing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const move = useMutation({
    mutationFn: (body: { to: string; comment?: string }) => casesApi.transition(c.id, body),
    onSuccess: (moved) => {
      setComment('');
      setSaid(t('cases.move.done', { stage: moved.stage.title }));
    },
  });
  const moves = c.allowedTransitions.filter((m) => m.code !== issuedStage);
  const canIssue = c.allowedTransitions.some((m) => m.code === issuedStage);
  const go = (to: string) => {
    setSaid('');
    if (to === refusedStage && comment.trim() === '') {
      setMissing(true);
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    setMissing(false);
    move.mutate({ to, comment: comment.trim() || undefined });
  };
  return (
    <div className="case-moves" data-testid="case-moves">
      <h3>{t('cases.move.title')}</h3>
      <p role="status" className={said ? 'notice notice-ok' : undefined} data-testid="case-said">
        {said}
      </p>
      {moves.length === 0 && !canIssue && <p className="muted">{t('cases.move.none')}</p>}
      {moves.length > 0 && (
        <>
          <TextField
            form={id}
            path="comment"
            multiline
            rows={2}
            label={t('cases.move.comment')}
            hint={t('cases.move.commentHint')}
            value={comment}
            onChange={(value) => {
              setComment(value);
              setMissing(false);
            }}
            errors={missing ? { comment: t('cases.move.refusalNeedsComment') } : {}}
          />
          <p className="case-actions">
            {moves.map((m) => (
              <button
                key={m.code}
                type="button"
                className={m.code === refusedStage ? 'button button-danger' : 'button button-primary'}
                disabled={move.isPending}
                onClick={() => go(m.code)}
                data-to={m.code}
              >
                {t('cases.move.to', { stage: m.title })}
              </button>
            ))}
          </p>
        </>
      )}
      <CaseError error={move.error} stageTitle={stageTitleOf(c)} testId="case-move-error" />
      {canIssue && (
        <div className="case-issue">
          {!issuing ? (
            <button
              type="button"
              className="button button-primary"
              aria-expanded={false}
              onClick={() => {
                setSaid('');
                setIssuing(true);
              }}
              data-testid="case-issue-open"
            >
              {t('cases.issue.open')}
            </button>
          ) : (
            <IssueForm
              c={c}
              w={w}
              onClose={(issued) => {
                setIssuing(false);
                if (issued) setSaid(t('cases.issue.done'));
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}

function IssueForm({ c, w, onClose }: { c: Case; w: CaseWords; onClose: (issued: boolean) => void }) {
  const { t } = w;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [checked, setChecked] = useState(false);
  const [receivedBy, setReceivedBy] = useState<'applicant' | 'representative'>('applicant');
  const [representative, setRepresentative] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const issue = useMutation({
    mutationFn: (body: CaseIssueBody) => casesApi.issue(c.id, body),
    onSuccess: () => onClose(true),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      documentChecked: checked,
      receivedBy,
      representative: receivedBy === 'representative' ? representative.trim() || undefined : undefined,
      comment: comment.trim() || undefined,
    };
    const found: Record<string, string> = {};
    if (!checked) found.documentChecked = t('cases.issue.documentRequired');
    if (receivedBy === 'representative' && !body.representative) found.representative = t('err.required');
    setErrors(found);
    const parsed = caseIssueSchema.safeParse(body);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    issue.mutate(parsed.data);
  };
  return (
    <form
      className="case-subform"
      noValidate
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid="case-issue-form"
    >
      <h3 id={`${id}-title`} ref={heading}>
        {t('cases.issue.title')}
      </h3>
      <CheckField
        form={id}
        path="documentChecked"
        label={t('cases.issue.documentChecked')}
        checked={checked}
        onChange={setChecked}
        errors={errors}
      />
      <fieldset className="case-choice">
        <legend>{t('cases.issue.receivedBy')}</legend>
        {(['applicant', 'representative'] as const).map((who) => (
          <label key={who} className="case-radio">
            <input
              type="radio"
              name={`${id}-who`}
              value={who}
              checked={receivedBy === who}
              onChange={() => setReceivedBy(who)}
            />{' '}
            {t(`cases.issue.${who}`)}
          </label>
        ))}
      </fieldset>
      {receivedBy === 'representative' && (
        <TextField
          form={id}
          path="representative"
          label={t('cases.issue.representativeName')}
          value={representative}
          onChange={setRepresentative}
          errors={errors}
        />
      )}
      <TextField
        form={id}
        path="comment"
        label={t('cases.issue.comment')}
        value={comment}
        onChange={setComment}
      />
      <CaseError error={issue.error} stageTitle={stageTitleOf(c)} testId="case-issue-error" />
      <p className="case-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={issue.isPending}
          data-testid="case-issue-submit"
        >
          {t('cases.issue.submit')}
        </button>
        <button type="button" className="button" onClick={() => onClose(false)}>
          {t('cases.issue.cancel')}
        </button>
      </p>
    </form>
  );
}
