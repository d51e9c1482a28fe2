/**
 * "/t/:track" — the ticket page (the QR code on the ticket): the number, its state, the office and the
 * service, the people ahead and the estimated wait, live — refetched on every event of the office's board
 * and every 20 s — and, the moment it is called, «Пройдите к окну N» large, with a beep and a vibration
 * where the phone allows. A postponed ticket says until when; a finished one says how it ended and, once
 * the visit is over, «Оцените визит» leads to its rating (/rate/{token}, issue 12).
 */
import './ticket.css';
import '../rating/rating.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import type { PublicTicket } from '../../shared/queue.js';
import { ErrorNotice, Loading, NotFoundPanel } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { queryKeys } from '../app/query-keys.js';
import { useOfficeEvents } from '../board/office-events.js';
import { portalQueries } from '../portal/queries.js';
import { ratePath } from '../rating/rating-api.js';

export function TicketPage() {
  const { track = '' } = useParams();
  const { t } = useT();
  const ticket = useQuery(portalQueries.ticket(track));
  useTitle(ticket.data ? t('ticket.title', { number: ticket.data.number }) : null);
  if (ticket.error?.isNotFound || (ticket.error && ticket.error.code === 'VALIDATION'))
    return (
      <NotFoundPanel
        title={t('ticket.notFound')}
        text={t('ticket.notFoundText')}
        link="/offices"
        linkText={t('ticket.toOffices')}
      />
    );
  if (ticket.error) return <ErrorNotice error={ticket.error} onRetry={() => void ticket.refetch()} />;
  if (!ticket.data) return <Loading space="space-page" />;
  return <TicketView track={track} ticket={ticket.data} />;
}

const active = (status: PublicTicket['status']) =>
  status === 'waiting' || status === 'called' || status === 'serving';

function TicketView({ track, ticket }: { track: string; ticket: PublicTicket }) {
  const { t, tn } = useT();
  const queryClient = useQueryClient();
  // A call comes with a `queue` event: one refetch for both (an answer on its way is not asked again).
  const refetch = () =>
    void queryClient.invalidateQueries({ queryKey: queryKeys.queue.ticket(track) }, { cancelRefetch: false });
  const alert = useAlert();
  useOfficeEvents(ticket.office.code, active(ticket.status), {
    onCall: (call) => {
      refetch();
      // the board's own event: a recall (the ticket's state does not change) rings too
      if (call.number === ticket.number) alert();
    },
    onQueue: refetch,
  });
  useCalledAlert(ticket, alert);

  const time = (iso: string) =>
    new Intl.DateTimeFormat('ru-RU', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: ticket.office.timeZone,
    }).format(new Date(iso));
  const postponed = ticket.status === 'waiting' && ticket.dueAt && new Date(ticket.dueAt) > new Date();
  const called = ticket.status === 'called' && ticket.calledTo;
  // a finished visit carries its rating's token (issue 12): the QR on the ticket leads to the rating so
  const ratingToken = ticket.ratingToken;

  return (
    <article className="ticket" data-status={ticket.status}>
      <h1 className="ticket-number">{t('ticket.title', { number: ticket.number })}</h1>
      {called ? (
        <p className="ticket-call" role="alert">
          {t('ticket.goTo', { window: ticket.calledTo?.window ?? '' })}
        </p>
      ) : (
        <p className={`ticket-status ticket-status-${ticket.status}`} role="status" aria-live="polite">
          {ticket.status === 'serving' && ticket.calledTo
            ? `${t('ticket.status.serving')} · ${t('board.toWindow', { window: ticket.calledTo.window })}`
            : t(`ticket.status.${ticket.status}`)}
        </p>
      )}
      {postponed && ticket.dueAt && (
        <p className="notice">{t('ticket.postponedUntil', { time: time(ticket.dueAt) })}</p>
      )}
      <dl className="facts">
        {ticket.status === 'waiting' && ticket.position !== null && (
          <div>
            <dt>{t('ticket.ahead')}</dt>
            <dd className="ticket-ahead" data-position={ticket.position}>
              {ticket.position === 0 ? t('ticket.nobodyAhead') : tn('ticket.people', ticket.position)}
            </dd>
          </div>
        )}
        {ticket.status === 'waiting' && ticket.estimatedWaitMinutes !== null && (
          <div>
            <dt>{t('ticket.wait')}</dt>
            <dd>{tn('ticket.minutes', ticket.estimatedWaitMinutes)}</dd>
          </div>
        )}
        <div>
          <dt>{t('ticket.office')}</dt>
          <dd>
            <Link to={`/offices/${encodeURIComponent(ticket.office.code)}`}>{ticket.office.name}</Link>
          </dd>
        </div>
        {(ticket.service || ticket.purpose) && (
          <div>
            <dt>{t('ticket.service')}</dt>
            <dd>
              {ticket.service ? ticket.service.title : t(`ticket.purpose.${ticket.purpose ?? 'consult'}`)}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('ticket.issuedAt')}</dt>
          <dd>{time(ticket.issuedAt)}</dd>
        </div>
      </dl>
      {active(ticket.status) && <p className="muted small">{t('ticket.live')}</p>}
      {ratingToken && (
        <section className="rating-call" aria-labelledby="ticket-rate" data-testid="ticket-rate">
          <h2 id="ticket-rate">{t('rating.rateVisit')}</h2>
          <p>{t('rating.rateVisitHint')}</p>
          <Link className="button button-primary" to={ratePath(ratingToken, 'qr')}>
            {t('rating.rateVisit')}
          </Link>
        </section>
      )}
    </article>
  );
}

/** A beep and a vibration, at most once in a few seconds (a call's event and its new state both ask). */
function useAlert(): () => void {
  const last = useRef(0);
  return () => {
    if (Date.now() - last.current < 2000) return;
    last.current = Date.now();
    beep();
    if ('vibrate' in navigator) navigator.vibrate([300, 150, 300]);
  };
}

/** Rings the moment the ticket is seen called (a page opened long after the call stays quiet). */
function useCalledAlert(ticket: PublicTicket, alert: () => void): void {
  const seen = useRef<string | null>(null);
  const at = ticket.status === 'called' ? (ticket.calledTo?.at ?? null) : null;
  const ring = useRef(alert);
  ring.current = alert;
  useEffect(() => {
    if (!at || seen.current === at) return;
    const stale = seen.current === null && Date.now() - new Date(at).getTime() > 60_000;
    seen.current = at;
    if (!stale) ring.current();
  }, [at]);
}

function beep(): void {
  try {
    const context = new AudioContext();
    for (const [start, frequency] of [
      [0, 880],
      [0.35, 1175],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.25, context.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + start + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + start);
      oscillator.stop(context.currentTime + start + 0.3);
    }
    setTimeout(() => void context.close(), 1000);
  } catch {
    // no audio on this device: the words on the screen say it
  }
}
