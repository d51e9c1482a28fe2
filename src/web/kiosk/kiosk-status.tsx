/**
 * «Узнать статус дела» at the kiosk (issue 11): the case number typed on the kiosk's keypad (the dashes go
 * in by themselves), then the PIN on the same keypad (shown as dots: people stand behind), or the receipt's
 * QR held to the scanner — a scanner types the status link and Enter into the focused field, and a typed
 * character brings the focus there first, as at the booking's check-in. The answer is the status every
 * channel shows (GET /api/status), big and touch-friendly, with «Оценить качество обслуживания» of the case
 * (issue 12: the shared rating form, source 'kiosk'). What was typed lives here alone: back at the
 * start (by a button or after the kiosk's idle time) it is gone.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { parseCaseNumber, parsePin } from '../../shared/case-number.js';
import type { CaseStatus } from '../../shared/cases.js';
import type { KioskSetup } from '../../shared/queue.js';
import { ApiError } from '../app/api.js';
import { useT } from '../app/i18n/index.js';
import { RatingForm } from '../rating/rating-form.js';
import { caseNumberFromDigits, fromStatusLink } from '../status/case-timeline.js';
import { fetchCaseStatus, statusRefusal } from '../status/status-api.js';
import { StatusView } from '../status/status-view.js';
import { LetterKeyboard, NumericKeypad } from './keyboards.js';
import { kioskTokenHeader } from './kiosk-api.js';
import { Actions, Entry, Screen, Top } from './kiosk-screens.js';
import { isTyping } from './scanner-keys.js';

type Problem = 'not_found' | 'rate_limited' | 'failed' | 'unreadable';

const problemKey = {
  not_found: 'status.notFound',
  rate_limited: 'status.rateLimited',
  failed: 'status.failed',
  unreadable: 'kioskStatus.unreadable',
} as const;

export function KioskStatusScreen(props: { setup: KioskSetup; token: string; onHome: () => void }) {
  const { t } = useT();
  const { setup } = props;
  const [text, setText] = useState('');
  const [pin, setPin] = useState('');
  const [phase, setPhase] = useState<'number' | 'pin'>('number');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<CaseStatus | null>(null);
  // «Оценить качество обслуживания» of the case found (issue 12): its form in place of the status
  const [rating, setRating] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const number = parseCaseNumber(text);

  // A scanner types wherever the focus is: a key pressed outside the field starts a fresh entry there, so
  // the link (and the Enter that submits it) lands in it whole.
  useEffect(() => {
    if (status) return;
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
  }, [status]);

  const lookup = async (caseNumber: string, casePin: string) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setText(caseNumber);
    try {
      setStatus(await fetchCaseStatus(caseNumber, casePin, { headers: { [kioskTokenHeader]: props.token } }));
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      setProblem(statusRefusal(error));
      // the same words for a wrong number and a wrong PIN: both are shown again to be checked
      setPin('');
      setPhase('number');
    } finally {
      setBusy(false);
    }
  };

  /** Enter in the field: a scanned link looks up at once; a number alone asks for the PIN. */
  const submitField = (e: FormEvent) => {
    e.preventDefault();
    const scanned = fromStatusLink(text);
    if (!scanned) {
      setProblem('unreadable');
      return;
    }
    if (scanned.pin) {
      void lookup(scanned.number, scanned.pin);
      return;
    }
    setText(scanned.number);
    setProblem(null);
    setPhase('pin');
  };

  const again = () => {
    setStatus(null);
    setRating(false);
    setText('');
    setPin('');
    setPhase('number');
    setProblem(null);
  };

  if (status?.ratingToken && rating)
    return (
      <Screen testId="kiosk-status-rating">
        <Top setup={setup} title={t('kioskRating.title')} onHome={props.onHome} />
        <RatingForm
          token={status.ratingToken}
          source="kiosk"
          variant="kiosk"
          headers={{ [kioskTokenHeader]: props.token }}
          keyboard={({ value, onChange }) => (
            <LetterKeyboard value={value} onChange={onChange} maxLength={500} />
          )}
          footer={
            <Actions>
              <button type="button" className="kiosk-button kiosk-button-primary" onClick={props.onHome}>
                {t('kioskRating.done')}
              </button>
            </Actions>
          }
        />
      </Screen>
    );

  if (status)
    return (
      <Screen testId="kiosk-status-result">
        <Top setup={setup} title={t('status.heading', { number: status.number })} onHome={props.onHome} />
        <StatusView status={status} variant="kiosk" />
        <Actions>
          <button type="button" className="kiosk-button" onClick={again}>
            {t('kioskStatus.another')}
          </button>
          {status.ratingToken && (
            <button type="button" className="kiosk-button" onClick={() => setRating(true)}>
              {t('kioskRating.start')}
            </button>
          )}
          <button type="button" className="kiosk-button kiosk-button-primary" onClick={props.onHome}>
            {t('kioskStatus.done')}
          </button>
        </Actions>
      </Screen>
    );

  // what a scanner left in the field is replaced by the keypad's digits
  const digits = number ? number.replace(/\D/g, '') : /^[\d\s-]*$/.test(text) ? text.replace(/\D/g, '') : '';
  return (
    <Screen testId="kiosk-status">
      <Top setup={setup} title={t('kioskStatus.title')} onHome={props.onHome} />
      <p className="kiosk-lead">{t('kioskStatus.lead')}</p>
      <form className="kiosk-code-form" onSubmit={submitField}>
        <label className="kiosk-field-label" htmlFor="kiosk-status-number">
          {t('kioskStatus.number')}
        </label>
        <input
          ref={field}
          id="kiosk-status-number"
          className="kiosk-entry kiosk-code-input"
          data-testid="kiosk-status-number"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPhase('number');
          }}
          inputMode="none"
          autoComplete="off"
          spellCheck={false}
          maxLength={300}
          placeholder="48-2026-0000000"
        />
      </form>
      {phase === 'pin' && (
        <>
          <p className="kiosk-field-label" aria-hidden="true">
            {t('kioskStatus.pin')}
          </p>
          <Entry label={t('kioskStatus.pin')} testId="kiosk-status-pin">
            {'•'.repeat(pin.length).padEnd(6, '·')}
          </Entry>
        </>
      )}
      {problem && (
        <div className="kiosk-problem" role="alert" data-testid="kiosk-status-refusal">
          <p>{t(problemKey[problem])}</p>
        </div>
      )}
      {phase === 'number' ? (
        <NumericKeypad
          value={digits}
          onChange={(value) => {
            setText(caseNumberFromDigits(value));
            setProblem(null);
          }}
          maxLength={16}
        />
      ) : (
        <NumericKeypad value={pin} onChange={setPin} maxLength={6} />
      )}
      {busy && (
        <p className="kiosk-hint" role="status">
          {t('kioskStatus.busy')}
        </p>
      )}
      <Actions onBack={phase === 'pin' ? () => setPhase('number') : props.onHome}>
        {phase === 'number' ? (
          <button
            type="button"
            className="kiosk-button kiosk-button-primary"
            disabled={!number}
            onClick={() => {
              if (number) setText(number);
              setPhase('pin');
              setProblem(null);
            }}
          >
            {t('kioskStatus.toPin')}
          </button>
        ) : (
          <button
            type="button"
            className="kiosk-button kiosk-button-primary"
            disabled={!number || !parsePin(pin) || busy}
            onClick={() => number && void lookup(number, pin)}
          >
            {t('kioskStatus.submit')}
          </button>
        )}
      </Actions>
    </Screen>
  );
}
