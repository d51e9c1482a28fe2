/**
 * /office/:code — the office head's screen: the alerts first (a ticket waiting past the threshold, a
 * predicted wait past the target: «откройте ещё окно»), the load and today's figures (the share of visitors
 * called within the target), every window's state (free, a ticket called or served and for how long, a
 * break with its reason, closed), the queue per letter and service, and the waiting tickets. Live: the
 * office's board events refresh it at once (operator/live.ts), and its minutes tick on the office's clock
 * between reads. Times are the office's own (its time zone), whatever this computer's is.
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { OfficeOverview, WindowState } from '../../shared/queue.js';
import { TableScroll } from '../admin/components/list-page.js';
import { QueryStatus } from '../app/components.js';
import { useTitle } from '../app/i18n/index.js';
import { useQueueLive } from '../operator/live.js';
import { useOfficeNames, useServerClock } from '../operator/office-data.js';
import { queueQueries } from '../operator/queries.js';
import { minutesSince, QueueError, useQueueWords } from '../operator/words.js';
import { OfficeTabs } from './office-tabs.js';

type Words = ReturnType<typeof useQueueWords>;

export function OfficeQueuePage() {
  const code = useParams().code ?? '';
  const overview = useQuery(queueQueries.overview(code));
  const data = overview.data;
  const w = useQueueWords(data?.office.timeZone);
  const { t } = w;
  useTitle(data ? t('officeHead.heading', { office: data.office.name }) : t('officeHead.title'));
  useQueueLive(code);
  const now = useServerClock(data?.now, overview.dataUpdatedAt);
  const refused = overview.error && overview.error.status >= 400 && overview.error.status < 500;
  if (!data)
    return (
      <>
        <h1>{t('officeHead.title')}</h1>
        {overview.error?.status === 404 ? (
          <p className="notice notice-error" role="alert">
            {t('officeHead.notFound')}
          </p>
        ) : overview.error?.status === 403 ? (
          <p className="notice notice-error" role="alert">
            {t('officeHead.forbidden')}
          </p>
        ) : refused ? (
          <QueueError error={overview.error} />
        ) : (
          <QueryStatus query={overview} />
        )}
      </>
    );
  return (
    <div className="office-queue" data-testid="office-queue">
      <h1>{t('officeHead.heading', { office: data.office.name })}</h1>
      <OfficeTabs code={code} />
      <p className="lead" data-testid="office-load">
        {t('officeHead.load', {
          waiting: data.load.waiting,
          open: data.load.openWindows,
          minutes:
            data.load.estimatedWaitMinutes === null
              ? t('officeHead.noPrediction')
              : w.minutes(data.load.estimatedWaitMinutes),
        })}
      </p>
      <p className="muted small">{t('officeHead.asOf', { time: w.time(new Date(now).toISOString()) })}</p>
      <Alerts overview={data} w={w} />
      <Today overview={data} w={w} />
      <Windows overview={data} w={w} now={now} />
      <Queues overview={data} w={w} />
      <Waiting overview={data} w={w} now={now} />
    </div>
  );
}

function Alerts({ overview, w }: { overview: OfficeOverview; w: Words }) {
  const { t } = w;
  return (
    <section aria-labelledby="oq-alerts" data-testid="office-alerts">
      <h2 id="oq-alerts">{t('officeHead.alerts')}</h2>
      <div aria-live="polite">
        {overview.alerts.length === 0 ? (
          <p className="muted">{t('officeHead.noAlerts')}</p>
        ) : (
          <ul className="oq-alerts">
            {overview.alerts.map((a) => (
              <li key={`${a.kind}-${a.ticket ?? ''}`} className="notice notice-warn">
                {a.kind === 'long_wait'
                  ? t('officeHead.alert.long_wait', { ticket: a.ticket ?? '', minutes: a.minutes })
                  : t('officeHead.alert.open_window', { minutes: a.minutes })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Today({ overview, w }: { overview: OfficeOverview; w: Words }) {
  const { t, locale } = w;
  const today = overview.today;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const minutes = (n: number | null) =>
    n === null ? t('officeHead.noFigure') : t('queue.minutes', { n: decimal.format(n) });
  return (
    <section aria-labelledby="oq-today">
      <h2 id="oq-today">{t('officeHead.today')}</h2>
      <dl className="facts oq-today" data-testid="office-today">
        <div>
          <dt>{t('officeHead.share', { target: overview.settings.targetWaitMinutes })}</dt>
          <dd>
            {today.shareWithinTarget === null
              ? t('officeHead.noFigure')
              : percent.format(today.shareWithinTarget)}
          </dd>
        </div>
        <div>
          <dt>{t('officeHead.issued')}</dt>
          <dd>{today.issued}</dd>
        </div>
        <div>
          <dt>{t('officeHead.served')}</dt>
          <dd>{today.served}</dd>
        </div>
        <div>
          <dt>{t('officeHead.averageWait')}</dt>
          <dd>{minutes(today.averageWaitMinutes)}</dd>
        </div>
        <div>
          <dt>{t('officeHead.averageService')}</dt>
          <dd>{minutes(today.averageServiceMinutes)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** A window's state in words: free, a ticket called or served there and for how long, a break, closed. */
