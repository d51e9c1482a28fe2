/**
 * "/book/manage" — a booking by its code and the phone it was made with (the slip's QR code opens it with
 * ?code=): see it, cancel it (asked first; the time is free for others at once), or move it to another free
 * day and time (the month and the times of /book; the old time is kept until the new one is held). An
 * unknown code and a wrong phone read the same (no way to learn which codes exist). The phone rides in the
 * history entry's state, never in the address.
 */
import './book.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Booking, Slot } from '../../shared/booking.js';
import { formatBookingCode, parseBookingCode } from '../../shared/booking-code.js';
import { normalizeMobile } from '../../shared/contacts.js';
import type { ApiError } from '../app/api.js';
import { isRetryable, Loading } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { queryKeys } from '../app/query-keys.js';
import type { BookedState } from './book-page.js';
import { BookingCard } from './book-steps/booking-card.js';
import { fieldIssue, refusal, useMessagesFollowLanguage } from './book-steps/booking-words.js';
import { ConfirmPin } from './book-steps/confirm-pin.js';
import { DayTimes } from './book-steps/day-times.js';
import { fieldProblems, mobileRule } from './book-steps/form-fields.js';
import { localOf, useBookingFormat } from './book-steps/format.js';
import { MonthView } from './book-steps/month-view.js';
import { NearestTimes } from './book-steps/nearest-times.js';
import {
  bookingQueries,
  cancelBooking,
  managePath,
  nearestFree,
  rescheduleBooking,
  slipUrl,
} from './booking-queries.js';

export function ManageBookingPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const typed = params.get('code') ?? '';
  const code = parseBookingCode(typed) ?? '';
  const phone = (location.state as BookedState | null)?.phone ?? '';
  const booking = useQuery({ ...bookingQueries.booking(code, phone), enabled: code !== '' && phone !== '' });
  useTitle(t('manage.title'), t('manage.meta'));

  const open = (found: { code: string; phone: string }) =>
    navigate(managePath(found.code), { replace: true, state: { phone: found.phone } satisfies BookedState });

  if (booking.data) return <ManageBooking booking={booking.data} phone={phone} />;
  if (code && phone && booking.isPending) return <Loading space="space-page" />;
  // a refusal of code + phone reads as one neutral answer; a failure to reach the server can be retried
  const refused = booking.error && !isRetryable(booking.error);
  return (
    <div className="book">
      <h1>{t('manage.title')}</h1>
      <p>{t('manage.intro')}</p>
      {booking.error && (
        <div className="notice notice-error" role="alert" data-testid="manage-not-found">
          <p>{t(refused ? 'manage.notFound' : 'book.err.failed')}</p>
        </div>
      )}
      <LookupForm key={typed} defaultCode={typed} onFound={open} />
      <p>
        <Link to="/book">{t('manage.newBooking')}</Link>
      </p>
    </div>
  );
}

