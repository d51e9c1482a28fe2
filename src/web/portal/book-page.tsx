/**
 * "/book" — pre-booking a time at an office (issue 10): service → office (nearest first, each with its
 * first free time) → a day of the month → a free time → name, phone, consents → the booking's code.
 * Every choice is in the query string (service, office, date, time), so reload and «Назад» keep the way;
 * a service page links here with ?service=. The confirmation is ?code= with the phone in the history
 * entry's state (never in the address): reload shows it again, a shared link asks for the phone on
 * /book/manage. A lazy chunk: the catalog's pages do not load it.
 */
import './book.css';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Booking, Slot } from '../../shared/booking.js';
import { formatBookingCode } from '../../shared/booking-code.js';
import { ErrorNotice, Loading } from '../app/components.js';
import { type MessageKey, useT, useTitle } from '../app/i18n/index.js';
import { BookingCard } from './book-steps/booking-card.js';
import { ConfirmPin } from './book-steps/confirm-pin.js';
import { DayTimes, useFreeSlot } from './book-steps/day-times.js';
import { type DetailsDraft, DetailsForm } from './book-steps/details-form.js';
import { localOf, useBookingFormat } from './book-steps/format.js';
import { MonthView } from './book-steps/month-view.js';
import { OfficeStep } from './book-steps/office-step.js';
import { ServiceStep } from './book-steps/service-step.js';
import { bookingQueries, managePath, slipUrl } from './booking-queries.js';
import { portalQueries } from './queries.js';

const steps = ['service', 'office', 'day', 'time', 'details'] as const;
type Step = (typeof steps)[number];
const stepKeys: Record<Step, MessageKey> = {
  service: 'book.step.service',
  office: 'book.step.office',
  day: 'book.step.day',
  time: 'book.step.time',
  details: 'book.step.details',
};
const order = ['service', 'office', 'date', 'time'] as const;
type Choice = Partial<Record<(typeof order)[number], string>>;

/** `/book?…` with the choices up to the last one given (a changed choice drops the ones after it). */
export function bookPath(choice: Choice): string {
  const search = new URLSearchParams();
  for (const key of order) {
    const value = choice[key];
    if (!value) break;
    search.set(key, value);
  }
  const text = search.toString();
  return text ? `/book?${text}` : '/book';
}

/** The history entry's state of the confirmation: the phone the booking was made with. */
export type BookedState = { phone?: string };

export function BookPage() {
  const [params] = useSearchParams();
  const code = params.get('code');
  if (code) return <BookingDone code={code} />;
  return <BookSteps params={params} />;
}

