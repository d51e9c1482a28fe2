/**
 * The screens of a booking for a later day at the kiosk (kiosk-booking.tsx runs the flow): the service,
 * the day, the time, the name, the phone, the consents and the summary (the outcomes: kiosk-booked.tsx).
 * Every target is at least 64 px (kiosk.css, kiosk-booking.css).
 */
import { useQuery } from '@tanstack/react-query';
import type { Slot } from '../../shared/booking.js';
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
import { Actions, CategoryList, type ChosenService, Entry, Screen, Top } from './kiosk-screens.js';
import { formatPhoneDigits } from './service-search.js';

export type Consents = { personalData: boolean; sms: boolean };

/** The day and time of a slot in words: «среда, 2 декабря, 10:30». */
export function useWhen() {
  const { date, weekdayOf } = useT();
  return {
    day: (iso: string) => `${weekdayOf(iso)}, ${date(iso)}`,
    at: (start: string, timeZone: string) => {
      const day = wallDate(start, timeZone);
      return `${weekdayOf(day)}, ${date(day)}, ${wallTime(start, timeZone)}`;
    },
  };
}

export function ServicePickScreen(props: {
  setup: KioskSetup;
  onCategory: (code: string) => void;
  onSearch: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  return (
    <Screen testId="kiosk-book-service">
      <Top setup={props.setup} title={t('kioskBook.title')} onHome={props.onHome} />
      <p className="kiosk-lead">{t('kioskBook.serviceLead')}</p>
      <button type="button" className="kiosk-button kiosk-button-search" onClick={props.onSearch}>
        {t('kiosk.search')}
      </button>
      <h2>{t('kiosk.categories')}</h2>
      <CategoryList setup={props.setup} onCategory={props.onCategory} />
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
      <Entry label={t('kioskBook.nameLabel')} testId="kiosk-book-name-value">
        {capitalized(props.value) || '\u00a0'}
      </Entry>
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
      <Entry label={t('kiosk.phoneLabel')} testId="kiosk-book-phone-value">
        {formatPhoneDigits(props.value)}
      </Entry>
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
