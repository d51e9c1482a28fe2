/**
 * «У меня запись»: a booked visitor checks in with the booking's code — typed on the keyboard of the code's
 * alphabet, or the slip's QR held to the scanner (a scanner types the link and Enter into the focused field:
 * any key pressed elsewhere brings the focus back to it first) — and gets the queue's ticket, shown as every
 * ticket is, with the booked time. Refusals in plain words: too early (come back at …), too late, a booking
 * no longer active, a code not found.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { CheckedInTicket } from '../../shared/booking.js';
import { formatBookingCode, parseBookingCode } from '../../shared/booking-code.js';
import type { KioskSetup } from '../../shared/queue.js';
import { ApiError } from '../app/api.js';
import { useT } from '../app/i18n/index.js';
import { codeKeyboardRows, wallTime } from './booking-input.js';
import { LetterKeyboard } from './keyboards.js';
import { kioskApi } from './kiosk-api.js';
import { Actions, Screen, TicketScreen, Top } from './kiosk-screens.js';
import { isTyping } from './scanner-keys.js';

type Refusal =
  | { kind: 'early'; comeAt: string | null }
  | { kind: 'late' | 'inactive' | 'not_found' | 'unreadable' | 'closed' | 'rate' | 'failed' };

function refusalOf(error: ApiError): Refusal {
  switch (error.code) {
    case 'CHECK_IN_TOO_EARLY': {
      const comeAt = (error.details as { comeAt?: unknown } | undefined)?.comeAt;
      return { kind: 'early', comeAt: typeof comeAt === 'string' ? comeAt : null };
    }
    case 'CHECK_IN_TOO_LATE':
      return { kind: 'late' };
    case 'BOOKING_NOT_ACTIVE':
      return { kind: 'inactive' };
    case 'NOT_FOUND':
      return { kind: 'not_found' };
    case 'VALIDATION':
      return { kind: 'unreadable' };
    case 'OFFICE_CLOSED':
      return { kind: 'closed' };
    case 'RATE_LIMITED':
      return { kind: 'rate' };
    default:
      return { kind: 'failed' };
  }
}

/**
 * A character a scanner (or a keyboard) types, not a shortcut. Enter and Space are left alone: on a button
 * they press it; a scanner's Enter comes after its characters, which have brought the focus to the field.
 */

export function CheckInScreen(props: {
  setup: KioskSetup;
  token: string;
  onRevoked: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const { setup } = props;
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<CheckedInTicket | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const code = parseBookingCode(text);

  // A scanner types wherever the focus is: a key pressed outside the field moves the focus there first,
  // so the characters (and the Enter that submits) land in it.
  useEffect(() => {
    if (ticket) return;
    const input = field.current;
    input?.focus();
    const toField = (e: KeyboardEvent) => {
      if (input && document.activeElement !== input && isTyping(e)) input.focus();
    };
    document.addEventListener('keydown', toField, { capture: true });
    return () => document.removeEventListener('keydown', toField, { capture: true });
  }, [ticket]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    if (!code) {
      setRefusal({ kind: 'unreadable' });
      return;
    }
    setBusy(true);
    setRefusal(null);
    setText(formatBookingCode(code));
    try {
      setTicket(await kioskApi.checkIn(setup.office.code, props.token, code));
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      if (error.code === 'KIOSK_REQUIRED') props.onRevoked();
      else {
        const next = refusalOf(error);
        setRefusal(next);
        // an answer about the booking itself is final (the next person starts afresh); a code not found may be
        // mistyped, and a failure may pass: those stay to be corrected or tried again
        if (next.kind === 'early' || next.kind === 'late' || next.kind === 'inactive') setText('');
      }
    } finally {
      setBusy(false);
    }
  };

  if (ticket)
    return (
      <TicketScreen
        setup={setup}
        ticket={ticket}
        onDone={props.onHome}
        extra={
          <p className="kiosk-ticket-fact" data-testid="kiosk-ticket-booked">
            {ticket.bookedFor
              ? t('kioskCheckIn.bookedAt', { time: wallTime(ticket.bookedFor, setup.office.timeZone) })
              : t('kioskCheckIn.lateWalkIn')}
          </p>
        }
      />
    );

  const message = (r: Refusal): string => {
    switch (r.kind) {
      case 'early':
        return r.comeAt
          ? t('kioskCheckIn.tooEarly', { time: wallTime(r.comeAt, setup.office.timeZone) })
          : t('kioskCheckIn.tooEarlySoon');
      case 'late':
        return t('kioskCheckIn.tooLate');
      case 'inactive':
        return t('kioskCheckIn.inactive');
      case 'not_found':
        return t('kioskCheckIn.notFound');
      case 'unreadable':
        return t('kioskCheckIn.unreadable');
      case 'closed':
        return t('kioskCheckIn.closed');
      case 'rate':
        return t('kioskBook.rateLimited');
      case 'failed':
        return t('kioskCheckIn.failed');
    }
  };
  // the keyboard types the bare code; what a scanner put in the field is replaced by it
  const typed = code ?? text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return (
    <Screen testId="kiosk-check-in">
      <Top setup={setup} title={t('kioskCheckIn.title')} onHome={props.onHome} />
      <p className="kiosk-lead">{t('kioskCheckIn.lead')}</p>
      <form className="kiosk-code-form" onSubmit={submit}>
        <label className="kiosk-field-label" htmlFor="kiosk-check-in-code">
          {t('kioskCheckIn.codeLabel')}
        </label>
        <input
          ref={field}
          id="kiosk-check-in-code"
          className="kiosk-entry kiosk-code-input"
          data-testid="kiosk-check-in-code"
          value={text}
          onChange={(e) => setText(e.target.value)}
          inputMode="none"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={300}
          placeholder="····-····"
        />
      </form>
      {refusal && (
        <div className="kiosk-problem" role="alert" data-testid="kiosk-check-in-refusal">
          <p>{message(refusal)}</p>
        </div>
      )}
      <LetterKeyboard
        value={typed.slice(0, 8)}
        onChange={(value) => setText(value.length > 4 ? formatBookingCode(value) : value)}
        rows={codeKeyboardRows()}
        space={false}
        maxLength={8}
      />
      {busy && (
        <p className="kiosk-hint" role="status">
          {t('kioskCheckIn.busy')}
        </p>
      )}
      <Actions onBack={props.onHome}>
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          disabled={!code || busy}
          onClick={() => submit()}
        >
          {t('kioskCheckIn.submit')}
        </button>
      </Actions>
    </Screen>
  );
}