function windowState(window: WindowState, w: Words, now: number): string {
  const { t } = w;
  if (window.status === 'closed') return t('officeHead.state.closed');
  const ticket = window.ticket;
  if (ticket?.status === 'serving')
    return t('officeHead.state.serving', {
      number: ticket.number,
      minutes: minutesSince(ticket.startedAt ?? ticket.calledAt ?? ticket.queuedAt, now),
    });
  if (ticket)
    return t('officeHead.state.called', {
      number: ticket.number,
      minutes: minutesSince(ticket.calledAt ?? ticket.queuedAt, now),
    });
  if (window.status === 'paused') return t('officeHead.state.paused', { reason: window.pauseReason ?? '' });
  return t('officeHead.state.free');
}

function Windows({ overview, w, now }: { overview: OfficeOverview; w: Words; now: number }) {
  const { t } = w;
  const names = useOfficeNames(overview.office.code);
  return (
    <section aria-labelledby="oq-windows">
      <h2 id="oq-windows">{t('officeHead.windows')}</h2>
      <TableScroll label={t('officeHead.windows')}>
        <table className="admin-table" data-testid="office-windows">
          <thead>
            <tr>
              <th scope="col">{t('officeHead.col.window')}</th>
              <th scope="col">{t('officeHead.col.state')}</th>
              <th scope="col">{t('officeHead.col.operator')}</th>
              <th scope="col">{t('officeHead.col.services')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.windows.map((win) => (
              <tr key={win.number} className={win.status === 'closed' ? 'row-closed' : undefined}>
                <th scope="row">{win.label}</th>
                <td>{windowState(win, w, now)}</td>
                <td>{win.operator?.fullName ?? ''}</td>
                <td>{names.handles(win)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Queues({ overview, w }: { overview: OfficeOverview; w: Words }) {
  const { t } = w;
  return (
    <section aria-labelledby="oq-queues">
      <h2 id="oq-queues">{t('officeHead.queues')}</h2>
      {overview.queues.length === 0 ? (
        <p className="muted">{t('officeHead.noQueues')}</p>
      ) : (
        <TableScroll label={t('officeHead.queues')}>
          <table className="admin-table" data-testid="office-queues">
            <thead>
              <tr>
                <th scope="col">{t('officeHead.col.letter')}</th>
                <th scope="col">{t('officeHead.col.service')}</th>
                <th scope="col">{t('officeHead.col.waiting')}</th>
                <th scope="col">{t('officeHead.col.longest')}</th>
                <th scope="col">{t('officeHead.col.predicted')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.queues.map((q) => (
                <tr key={`${q.letter}-${q.service?.code ?? q.purpose ?? ''}`}>
                  <th scope="row">{q.letter}</th>
                  <td>{w.subject(q)}</td>
                  <td>{q.waiting}</td>
                  <td>{w.minutes(q.longestWaitMinutes)}</td>
                  <td>
                    {q.estimatedWaitMinutes === null
                      ? t('officeHead.noPrediction')
                      : w.minutes(q.estimatedWaitMinutes)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function Waiting({ overview, w, now }: { overview: OfficeOverview; w: Words; now: number }) {
  const { t } = w;
  const alertAfter = overview.settings.alertWaitMinutes;
  return (
    <section aria-labelledby="oq-waiting">
      <h2 id="oq-waiting">{t('officeHead.waiting')}</h2>
      {overview.waiting.length === 0 ? (
        <p className="muted">{t('officeHead.noWaiting')}</p>
      ) : (
        <TableScroll label={t('officeHead.waiting')}>
          <table className="admin-table" data-testid="office-waiting">
            <thead>
              <tr>
                <th scope="col">{t('officeHead.col.number')}</th>
                <th scope="col">{t('officeHead.col.service')}</th>
                <th scope="col">{t('officeHead.col.issuedAt')}</th>
                <th scope="col">{t('officeHead.col.waited')}</th>
                <th scope="col">{t('officeHead.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.waiting.map((tk) => {
                const waited = minutesSince(tk.queuedAt, now);
                const marks = [
                  tk.priority ? `${t('queue.priority')}: ${tk.priority.title}` : '',
                  tk.targetWindow !== null ? t('queue.toWindow', { n: tk.targetWindow }) : '',
                  tk.dueAt && Date.parse(tk.dueAt) > now
                    ? t('queue.postponedUntil', { time: w.time(tk.dueAt) })
                    : '',
                  tk.bookedFor ? t('queue.booked', { time: w.time(tk.bookedFor) }) : '',
                ].filter(Boolean);
                return (
                  <tr key={tk.id} className={waited > alertAfter ? 'oq-long' : undefined}>
                    <th scope="row">{tk.number}</th>
                    <td>{w.subject(tk)}</td>
                    <td>{w.time(tk.issuedAt)}</td>
                    <td>{w.minutes(waited)}</td>
                    <td>{marks.join('; ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
