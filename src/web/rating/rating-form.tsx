/**
 * The citizen's rating (issue 12), one component for every channel: the portal's /rate/:token (the link of
 * the SMS or e-mail, the QR of the ticket page and the receipt) and the kiosk's exit screen. It asks what is
 * rated (GET /api/ratings/{token}), then the five official criteria, each a fieldset with its legend and the
 * official five labels as large radio buttons (native radios: arrows move within a criterion, Tab between
 * them, a screen reader names the group and the choice), an optional comment, and sends them once. After:
 * thanks, and — when a low score came with a comment — that the office head will answer. A token okno does
 * not know says «Ссылка недействительна»; a visit or case rated already says so, also when found on sending.
 */
import './rating.css';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  type RatingCriterion,
  type RatingSaved,
  type RatingScores,
  type RatingSource,
  type RatingTarget,
  ratingCriteria,
  ratingScale,
} from '../../shared/ratings.js';
import { ApiError } from '../app/api.js';
import { ErrorNotice, Loading } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { ratingApi, ratingTargetQuery } from './rating-api.js';

export type RatingVariant = 'portal' | 'kiosk';

type Props = {
  token: string;
  source: RatingSource;
  variant: RatingVariant;
  /** Sent with every request (the kiosk's device token). */
  headers?: Record<string, string>;
  /** Below the end screens (thanks, already rated, not valid): the kiosk's «Готово», the portal's link home. */
  footer?: React.ReactNode;
  /** The kiosk's on-screen keyboard for the comment (a hall has no other), opened by «Написать комментарий». */
  keyboard?: (props: { value: string; onChange: (value: string) => void }) => React.ReactNode;
};

type End = { kind: 'thanks'; saved: RatingSaved } | { kind: 'already' } | { kind: 'invalid' };

export function RatingForm(props: Props) {
  const target = useQuery(ratingTargetQuery(props.token, props.headers));
  const [end, setEnd] = useState<End | null>(null);
  const className = `rating rating-${props.variant}`;
  if (end) return <EndScreen end={end} subject={target.data?.subject} {...props} />;
  if (target.error) {
    if (target.error.isNotFound || target.error.code === 'VALIDATION')
      return <EndScreen end={{ kind: 'invalid' }} {...props} />;
    return (
      <div className={className}>
        <ErrorNotice error={target.error} onRetry={() => void target.refetch()} />
      </div>
    );
  }
  if (!target.data) return <Loading />;
  if (target.data.rated)
    return <EndScreen end={{ kind: 'already' }} subject={target.data.subject} {...props} />;
  return (
    <div className={className} data-testid="rating">
      <About target={target.data} />
      <Questions {...props} onEnd={setEnd} />
    </div>
  );
}

/** What is rated: the visit's day and office, or the case's masked number. */
function About({ target }: { target: RatingTarget }) {
  const { t, date } = useT();
  const day = date(target.date);
  return (
    <div className="rating-about" data-testid="rating-about">
      <p className="rating-subject">
        {target.subject === 'case' && target.caseNumber
          ? t('rating.case', { number: target.caseNumber })
          : t('rating.visit')}
      </p>
      <p>
        {t(target.subject === 'case' ? 'rating.aboutCase' : 'rating.aboutVisit', {
          date: day,
          office: target.office.name,
        })}
      </p>
      {target.service && <p className="rating-service">{target.service.title}</p>}
    </div>
  );
}

type Chosen = Partial<Record<RatingCriterion, number>>;

