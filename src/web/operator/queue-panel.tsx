/**
 * The queue of the operator's window, beside the ticket: the waiting tickets this window takes, in the
 * order it would call them — the office's waiting list (the server's call order) narrowed to the window's
 * services and categories (all of them when it names none), a ticket sent to this window first, a postponed
 * one last until its time — each with its wait (ticking on the office's clock) and its marks: priority,
 * sent to this window, postponed, booked. The first one is marked «следующий».
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { OfficeOverview, StaffTicket, WindowState } from '../../shared/queue.js';
import type { ApiError } from '../app/api.js';
import { Badge, QueryStatus } from '../app/components.js';
import type { HeldWindow } from './console.js';
import { useOfficeNames, useServerClock } from './office-data.js';
import { minutesSince, useQueueWords } from './words.js';

/** The tickets `window` takes, in its calling order (the waiting list comes in the server's order). */
export function windowQueue(
  waiting: readonly StaffTicket[],
  window: WindowState,
  takes: (window: WindowState, ticket: StaffTicket) => boolean,
  now: number,
): StaffTicket[] {
  const rank = (tk: StaffTicket) =>
    tk.dueAt !== null && Date.parse(tk.dueAt) > now ? 2 : tk.targetWindow === window.number ? 0 : 1;
  return waiting.filter((tk) => takes(window, tk)).sort((a, b) => rank(a) - rank(b));
}

export function QueuePanel({
  window,
  office,
  overview,
}: Pick<HeldWindow, 'window' | 'office'> & { overview: UseQueryResult<OfficeOverview, ApiError> }) {
  const w = useQueueWords(office.timeZone);
  const { t, tn } = w;
  const names = useOfficeNames(office.code);
  const now = useServerClock(overview.data?.now, overview.dataUpdatedAt);
  const list = windowQueue(overview.data?.waiting ?? [], window, names.takes, now);
  return (
    <section aria-labelledby="op-queue" className="op-panel" data-testid="window-queue">
      <h2 id="op-queue">{t('operator.queue')}</h2>
      {!overview.data ? (
        <QueryStatus query={overview} />
      ) : list.length === 0 ? (
        <p className="muted">{t('operator.queueNobody')}</p>
      ) : (
        <>
          <p>{tn('operator.queueCount', list.length)}</p>
          <ol className="op-queue">
            {list.map((tk, i) => {
              const postponed = tk.dueAt !== null && Date.parse(tk.dueAt) > now;
              return (
                <li key={tk.id} className={postponed ? 'op-queue-later' : undefined}>
                  <span className="op-queue-number">{tk.number}</span>{' '}
                  <span className="op-queue-wait">{w.minutes(minutesSince(tk.queuedAt, now))}</span>
                  <span className="block">{w.subject(tk)}</span>
                  <span className="op-marks">
                    {i === 0 && !postponed && <Badge tone="ok">{t('operator.next')}</Badge>}
                    {tk.priority && (
                      <Badge tone="warn">
                        {t('queue.priority')}: {tk.priority.title}
                      </Badge>
                    )}
                    {tk.targetWindow !== null && <Badge>{t('queue.toWindow', { n: tk.targetWindow })}</Badge>}
                    {tk.returnWindow !== null && (
                      <Badge>{t('queue.returnsTo', { n: tk.returnWindow })}</Badge>
                    )}
                    {postponed && tk.dueAt && (
                      <Badge>{t('queue.postponedUntil', { time: w.time(tk.dueAt) })}</Badge>
                    )}
                    {tk.bookedFor && <Badge>{t('queue.booked', { time: w.time(tk.bookedFor) })}</Badge>}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
