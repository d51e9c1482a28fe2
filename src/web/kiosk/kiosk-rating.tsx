/**
 * «Оценить качество обслуживания» at the kiosk (issue 12), the hall's exit screen: the citizen holds their
 * ticket's QR to the scanner — it types the ticket page's link (`…/t/{track}`) and Enter into the focused
 * field, as at the case's status — and the kiosk asks the ticket's public state (GET /api/tickets/{track}).
 * A finished visit carries its rating token: the shared form (rating-form.tsx) follows, big, its source
 * 'kiosk'; then thanks, and back to the start by «Готово» or the kiosk's idle time. A ticket number typed
 * on a keypad is not enough (anyone could rate anyone's visit): the track is the ticket's secret. The
 * receipt's «Оцените качество» QR (`…/rate/{token}`) opens the form directly.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { KioskSetup, PublicTicket } from '../../shared/queue.js';
import { ApiError, request } from '../app/api.js';
import { useT } from '../app/i18n/index.js';
import { RatingForm } from '../rating/rating-form.js';
import { parseScan } from '../rating/scan.js';
import { LetterKeyboard } from './keyboards.js';
import { kioskTokenHeader } from './kiosk-api.js';
import { Actions, Screen, Top } from './kiosk-screens.js';
import { isTyping } from './scanner-keys.js';

type Problem = 'unreadable' | 'not_found' | 'not_finished' | 'failed';

const problemKey = {
  unreadable: 'kioskRating.unreadable',
  not_found: 'kioskRating.notFound',
  not_finished: 'kioskRating.notFinished',
  failed: 'kioskRating.failed',
} as const;

export function KioskRatingScreen(props: { setup: KioskSetup; token: string; onHome: () => void }) {
  const { t } = useT();
  const { setup } = props;
  const headers = { [kioskTokenHeader]: props.token };
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [ratingToken, setRatingToken] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // A scanner types wherever the focus is: a key pressed outside the field starts a fresh entry there.
  useEffect(() => {
    if (ratingToken) return;
    const input = field.current;
    input?.focus();
    const toField = (e: KeyboardEvent) => {
      if (input && document.activeElement !== input && isTyping(e)) {
        setText('');
        input.focus();
      }
    };
    document.addEventListener('keydown', toField, { capture: true });
    return () => document.removeEventListener('keydown', toField, { capture: true });
  }, [ratingToken]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const scanned = parseScan(text);
    setText('');
    if (!scanned) {
      setProblem('unreadable');
      return;
    }
    if (scanned.kind === 'rating') {
      setProblem(null);
      setRatingToken(scanned.token);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const ticket = await request<PublicTicket>('GET', `/api/tickets/${encodeURIComponent(scanned.track)}`, {
        headers,
      });
      if (ticket.ratingToken) setRatingToken(ticket.ratingToken);
      else setProblem('not_finished');
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      setProblem(error.status === 404 || error.status === 400 ? 'not_found' : 'failed');
    } finally {
      setBusy(false);
    }
  };

  if (ratingToken)
    return (
      <Screen testId="kiosk-rating-form">
        <Top setup={setup} title={t('kioskRating.title')} onHome={props.onHome} />
        <RatingForm
          token={ratingToken}
          source="kiosk"
          variant="kiosk"
          headers={headers}
          keyboard={({ value, onChange }) => (
            <LetterKeyboard value={value} onChange={onChange} maxLength={500} />
          )}
          footer={
            <Actions>
              <button
                type="button"
                className="kiosk-button kiosk-button-primary"
                data-testid="kiosk-rating-done"
                onClick={props.onHome}
              >
                {t('kioskRating.done')}
              </button>
            </Actions>
          }
        />
      </Screen>
    );

  return (
    <Screen testId="kiosk-rating">
      <Top setup={setup} title={t('kioskRating.title')} onHome={props.onHome} />
      <p className="kiosk-lead">{t('kioskRating.lead')}</p>
      <form className="kiosk-code-form" onSubmit={submit}>
        <label className="kiosk-field-label" htmlFor="kiosk-rating-scan">
          {t('kioskRating.field')}
        </label>
        <input
          ref={field}
          id="kiosk-rating-scan"
          className="kiosk-entry kiosk-code-input"
          data-testid="kiosk-rating-scan"
          value={text}
          onChange={(e) => setText(e.target.value)}
          inputMode="none"
          autoComplete="off"
          spellCheck={false}
          maxLength={300}
        />
      </form>
      {problem && (
        <div className="kiosk-problem" role="alert" data-testid="kiosk-rating-problem">
          <p>{t(problemKey[problem])}</p>
        </div>
      )}
      {busy && (
        <p className="kiosk-hint" role="status">
          {t('kioskRating.busy')}
        </p>
      )}
      <Actions onBack={props.onHome} />
    </Screen>
  );
}