function Questions(props: Props & { onEnd: (end: End) => void }) {
  const { t } = useT();
  const ids = useId();
  const [scores, setScores] = useState<Chosen>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<RatingCriterion[]>([]);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [typing, setTyping] = useState(false);
  const first = useRef<Partial<Record<RatingCriterion, HTMLInputElement | null>>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const left = ratingCriteria.filter((c) => scores[c] === undefined);
    setMissing(left);
    if (left.length > 0) {
      first.current[left[0] as RatingCriterion]?.focus();
      return;
    }
    setBusy(true);
    setFailed(false);
    try {
      const saved = await ratingApi.rate(
        props.token,
        {
          scores: scores as RatingScores,
          comment: comment.trim() || undefined,
          source: props.source,
        },
        { headers: props.headers },
      );
      props.onEnd({ kind: 'thanks', saved });
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      if (error.status === 409) props.onEnd({ kind: 'already' });
      else if (error.status === 404) props.onEnd({ kind: 'invalid' });
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const missingText = missing.map((c) => t(`rating.criterion.${c}`).toLowerCase()).join(', ');
  return (
    <form className="rating-form" noValidate onSubmit={submit} data-testid="rating-form">
      <p className="rating-lead">{t('rating.lead')}</p>
      {ratingCriteria.map((criterion) => {
        const invalid = missing.includes(criterion) && scores[criterion] === undefined;
        return (
          <fieldset
            key={criterion}
            className="rating-criterion"
            data-testid={`rating-${criterion}`}
            aria-describedby={invalid ? `${ids}-missing` : undefined}
            data-invalid={invalid || undefined}
          >
            <legend>{t(`rating.criterion.${criterion}`)}</legend>
            <div className="rating-scale">
              {ratingScale.map((score) => (
                <label key={score} className="rating-option" data-score={score}>
                  <input
                    ref={
                      score === 1
                        ? (el) => {
                            first.current[criterion] = el;
                          }
                        : undefined
                    }
                    type="radio"
                    name={`${ids}-${criterion}`}
                    value={score}
                    checked={scores[criterion] === score}
                    onChange={() => setScores((s) => ({ ...s, [criterion]: score }))}
                  />
                  <span>{t(`rating.score.${score}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="field rating-comment">
        <label htmlFor={`${ids}-comment`}>{t('rating.comment')}</label>
        <p className="muted small" id={`${ids}-comment-hint`}>
          {t('rating.commentHint')}
        </p>
        <textarea
          id={`${ids}-comment`}
          aria-describedby={`${ids}-comment-hint`}
          data-testid="rating-comment"
          rows={props.variant === 'kiosk' ? 3 : 4}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          {...(props.keyboard ? { inputMode: 'none' as const } : {})}
        />
        {props.keyboard && (
          <button
            type="button"
            className="kiosk-button"
            aria-expanded={typing}
            data-testid="rating-comment-keyboard"
            onClick={() => setTyping((open) => !open)}
          >
            {typing ? t('rating.keyboardClose') : t('rating.keyboardOpen')}
          </button>
        )}
        {props.keyboard && typing && props.keyboard({ value: comment, onChange: setComment })}
      </div>
      <div aria-live="polite">
        {missing.length > 0 && ratingCriteria.some((c) => scores[c] === undefined) && (
          <p className="notice notice-error" id={`${ids}-missing`} role="alert" data-testid="rating-missing">
            {t('rating.missing', { list: missingText })}
          </p>
        )}
        {failed && (
          <p className="notice notice-error" role="alert" data-testid="rating-failed">
            {t('rating.failed')}
          </p>
        )}
      </div>
      <button
        type="submit"
        className={props.variant === 'kiosk' ? 'kiosk-button kiosk-button-primary' : 'button button-primary'}
        disabled={busy}
        data-testid="rating-submit"
      >
        {busy ? t('rating.sending') : t('rating.submit')}
      </button>
    </form>
  );
}

function EndScreen(props: Props & { end: End; subject?: RatingTarget['subject'] }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // the answer replaces the form: the focus goes to its heading, which a screen reader reads out
  useEffect(() => heading.current?.focus(), []);
  const { end } = props;
  const title =
    end.kind === 'thanks'
      ? t('rating.thanks')
      : end.kind === 'already'
        ? t(props.subject === 'case' ? 'rating.alreadyCase' : 'rating.already')
        : t('rating.invalid');
  return (
    <div className={`rating rating-${props.variant} rating-end`} data-testid={`rating-${end.kind}`}>
      <h2 ref={heading} tabIndex={-1} className="rating-end-title">
        {title}
      </h2>
      {end.kind === 'thanks' && (
        <>
          <p>{t('rating.thanksText')}</p>
          {end.saved.followUp && (
            <p className="notice rating-follow-up" data-testid="rating-follow-up">
              {t('rating.followUp')}
            </p>
          )}
        </>
      )}
      {end.kind === 'already' && <p>{t('rating.alreadyText')}</p>}
      {end.kind === 'invalid' && <p>{t('rating.invalidText')}</p>}
      {props.footer}
    </div>
  );
}