function LookupForm(props: {
  defaultCode: string;
  onFound: (found: { code: string; phone: string }) => void;
}) {
  const { t } = useT();
  const ids = useId();
  const form = useForm<{ code: string; phone: string }>({
    defaultValues: {
      code: parseBookingCode(props.defaultCode)
        ? formatBookingCode(parseBookingCode(props.defaultCode)!)
        : props.defaultCode,
      phone: '',
    },
  });
  useMessagesFollowLanguage(form);
  const { errors } = form.formState;
  const { aria, fieldError } = fieldProblems<'code' | 'phone'>(ids, errors);
  return (
    <form
      className="book-form"
      noValidate
      onSubmit={form.handleSubmit((values) =>
        props.onFound({ code: parseBookingCode(values.code)!, phone: normalizeMobile(values.phone)! }),
      )}
    >
      <div className="field">
        <label htmlFor={`${ids}-code`}>{t('manage.code')}</label>
        <p className="muted small" id={`${ids}-code-hint`}>
          {t('manage.codeHint')}
        </p>
        <input
          id={`${ids}-code`}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...aria('code', `${ids}-code-hint`)}
          {...form.register('code', {
            validate: (v) =>
              !v.trim() ? t('book.err.required') : parseBookingCode(v) ? true : t('book.err.code'),
          })}
        />
        {fieldError('code')}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-phone`}>{t('manage.phone')}</label>
        <input
          id={`${ids}-phone`}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          {...aria('phone')}
          {...form.register('phone', { validate: mobileRule(t) })}
        />
        {fieldError('phone')}
      </div>
      <button type="submit" className="button button-primary">
        {t('manage.find')}
      </button>
    </form>
  );
}

type Mode = { kind: 'view' } | { kind: 'cancel' } | { kind: 'reschedule' };

function ManageBooking({ booking, phone }: { booking: Booking; phone: string }) {
  const { t, date } = useT();
  const format = useBookingFormat();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [done, setDone] = useState<'cancelled' | 'moved' | null>(null);
  const active = booking.status === 'held' || booking.status === 'booked';
  const zone = booking.office.timeZone;

  const store = (changed: Booking) => {
    queryClient.setQueryData(bookingQueries.booking(changed.code, phone).queryKey, changed);
    void queryClient.invalidateQueries({ queryKey: queryKeys.booking.all, type: 'inactive' });
  };
  const cancel = useMutation<Booking, ApiError>({
    mutationFn: () => cancelBooking(booking.code, phone),
    onSuccess: (changed) => {
      store(changed);
      setMode({ kind: 'view' });
      setDone('cancelled');
    },
  });

  /** From the booking's view to moving or cancelling it: the last outcome's note and refusal are gone. */
  const begin = (kind: 'reschedule' | 'cancel') => {
    setDone(null);
    cancel.reset();
    setMode({ kind });
  };

  return (
    <div className="book">
      <h1>{t('manage.yourBooking')}</h1>
      <div aria-live="polite">
        {done && (
          <p className="notice" role="status" data-testid="manage-done">
            {done === 'cancelled'
              ? t('manage.cancelled')
              : t('manage.moved', { when: format.dateTimeShort(booking.start, zone) })}
          </p>
        )}
      </div>
      <BookingCard booking={booking} />
      {booking.status === 'held' && <ConfirmPin booking={booking} phone={phone} />}
      {active && mode.kind === 'view' && (
        <ul className="book-actions">
          <li>
            <a className="button" href={slipUrl(booking.code, phone)} data-testid="slip-link">
              {t('book.done.slip')}
            </a>
          </li>
          {(['reschedule', 'cancel'] as const).map((kind) => (
            <li key={kind}>
              <button type="button" className="button" onClick={() => begin(kind)}>
                {t(`manage.${kind}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {active && mode.kind === 'cancel' && (
        <section className="notice confirm" aria-labelledby="cancel-title" data-testid="cancel-confirm">
          <h2 id="cancel-title">{t('manage.cancelTitle')}</h2>
          <p>{t('manage.cancelText', { when: format.dateTimeShort(booking.start, zone) })}</p>
          {cancel.error && (
            <p className="field-error" role="alert">
              {refusal(t, date, cancel.error)}
            </p>
          )}
          <p className="book-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              {t('manage.cancelYes')}
            </button>
            <button type="button" className="button" onClick={() => setMode({ kind: 'view' })}>
              {t('manage.cancelNo')}
            </button>
          </p>
        </section>
      )}
      {active && mode.kind === 'reschedule' && (
        <Reschedule
          booking={booking}
          phone={phone}
          onDone={(changed) => {
            store(changed);
            setMode({ kind: 'view' });
            setDone('moved');
          }}
          onClose={() => setMode({ kind: 'view' })}
        />
      )}
      <p>
        <Link to="/book/manage">{t('manage.other')}</Link>
        {' · '}
        <Link to="/book">{t('manage.newBooking')}</Link>
      </p>
    </div>
  );
}

function Reschedule(props: {
  booking: Booking;
  phone: string;
  onDone: (booking: Booking) => void;
  onClose: () => void;
}) {
  const { t, date: formatDate } = useT();
  const format = useBookingFormat();
  const queryClient = useQueryClient();
  const { booking } = props;
  const zone = booking.office.timeZone;
  const [day, setDay] = useState<string | null>(null);
  const [pick, setPick] = useState<{ slot: Slot; time: string } | null>(null);
  const move = useMutation<Booking, ApiError, Slot>({
    mutationFn: (slot) => rescheduleBooking(booking.code, props.phone, slot.start),
    onSuccess: props.onDone,
    onError: (error) => {
      if (error.code === 'SLOT_TAKEN')
        void queryClient.invalidateQueries({ queryKey: queryKeys.booking.all });
    },
  });
  const problem = move.error?.validationDetails[0];
  const nearest = nearestFree(move.error);
  const choose = (slot: Slot) => {
    const local = localOf(slot.start, zone);
    setDay(local.date);
    setPick({ slot, time: local.time });
    move.reset();
  };
  return (
    <section aria-labelledby="reschedule-title" className="reschedule" data-testid="reschedule">
      <h2 id="reschedule-title">{t('manage.rescheduleTitle')}</h2>
      <p>{t('manage.rescheduleText', { when: format.dateTimeShort(booking.start, zone) })}</p>
      <MonthView
        office={booking.office.code}
        service={booking.service.code}
        selected={day}
        onSelect={(d) => {
          setDay(d);
          setPick(null);
          move.reset();
        }}
      />
      {day && (
        <section aria-labelledby="reschedule-times">
          <h3 id="reschedule-times">{t('manage.timesOf', { day: format.day(day) })}</h3>
          <DayTimes
            office={booking.office.code}
            service={booking.service.code}
            date={day}
            selected={pick?.time ?? null}
            onSelect={(slot, time) => {
              setPick({ slot, time });
              move.reset();
            }}
          />
        </section>
      )}
      <div aria-live="polite">
        {move.error && (
          <div className="notice notice-error" role="alert" data-error-code={move.error.code}>
            <p>{problem ? fieldIssue(t, problem) : refusal(t, formatDate, move.error)}</p>
            {nearest.length > 0 && <NearestTimes slots={nearest} timeZone={zone} onPick={choose} />}
          </div>
        )}
      </div>
      <p className="book-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!pick || move.isPending}
          onClick={() => pick && move.mutate(pick.slot)}
        >
          {pick
            ? t('manage.moveTo', { when: format.dateTimeShort(pick.slot.start, zone) })
            : t('manage.pickTime')}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {t('manage.keep')}
        </button>
      </p>
    </section>
  );
}
