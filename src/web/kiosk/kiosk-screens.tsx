/**
 * The kiosk's screens (kiosk-page.tsx runs the flow): the first screen with the office's load, categories,
 * services, the search on the Russian keyboard, the priority category, the phone, the ticket (with its QR
 * code and print), and a refusal in plain words. Every target is at least 64 px (kiosk.css).
 */
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { IssuedTicket, KioskSetup, VisitPurpose } from '../../shared/queue.js';
import type { ApiError } from '../app/api.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { LetterKeyboard, NumericKeypad } from './keyboards.js';
import { KioskLanguage } from './kiosk-language.js';
import { QrCode } from './qr-code.js';
import { formatPhoneDigits, searchServices } from './service-search.js';

export type ChosenService = { code: string; title: string };
export type Choice = { service?: ChosenService; purpose?: VisitPurpose };
type Service = KioskSetup['categories'][number]['services'][number];

/** A screen's heading: the office, the title, the language buttons and «В начало». */
export function Top(props: { setup: KioskSetup; title: string; onHome?: () => void }) {
  const { t } = useT();
  return (
    <div className="kiosk-top">
      <div>
        <p className="kiosk-office">{props.setup.office.name}</p>
        <h1>{props.title}</h1>
      </div>
      <div className="kiosk-top-actions">
        <KioskLanguage />
        {props.onHome && (
          <button type="button" className="kiosk-button kiosk-button-small" onClick={props.onHome}>
            {t('kiosk.home')}
          </button>
        )}
      </div>
    </div>
  );
}

export function Screen({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className="kiosk-screen" data-testid={testId}>
      {children}
    </div>
  );
}

