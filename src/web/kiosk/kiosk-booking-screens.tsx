/**
 * The screens of a booking for a later day at the kiosk (kiosk-booking.tsx runs the flow): the service,
 * the day, the time, the name, the phone, the consents and the summary, a time taken meanwhile, a refusal,
 * and the booking's code with the QR code of its manage page. Every target is at least 64 px (kiosk.css).
 */
import { useQuery } from '@tanstack/react-query';
import type { Booking, Slot } from '../../shared/booking.js';
import { formatBookingCode } from '../../shared/booking-code.js';
import type { KioskSetup } from '../../shared/queue.js';
import type { ApiError } from '../app/api.js';
import { useT } from '../app/i18n/index.js';
import { queryKeys } from '../app/query-keys.js';
import {
  capitalized,
  isMobileDigits,
  laterDays,
  nameKeyboardRows,
  wallDate,
  wallTime,
} from './booking-input.js';
import { LetterKeyboard, NumericKeypad } from './keyboards.js';
import { kioskApi } from './kiosk-api.js';
import { type ChosenService, Screen, Top } from './kiosk-screens.js';
import { QrCode } from './qr-code.js';
import { formatPhoneDigits } from './service-search.js';

export type Consents = { personalData: boolean; sms: boolean };

/** The day and time of a slot in words: «среда, 2 декабря, 10:30». */
function useWhen() {
  const { date, weekdayOf } = useT();
  return {
    day: (iso: string) => `${weekdayOf(iso)}, ${date(iso)}`,
    at: (start: string, timeZone: string) => {
      const day = wallDate(start, timeZone);
      return `${weekdayOf(day)}, ${date(day)}, ${wallTime(start, timeZone)}`;
    },
  };
}

function Actions(props: { onBack?: () => void; children?: React.ReactNode }) {
  const { t } = useT();
  return (
    <div className="kiosk-actions">
      {props.onBack && (
        <button type="button" className="kiosk-button" onClick={props.onBack}>
          {t('kiosk.back')}
        </button>
      )}
      {props.children}
    </div>
  );
}

