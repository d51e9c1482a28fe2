/**
 * How a booking at the kiosk ends (kiosk-booking.tsx runs the flow): the booking's code, very big, with the
 * QR code of its manage page; a time taken meanwhile with the nearest free ones; a refusal in plain words.
 */

import type { Booking, Slot } from '../../shared/booking.js';
import { formatBookingCode } from '../../shared/booking-code.js';
import type { KioskSetup } from '../../shared/queue.js';
import type { ApiError } from '../app/api.js';
import { useT } from '../app/i18n/index.js';
import { wallDate, wallTime } from './booking-input.js';
import { useWhen } from './kiosk-booking-screens.js';
import { Actions, Documents, PrintOrDone, QrBox, Screen, Top } from './kiosk-screens.js';

export function TakenScreen(props: {
  setup: KioskSetup;
  nearest: Slot[];
  onTime: (slot: Slot) => void;
  onOtherDay: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const when = useWhen();
  const timeZone = props.setup.office.timeZone;
  return (
    <Screen testId="kiosk-book-taken">
      <Top setup={props.setup} title={t('kioskBook.taken')} onHome={props.onHome} />
      <p className="kiosk-problem" role="alert">
        {props.nearest.length > 0 ? t('kioskBook.takenText') : t('kioskBook.takenNone')}
      </p>
      <div className="kiosk-list">
        {props.nearest.map((s) => (
          <button key={s.start} type="button" className="kiosk-button" onClick={() => props.onTime(s)}>
            {when.at(s.start, timeZone)}
          </button>
        ))}
      </div>
      <Actions>
        <button type="button" className="kiosk-button" onClick={props.onOtherDay}>
          {t('kioskBook.otherDay')}
        </button>
      </Actions>
    </Screen>
  );
}

const timeRules: readonly string[] = [
  'in_past',
  'too_soon',
  'beyond_horizon',
  'day_off',
  'not_on_grid',
  'outside_hours',
];

export function BookingRefusedScreen(props: {
  setup: KioskSetup;
  error: ApiError;
  onFix: (() => void) | null;
  onHome: () => void;
}) {
  const { t, date } = useT();
  const { error } = props;
  const details = (error.details ?? {}) as { rule?: unknown; until?: unknown };
  const message = (): string => {
    switch (error.code) {
      case 'BOOKING_LIMIT':
        return details.rule === 'one_per_service' ? t('kioskBook.limitService') : t('kioskBook.limitActive');
      case 'PHONE_LIMITED':
        return typeof details.until === 'string'
          ? t('kioskBook.phoneLimitedUntil', {
              date: date(wallDate(details.until, props.setup.office.timeZone)),
            })
          : t('kioskBook.phoneLimited');
      case 'RATE_LIMITED':
        return t('kioskBook.rateLimited');
      case 'VALIDATION': {
        const detail = error.validationDetails[0];
        if (detail?.path === 'phone') return t('kioskBook.phoneWrong');
        if (detail?.path === 'name') return t('kioskBook.nameWrong');
        const rule = (detail?.params as { rule?: string } | undefined)?.rule ?? '';
        if (detail?.path === 'start' && timeRules.includes(rule)) return t('kioskBook.timeGone');
        return t('kioskBook.failed');
      }
      case 'NOT_FOUND':
      case 'SERVICE_NOT_OFFERED':
        return t('kioskBook.notBookable');
      default:
        return t('kioskBook.failed');
    }
  };
  return (
    <Screen testId="kiosk-book-refused">
      <Top setup={props.setup} title={t('kioskBook.title')} onHome={props.onHome} />
      <p className="kiosk-problem" role="alert">
        {message()}
      </p>
      <Actions>
        {props.onFix && (
          <button type="button" className="kiosk-button kiosk-button-primary" onClick={props.onFix}>
            {t('kioskBook.fix')}
          </button>
        )}
      </Actions>
    </Screen>
  );
}

export function BookedScreen(props: { setup: KioskSetup; booking: Booking; onDone: () => void }) {
  const { t } = useT();
  const when = useWhen();
  const { booking } = props;
  const url = `${window.location.origin}/book/manage?code=${encodeURIComponent(booking.code)}`;
  return (
    <Screen testId="kiosk-book-done">
      <section className="kiosk-ticket" aria-labelledby="kiosk-book-done-title">
        <p className="kiosk-office">{booking.office.name}</p>
        <h1 id="kiosk-book-done-title" className="kiosk-ticket-heading">
          {t('kioskBook.done')}
        </h1>
        <p className="kiosk-booking-code" data-testid="kiosk-book-code">
          <span className="visually-hidden">{t('kioskBook.code')}: </span>
          {formatBookingCode(booking.code)}
        </p>
        <p className="kiosk-ticket-fact">{t('kioskBook.keepCode')}</p>
        <p className="kiosk-ticket-service">{booking.service.title}</p>
        <p className="kiosk-ticket-fact" data-testid="kiosk-book-when">
          {when.at(booking.start, booking.office.timeZone)}
        </p>
        <p>{booking.office.address}</p>
        <p className="kiosk-hint">
          {t('kioskBook.comeHint', {
            from: wallTime(booking.checkIn.from, booking.office.timeZone),
            until: wallTime(booking.checkIn.until, booking.office.timeZone),
          })}
        </p>
        <Documents documents={booking.documents} />
        <QrBox url={url} label={t('kioskBook.qr')} hint={t('kioskBook.qrHint')} />
      </section>
      <PrintOrDone onDone={props.onDone} />
    </Screen>
  );
}