/** The row of buttons at a screen's foot, «Назад» first when there is a way back. */
export function Actions(props: { onBack?: () => void; children?: ReactNode }) {
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

/** What was typed on the screen's keyboard, large, named for a screen reader. */
export function Entry(props: { label: string; testId: string; children: ReactNode }) {
  return (
    <p className="kiosk-entry">
      <span className="visually-hidden">{props.label}: </span>
      <output data-testid={props.testId}>{props.children}</output>
    </p>
  );
}

/** The sections of the office that offer a service, a button each. */
export function CategoryList(props: { setup: KioskSetup; onCategory: (code: string) => void }) {
  const categories = props.setup.categories.filter((c) => c.services.length > 0);
  return (
    <div className="kiosk-list">
      {categories.map((c) => (
        <button key={c.code} type="button" className="kiosk-button" onClick={() => props.onCategory(c.code)}>
          {c.title}
        </button>
      ))}
    </div>
  );
}

/** The documents to bring (a ticket's or a booking's), the optional ones said so. */
export function Documents(props: { documents: { name: string; required: boolean }[]; testId?: string }) {
  const { t } = useT();
  if (props.documents.length === 0) return null;
  return (
    <div className="kiosk-documents" data-testid={props.testId}>
      <h2>{t('kiosk.documents')}</h2>
      <ul>
        {props.documents.map((d) => (
          <li key={d.name}>
            {d.name}
            {!d.required && ` (${t('kiosk.optional')})`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A QR code to take away on a phone, with its hint. */
export function QrBox(props: { url: string; label: string; hint: string }) {
  return (
    <div className="kiosk-qr-box">
      <QrCode text={props.url} label={props.label} />
      <p className="kiosk-hint">{props.hint}</p>
    </div>
  );
}

/** The foot of a ticket or a booking: print it, or done (not printed itself). */
export function PrintOrDone({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  return (
    <div className="kiosk-actions kiosk-no-print">
      <button type="button" className="kiosk-button" onClick={() => window.print()}>
        {t('kiosk.print')}
      </button>
      <button type="button" className="kiosk-button kiosk-button-primary" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </div>
  );
}

/** The office's load: people waiting and the band of the predicted wait. */
function Load({ setup }: { setup: KioskSetup }) {
  const { t, tn } = useT();
  const { waiting, band } = setup.load;
  return (
    <p className="kiosk-load" data-testid="kiosk-load">
      <span>{waiting > 0 ? tn('kiosk.waiting', waiting) : t('kiosk.nobodyWaiting')}</span>
      <span>{band ? t(`kiosk.band.${band}`) : t('kiosk.noWindows')}</span>
    </p>
  );
}

type ClosedReason = 'closed' | 'not_open_now' | 'closing_soon' | 'no_windows';

/** Why no ticket is issued, in words, with today's hours of the office. */
function Closed({
  office,
  reason,
  closesAt,
}: {
  office: string;
  reason: ClosedReason;
  closesAt?: string | null;
}) {
  const { t } = useT();
  const detail = useQuery(portalQueries.office(office));
  const today = detail.data?.today;
  // "not open now" on a day the office does not open at all is "closed today"
  const why = reason === 'not_open_now' && today && !today.open ? 'closed' : reason;
  return (
    <div className="kiosk-problem" role="alert" data-testid="kiosk-closed">
      <p className="kiosk-problem-title">{t('kiosk.closedNow')}</p>
      <p>{t(`kiosk.closed.${why}`, { time: closesAt ?? today?.closes ?? '' })}</p>
      {today && (
        <p>
          {today.open && today.opens && today.closes
            ? t('kiosk.hoursToday', { opens: today.opens, closes: today.closes }) +
              (today.breakStart && today.breakEnd
                ? `, ${t('kiosk.hoursBreak', { start: today.breakStart, end: today.breakEnd })}`
                : '')
            : t('kiosk.hoursClosedToday')}
        </p>
      )}
    </div>
  );
}

export function StartScreen(props: {
  setup: KioskSetup;
  onPurpose: (purpose: VisitPurpose) => void;
  onCategories: () => void;
  onSearch: () => void;
  /** The booking's ways in (kiosk-check-in.tsx, kiosk-booking.tsx): check in by a code, book another day. */
  onCheckIn: () => void;
  onBook: () => void;
  /** A case's status by its number and PIN, or the receipt's QR (kiosk-status.tsx). */
  onStatus?: () => void;
  /** «Оценить качество обслуживания» by the ticket's QR (kiosk-rating.tsx). */
  onRate?: () => void;
}) {
  const { t } = useT();
  const { setup } = props;
  const purposes: VisitPurpose[] = ['submit', 'collect', 'consult'];
  return (
    <Screen testId="kiosk-start">
      <div className="kiosk-top">
        <div>
          <h1>{setup.office.name}</h1>
          <p className="kiosk-office">{setup.office.address}</p>
        </div>
        <KioskLanguage />
      </div>
      <Load setup={setup} />
      {setup.acceptsTickets ? (
        <>
          <h2 className="kiosk-question">{t('kiosk.choose')}</h2>
          <div className="kiosk-choices">
            {purposes.map((p) => (
              <button
                key={p}
                type="button"
                className="kiosk-button kiosk-button-big"
                onClick={() => props.onPurpose(p)}
              >
                {t(`kiosk.purpose.${p}`)}
              </button>
            ))}
            <button type="button" className="kiosk-button kiosk-button-big" onClick={props.onCategories}>
              {t('kiosk.chooseService')}
            </button>
            <button
              type="button"
              className="kiosk-button kiosk-button-big kiosk-button-search"
              onClick={props.onSearch}
            >
              {t('kiosk.search')}
            </button>
          </div>
        </>
      ) : (
        <Closed
          office={setup.office.code}
          reason={setup.closedReason ?? (setup.openNow ? 'closing_soon' : 'not_open_now')}
          closesAt={setup.closesAt}
        />
      )}
      <BookingChoices
        acceptsTickets={setup.acceptsTickets}
        onCheckIn={props.onCheckIn}
        onBook={props.onBook}
      />
      {props.onStatus && (
        <section className="kiosk-booking-choices" aria-labelledby="kiosk-status-choice">
          <h2 id="kiosk-status-choice" className="kiosk-question">
            {t('kioskStatus.title')}
          </h2>
          <button
            type="button"
            className="kiosk-button kiosk-button-big"
            data-testid="kiosk-status-start"
            onClick={props.onStatus}
          >
            {t('kioskStatus.start')}
          </button>
        </section>
      )}
      {props.onRate && (
        <section className="kiosk-booking-choices" aria-label={t('kioskRating.title')}>
          <button
            type="button"
            className="kiosk-button kiosk-button-big"
            data-testid="kiosk-rating-start"
            onClick={props.onRate}
          >
            {t('kioskRating.start')}
          </button>
        </section>
      )}
    </Screen>
  );
}

/** «У меня запись» (only while the office issues tickets: a check-in is one) and «Записаться на другой день». */
function BookingChoices(props: { acceptsTickets: boolean; onCheckIn: () => void; onBook: () => void }) {
  const { t } = useT();
  return (
    <section className="kiosk-booking-choices" aria-labelledby="kiosk-booking-choices">
      <h2 id="kiosk-booking-choices" className="kiosk-question">
        {t('kioskBook.startQuestion')}
      </h2>
      <div className="kiosk-pair">
        {props.acceptsTickets && (
          <button type="button" className="kiosk-button kiosk-button-big" onClick={props.onCheckIn}>
            {t('kioskCheckIn.start')}
          </button>
        )}
        <button type="button" className="kiosk-button kiosk-button-big" onClick={props.onBook}>
          {t('kioskBook.start')}
        </button>
      </div>
    </section>
  );
}

export function CategoriesScreen(props: {
  setup: KioskSetup;
  onCategory: (code: string) => void;
  onBack: () => void;
}) {
  const { t } = useT();
  return (
    <Screen testId="kiosk-categories">
      <Top setup={props.setup} title={t('kiosk.categories')} onHome={props.onBack} />
      <CategoryList setup={props.setup} onCategory={props.onCategory} />
    </Screen>
  );
}

const chosenOf = (s: Service): ChosenService => ({ code: s.code, title: s.title });

export function ServicesScreen(props: {
  setup: KioskSetup;
  category: string;
  onService: (service: ChosenService) => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const category = props.setup.categories.find((c) => c.code === props.category);
  return (
    <Screen testId="kiosk-services">
      <Top setup={props.setup} title={category?.title ?? t('kiosk.services')} onHome={props.onHome} />
      <div className="kiosk-list">
        {(category?.services ?? []).map((s) => (
          <button
            key={s.code}
            type="button"
            className="kiosk-button"
            onClick={() => props.onService(chosenOf(s))}
          >
            {s.title}
          </button>
        ))}
        {category?.services.length === 0 && <p>{t('kiosk.noServices')}</p>}
      </div>
      <Actions onBack={props.onBack} />
    </Screen>
  );
}

export function SearchScreen(props: {
  setup: KioskSetup;
  onService: (service: ChosenService) => void;
  onHome: () => void;
}) {
  const { t, tn } = useT();
  const [query, setQuery] = useState('');
  const all = props.setup.categories.flatMap((c) => c.services);
  const found = searchServices(all, query);
  const shown = found.slice(0, 8);
  return (
    <Screen testId="kiosk-search">
      <Top setup={props.setup} title={t('kiosk.search')} onHome={props.onHome} />
      <Entry label={t('kiosk.searchLabel')} testId="kiosk-search-query">
        {query || '\u00a0'}
      </Entry>
      <LetterKeyboard value={query} onChange={setQuery} />
      <div aria-live="polite">
        {query.trim() === '' ? (
          <p className="kiosk-hint">{t('kiosk.searchHint')}</p>
        ) : found.length === 0 ? (
          <p className="kiosk-hint">{t('kiosk.notFound')}</p>
        ) : (
          <p className="kiosk-hint">{tn('kiosk.found', found.length)}</p>
        )}
      </div>
      <div className="kiosk-list" data-testid="kiosk-search-results">
        {shown.map((s) => (
          <button
            key={s.code}
            type="button"
            className="kiosk-button"
            onClick={() => props.onService(chosenOf(s))}
          >
            {s.title}
          </button>
        ))}
      </div>
    </Screen>
  );
}

export function PriorityScreen(props: {
  setup: KioskSetup;
  value: string | null;
  onChoose: (code: string | null) => void;
  onHome: () => void;
}) {
  const { t, lang } = useT();
  return (
    <Screen testId="kiosk-priority">
      <Top setup={props.setup} title={t('kiosk.priority')} onHome={props.onHome} />
      <p className="kiosk-hint">{t('kiosk.priorityHint')}</p>
      <div className="kiosk-list">
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          onClick={() => props.onChoose(null)}
        >
          {t('kiosk.noPriority')}
        </button>
        {props.setup.priorities.map((p) => (
          <button key={p.code} type="button" className="kiosk-button" onClick={() => props.onChoose(p.code)}>
            {lang === 'en' && p.titleEn ? p.titleEn : p.title}
          </button>
        ))}
      </div>
    </Screen>
  );
}

export function PhoneScreen(props: {
  setup: KioskSetup;
  value: string;
  onChange: (digits: string) => void;
  busy: boolean;
  onSkip: () => void;
  onDone: () => void;
  onHome: () => void;
}) {
  const { t } = useT();
  const partial = props.value.length > 0 && props.value.length < 10;
  return (
    <Screen testId="kiosk-phone">
      <Top setup={props.setup} title={t('kiosk.phone')} onHome={props.onHome} />
      <p className="kiosk-hint">{t('kiosk.phoneHint')}</p>
      <Entry label={t('kiosk.phoneLabel')} testId="kiosk-phone-value">
        {formatPhoneDigits(props.value)}
      </Entry>
      <NumericKeypad value={props.value} onChange={props.onChange} maxLength={10} />
      {props.busy && (
        <p className="kiosk-hint" role="status">
          {t('kiosk.issuing')}
        </p>
      )}
      <div className="kiosk-actions">
        <button type="button" className="kiosk-button" disabled={props.busy} onClick={props.onSkip}>
          {t('kiosk.phoneSkip')}
        </button>
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          disabled={props.busy || partial}
          onClick={props.onDone}
        >
          {t('kiosk.phoneDone')}
        </button>
      </div>
    </Screen>
  );
}

export function TicketScreen(props: {
  setup: KioskSetup;
  ticket: IssuedTicket;
  onDone: () => void;
  /** A line under the service (a booked visitor's «по записи на 10:30»). */
  extra?: ReactNode;
}) {
  const { t, tn } = useT();
  const { ticket } = props;
  const what = ticket.service?.title ?? (ticket.purpose ? t(`kiosk.purpose.${ticket.purpose}`) : '');
  const url = `${window.location.origin}/t/${ticket.track}`;
  return (
    <Screen testId="kiosk-ticket">
      <section className="kiosk-ticket" aria-labelledby="kiosk-ticket-title">
        <p className="kiosk-office">{ticket.office.name}</p>
        <h1 id="kiosk-ticket-title" className="kiosk-ticket-heading">
          {t('kiosk.ticket')}
        </h1>
        <p className="kiosk-number" data-testid="kiosk-ticket-number">
          <span className="visually-hidden">{t('kiosk.ticketNumber')}: </span>
          {ticket.number}
        </p>
        <p className="kiosk-ticket-service">{what}</p>
        {props.extra}
        {ticket.priority && <p>{ticket.priority.title}</p>}
        <p className="kiosk-ticket-fact" data-testid="kiosk-ticket-position">
          {ticket.position > 0 ? tn('kiosk.ahead', ticket.position) : t('kiosk.nobodyAhead')}
        </p>
        <p className="kiosk-ticket-fact" data-testid="kiosk-ticket-wait">
          {ticket.estimatedWaitMinutes > 0
            ? t('kiosk.wait', { minutes: ticket.estimatedWaitMinutes })
            : t('kiosk.waitSoon')}
        </p>
        <Documents documents={ticket.documents} testId="kiosk-ticket-documents" />
        <QrBox url={url} label={t('kiosk.qr')} hint={t('kiosk.qrHint')} />
        <p className="kiosk-hint">{t('kiosk.watchScreen')}</p>
        <p className="kiosk-hint" data-testid="kiosk-ticket-rate-hint">
          {t('kioskRating.ticketHint')}
        </p>
      </section>
      <PrintOrDone onDone={props.onDone} />
    </Screen>
  );
}

const closedReasons: readonly string[] = ['closed', 'not_open_now', 'closing_soon', 'no_windows'];

export function RefusalScreen(props: { setup: KioskSetup; error: ApiError; onHome: () => void }) {
  const { t } = useT();
  const { error } = props;
  const details = (error.details ?? {}) as { reason?: string; closesAt?: string };
  const reason = closedReasons.includes(details.reason ?? '')
    ? (details.reason as ClosedReason)
    : 'not_open_now';
  return (
    <Screen testId="kiosk-refused">
      <Top setup={props.setup} title={t('kiosk.title')} />
      {error.code === 'OFFICE_CLOSED' ? (
        <Closed office={props.setup.office.code} reason={reason} closesAt={details.closesAt} />
      ) : (
        <p className="kiosk-problem" role="alert">
          {error.code === 'SERVICE_NOT_OFFERED' ? t('kiosk.serviceNotOffered') : t('kiosk.failed')}
        </p>
      )}
      <div className="kiosk-actions">
        <button type="button" className="kiosk-button kiosk-button-primary" onClick={props.onHome}>
          {t('kiosk.home')}
        </button>
      </div>
    </Screen>
  );
}