export function ServicePickScreen(props: {
  setup: KioskSetup;
  onCategory: (code: string) => void;
  onSearch: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const categories = props.setup.categories.filter((c) => c.services.length > 0);
  return (
    <Screen testId="kiosk-book-service">
      <Top setup={props.setup} title={t('kioskBook.title')} onHome={props.onHome} />
      <p className="kiosk-lead">{t('kioskBook.serviceLead')}</p>
      <button type="button" className="kiosk-button kiosk-button-search" onClick={props.onSearch}>
        {t('kiosk.search')}
      </button>
      <h2>{t('kiosk.categories')}</h2>
      <div className="kiosk-list">
        {categories.map((c) => (
          <button
            key={c.code}
            type="button"
            className="kiosk-button"
            onClick={() => props.onCategory(c.code)}
          >
            {c.title}
          </button>
        ))}
      </div>
    </Screen>
  );
}

function LoadProblem({ error }: { error: ApiError }) {
  const { t } = useT();
  return (
    <p className="kiosk-problem" role="alert">
      {error.status === 404 || error.status === 409 || error.code === 'VALIDATION'
        ? t('kioskBook.notBookable')
        : t('kioskBook.loadFailed')}
    </p>
  );
}

export function DayScreen(props: {
  setup: KioskSetup;
  service: ChosenService;
  onDay: (date: string) => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t, tn, date, weekdayOf } = useT();
  const office = props.setup.office.code;
  const availability = useQuery({
    queryKey: queryKeys.queue.kioskDays(office, props.service.code),
    queryFn: ({ signal }) => kioskApi.availability(office, props.service.code, signal),
  });
  const all = availability.data?.days ?? [];
  // the first day of the answer is the office's today: the days after it are another day's
  const days = all.length > 0 ? laterDays(all, all[0].date) : [];
  return (
    <Screen testId="kiosk-book-day">
      <Top setup={props.setup} title={t('kioskBook.day')} onHome={props.onHome} />
      <p className="kiosk-ticket-service">{props.service.title}</p>
      {availability.error ? (
        <LoadProblem error={availability.error as ApiError} />
      ) : !availability.data ? (
        <p className="kiosk-hint">{t('common.loading')}</p>
      ) : days.every((d) => d.free === 0) ? (
        <p className="kiosk-problem" role="alert">
          {t('kioskBook.noDays')}
        </p>
      ) : null}
      <div className="kiosk-days">
        {days.map((d) => (
          <button
            key={d.date}
            type="button"
            className="kiosk-button kiosk-day"
            disabled={d.free === 0}
            onClick={() => props.onDay(d.date)}
          >
            <span className="kiosk-day-date">{date(d.date)}</span>{' '}
            <span className="kiosk-day-weekday">{weekdayOf(d.date)}</span>{' '}
            <span className="kiosk-day-free">
              {d.free > 0 ? tn('kioskBook.free', d.free) : t('kioskBook.full')}
            </span>
          </button>
        ))}
      </div>
      <Actions onBack={props.onBack} />
    </Screen>
  );
}

export function TimeScreen(props: {
  setup: KioskSetup;
  service: ChosenService;
  date: string;
  onTime: (slot: Slot) => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const when = useWhen();
  const office = props.setup.office.code;
  const slots = useQuery({
    queryKey: queryKeys.queue.kioskTimes(office, props.service.code, props.date),
    queryFn: ({ signal }) => kioskApi.slots(office, props.service.code, props.date, signal),
  });
  const timeZone = slots.data?.timeZone ?? props.setup.office.timeZone;
  const free = (slots.data?.slots ?? []).filter((s) => s.free > 0);
  return (
    <Screen testId="kiosk-book-time">
      <Top setup={props.setup} title={t('kioskBook.time')} onHome={props.onHome} />
      <p className="kiosk-ticket-service">
        {props.service.title} · {when.day(props.date)}
      </p>
      {slots.error ? (
        <LoadProblem error={slots.error as ApiError} />
      ) : !slots.data ? (
        <p className="kiosk-hint">{t('common.loading')}</p>
      ) : free.length === 0 ? (
        <p className="kiosk-problem" role="alert">
          {t('kioskBook.noTimes')}
        </p>
      ) : null}
      <div className="kiosk-times">
        {free.map((s) => (
          <button
            key={s.start}
            type="button"
            className="kiosk-button kiosk-time"
            onClick={() => props.onTime(s)}
          >
            {wallTime(s.start, timeZone)}
          </button>
        ))}
      </div>
      <Actions onBack={props.onBack} />
    </Screen>
  );
}

export function NameScreen(props: {
  setup: KioskSetup;
  value: string;
  onChange: (value: string) => void;
  onNext: () => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  return (
    <Screen testId="kiosk-book-name">
      <Top setup={props.setup} title={t('kioskBook.name')} onHome={props.onHome} />
      <p className="kiosk-hint">{t('kioskBook.nameHint')}</p>
      <p className="kiosk-entry">
        <span className="visually-hidden">{t('kioskBook.nameLabel')}: </span>
        <output data-testid="kiosk-book-name-value">{capitalized(props.value) || '\u00a0'}</output>
      </p>
      <LetterKeyboard value={props.value} onChange={props.onChange} rows={nameKeyboardRows} maxLength={100} />
      <Actions onBack={props.onBack}>
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          disabled={props.value.trim() === ''}
          onClick={props.onNext}
        >
          {t('kiosk.next')}
        </button>
      </Actions>
    </Screen>
  );
}

export function PhoneEntryScreen(props: {
  setup: KioskSetup;
  value: string;
  onChange: (digits: string) => void;
  onNext: () => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const complete = props.value.length === 10;
  const wrong =
    (complete && !isMobileDigits(props.value)) || (props.value.length > 0 && props.value[0] !== '9');
  return (
    <Screen testId="kiosk-book-phone">
      <Top setup={props.setup} title={t('kioskBook.phone')} onHome={props.onHome} />
      <p className="kiosk-hint">{t('kioskBook.phoneHint')}</p>
      <p className="kiosk-entry">
        <span className="visually-hidden">{t('kiosk.phoneLabel')}: </span>
        <output data-testid="kiosk-book-phone-value">{formatPhoneDigits(props.value)}</output>
      </p>
      {wrong && (
        <p className="kiosk-problem" role="alert">
          {t('kioskBook.phoneWrong')}
        </p>
      )}
      <NumericKeypad value={props.value} onChange={props.onChange} maxLength={10} />
      <Actions onBack={props.onBack}>
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          disabled={!isMobileDigits(props.value)}
          onClick={props.onNext}
        >
          {t('kiosk.next')}
        </button>
      </Actions>
    </Screen>
  );
}

/** A consent as a big toggle: a real checkbox, 64 px, in a label as wide as the screen (the finger's target). */
function Toggle(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: React.ReactNode;
}) {
  return (
    <label className="kiosk-button kiosk-toggle">
      <input
        type="checkbox"
        className="kiosk-toggle-box"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.children}</span>
    </label>
  );
}

export function ConfirmScreen(props: {
  setup: KioskSetup;
  service: ChosenService;
  slot: Slot;
  name: string;
  phone: string;
  consents: Consents;
  onConsents: (consents: Consents) => void;
  busy: boolean;
  onBook: () => void;
  onChangeTime: () => void;
  onChangeName: () => void;
  onChangePhone: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const when = useWhen();
  const { consents } = props;
  const rows: [string, string, () => void][] = [
    [t('kioskBook.when'), when.at(props.slot.start, props.setup.office.timeZone), props.onChangeTime],
    [t('kioskBook.nameLabel'), props.name, props.onChangeName],
    [t('kiosk.phoneLabel'), formatPhoneDigits(props.phone), props.onChangePhone],
  ];
  return (
    <Screen testId="kiosk-book-confirm">
      <Top setup={props.setup} title={t('kioskBook.confirm')} onHome={props.onHome} />
      <p className="kiosk-ticket-service">{props.service.title}</p>
      <dl className="kiosk-summary" data-testid="kiosk-book-summary">
        {rows.map(([label, value, change]) => (
          <div key={label} className="kiosk-summary-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
            <dd>
              <button type="button" className="kiosk-button kiosk-button-small" onClick={change}>
                {t('kioskBook.change')}
                <span className="visually-hidden">: {label}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <fieldset className="kiosk-consents">
        <legend className="visually-hidden">{t('kioskBook.consents')}</legend>
        <Toggle
          checked={consents.personalData}
          onChange={(personalData) => props.onConsents({ ...consents, personalData })}
        >
          {t('kioskBook.consentPersonal')}
        </Toggle>
        <Toggle checked={consents.sms} onChange={(sms) => props.onConsents({ ...consents, sms })}>
          {t('kioskBook.consentSms')}
        </Toggle>
      </fieldset>
      {!consents.personalData && <p className="kiosk-hint">{t('kioskBook.consentNeeded')}</p>}
      {props.busy && (
        <p className="kiosk-hint" role="status">
          {t('kioskBook.booking')}
        </p>
      )}
      <Actions>
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          disabled={!consents.personalData || props.busy}
          onClick={props.onBook}
        >
          {t('kioskBook.submit')}
        </button>
      </Actions>
    </Screen>
  );
}

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
        {booking.documents.length > 0 && (
          <div className="kiosk-documents">
            <h2>{t('kiosk.documents')}</h2>
            <ul>
              {booking.documents.map((d) => (
                <li key={d.name}>
                  {d.name}
                  {!d.required && ` (${t('kiosk.optional')})`}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="kiosk-qr-box">
          <QrCode text={url} label={t('kioskBook.qr')} />
          <p className="kiosk-hint">{t('kioskBook.qrHint')}</p>
        </div>
      </section>
      <div className="kiosk-actions kiosk-no-print">
        <button type="button" className="kiosk-button" onClick={() => window.print()}>
          {t('kiosk.print')}
        </button>
        <button type="button" className="kiosk-button kiosk-button-primary" onClick={props.onDone}>
          {t('kiosk.done')}
        </button>
      </div>
    </Screen>
  );
}