function BookSteps({ params }: { params: URLSearchParams }) {
  const { t } = useT();
  const navigate = useNavigate();
  const format = useBookingFormat();
  const choice: Choice = {};
  for (const key of order) {
    const value = params.get(key);
    if (!value) break;
    choice[key] = value;
  }
  const { service = '', office = '', date = '', time = '' } = choice;
  const step: Step = !service ? 'service' : !office ? 'office' : !date ? 'day' : !time ? 'time' : 'details';
  useTitle(t('book.title'), t('book.meta'));

  // a step shown after a choice takes the focus (its heading), so a screen reader hears where it is
  const firstRender = useRef(true);
  // the form's values while the person picks another time (a taken one, «Изменить»): memory only
  const draft = useRef<DetailsDraft>({});
  const keepDraft = useCallback((values: DetailsDraft) => {
    draft.current = values;
  }, []);
  useEffect(() => {
    firstRender.current = false;
  }, []);

  const serviceCard = useQuery({ ...portalQueries.service(service), enabled: service !== '' });
  const officeDetail = useQuery({ ...portalQueries.office(office), enabled: office !== '' });
  const go = (next: Choice) => navigate(bookPath(next));
  const pickSlot = (slot: Slot, timeZone: string) => {
    const local = localOf(slot.start, timeZone);
    go({ service, office, date: local.date, time: local.time });
  };

  const summary: { key: Step; label: MessageKey; value: ReactNode; change: string }[] = [];
  if (service)
    summary.push({
      key: 'service',
      label: 'book.summary.service',
      value: serviceCard.data ? serviceCard.data.shortTitle || serviceCard.data.title : '…',
      change: bookPath({}),
    });
  if (office)
    summary.push({
      key: 'office',
      label: 'book.summary.office',
      value: officeDetail.data ? `${officeDetail.data.name}, ${officeDetail.data.address}` : '…',
      change: bookPath({ service }),
    });
  if (date)
    summary.push({
      key: 'day',
      label: 'book.summary.day',
      value: format.day(date),
      change: bookPath({ service, office }),
    });
  if (time)
    summary.push({
      key: 'time',
      label: 'book.summary.time',
      value: time,
      change: bookPath({ service, office, date }),
    });

  return (
    <div className="book">
      <h1>{t('book.title')}</h1>
      <ol className="book-progress" aria-label={t('book.progress')}>
        {steps.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            className={i < steps.indexOf(step) ? 'done' : undefined}
          >
            {t(stepKeys[s])}
          </li>
        ))}
      </ol>
      {summary.length > 0 && (
        <dl className="book-summary" data-testid="book-summary">
          {summary.map((item) => (
            <div key={item.key}>
              <dt>{t(item.label)}</dt>
              <dd>
                <span>{item.value}</span>{' '}
                <Link
                  to={item.change}
                  className="small"
                  aria-label={t('book.summary.changeWhat', { what: t(item.label) })}
                >
                  {t('book.summary.change')}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {serviceCard.error?.isNotFound ? (
        <div className="notice notice-error" role="alert">
          <p>{t('book.service.notFound')}</p>
          <Link to={bookPath({})}>{t('book.service.choose')}</Link>
        </div>
      ) : (
        <section aria-labelledby="book-step" className="book-step" data-step={step}>
          <StepHeading focus={!firstRender.current}>{t(`book.heading.${step}`)}</StepHeading>
          {step === 'service' && <ServiceStep stepLink={(s) => bookPath({ service: s })} />}
          {step === 'office' && (
            <OfficeStep service={service} stepLink={(o) => bookPath({ service, office: o })} />
          )}
          {step === 'day' && (
            <MonthView
              office={office}
              service={service}
              selected={null}
              onSelect={(d) => go({ service, office, date: d })}
            />
          )}
          {step === 'time' && (
            <DayTimes
              office={office}
              service={service}
              date={date}
              selected={null}
              onSelect={(_, tm) => go({ service, office, date, time: tm })}
            />
          )}
          {step === 'details' && (
            <Details
              office={office}
              service={service}
              date={date}
              time={time}
              onPickSlot={pickSlot}
              draft={draft.current}
              onDraft={keepDraft}
              onBooked={(booking, phone) =>
                navigate(`/book?code=${encodeURIComponent(booking.code)}`, {
                  replace: true,
                  state: { phone } satisfies BookedState,
                })
              }
            />
          )}
        </section>
      )}
    </div>
  );
}

function StepHeading({ focus, children }: { focus: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only; each step mounts its own heading
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return (
    <h2 id="book-step" ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}

/** The form, once the chosen time is known to be free (the day's answer names it). */
function Details(props: {
  office: string;
  service: string;
  date: string;
  time: string;
  onPickSlot: (slot: Slot, timeZone: string) => void;
  onBooked: (booking: Booking, phone: string) => void;
  draft: DetailsDraft;
  onDraft: (draft: DetailsDraft) => void;
}) {
  const { t } = useT();
  const found = useFreeSlot(props.office, props.service, props.date, props.time);
  // once the form is shown for a time it stays, even if a refetch finds the time taken meanwhile: sending
  // then gets SLOT_TAKEN with the nearest free times, which says more than «taken» alone
  const shown = useRef<{ key: string; slot: Slot; timeZone: string } | null>(null);
  const key = `${props.office}/${props.service}/${props.date}/${props.time}`;
  if (found.slot && found.timeZone) shown.current = { key, slot: found.slot, timeZone: found.timeZone };
  const current = shown.current?.key === key ? shown.current : null;
  if (!current) {
    const { query } = found;
    if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Loading space="space-results" />;
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('book.time.gone')}</p>
        <Link to={bookPath({ service: props.service, office: props.office, date: props.date })}>
          {t('book.time.other')}
        </Link>
      </div>
    );
  }
  const { slot, timeZone } = current;
  return (
    <DetailsForm
      key={slot.start}
      office={props.office}
      service={props.service}
      slot={slot}
      timeZone={timeZone}
      onBooked={props.onBooked}
      onPickTime={(s) => props.onPickSlot(s, timeZone)}
      draft={props.draft}
      onDraft={props.onDraft}
    />
  );
}

/** ?code=: the booking made a moment ago, read with the phone kept in this history entry. */
function BookingDone({ code }: { code: string }) {
  const { t } = useT();
  const location = useLocation();
  const phone = (location.state as BookedState | null)?.phone ?? '';
  const booking = useQuery({ ...bookingQueries.booking(code, phone), enabled: phone !== '' });
  useTitle(t('book.done.title'));
  // the form that was pressed is gone (same path, another query): the focus goes to the new page's title
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);
  return (
    <div className="book">
      <h1 ref={heading} tabIndex={-1}>
        {t('book.done.title')}
      </h1>
      {!phone ? (
        <>
          <p>
            {t('book.done.codeOnly')} <strong className="nowrap">{formatBookingCode(code)}</strong>
          </p>
          <p>
            <Link to={managePath(code)}>{t('book.done.manage')}</Link>
          </p>
        </>
      ) : booking.error ? (
        <ErrorNotice error={booking.error} onRetry={() => void booking.refetch()} />
      ) : !booking.data ? (
        <Loading space="space-page" />
      ) : (
        <>
          <p className="notice" role="status">
            {t('book.done.text')}
          </p>
          <BookingCard booking={booking.data} />
          {booking.data.status === 'held' && <ConfirmPin booking={booking.data} phone={phone} />}
          <ul className="book-actions">
            <li>
              <a
                className="button button-primary"
                href={slipUrl(booking.data.code, phone)}
                data-testid="slip-link"
              >
                {t('book.done.slip')}
              </a>
            </li>
            <li>
              <Link
                className="button"
                to={managePath(booking.data.code)}
                state={{ phone } satisfies BookedState}
                data-testid="manage-link"
              >
                {t('book.done.manage')}
              </Link>
            </li>
          </ul>
          <p className="muted small">{t('book.done.keepCode')}</p>
        </>
      )}
    </div>
  );
}
