/**
 * How the queue's staff screens read the API's values: statuses, purposes and outcomes in words, a ticket's
 * service (or purpose), instants as the office's clock shows them (its own time zone, not this computer's),
 * and a refusal in words (`queueErrorText`: a taken window, a ticket in another state with what is possible
 * instead, a closed office…), never the server's English. `<QueueError error/>` shows one as an alert.
 */
import { useMemo } from 'react';
import type { StaffTicket, TicketOutcome, TicketStatus, VisitPurpose } from '../../shared/queue.js';
import type { ApiError } from '../app/api.js';
import { type MessageKey, type Translator, useT } from '../app/i18n/index.js';
import { issueMessage } from '../app/issues.js';

const actionWords: Record<string, MessageKey> = {
  'call-next': 'queue.action.call-next',
  call_next: 'queue.action.call-next',
  recall: 'queue.action.recall',
  'no-show': 'queue.action.no-show',
  no_show: 'queue.action.no-show',
  start: 'queue.action.start',
  finish: 'queue.action.finish',
  postpone: 'queue.action.postpone',
  redirect: 'queue.action.redirect',
  pause: 'queue.action.pause',
  resume: 'queue.action.resume',
  close: 'queue.action.close',
};

const statuses: readonly string[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'closed'];
const closedReasons: readonly string[] = ['closed', 'not_open_now', 'closing_soon', 'no_windows'];

type Details = { status?: unknown; allowed?: unknown; reason?: unknown; closesAt?: unknown };

/** A refused or failed queue action in the user's words. */
export function queueErrorText(t: Translator['t'], error: ApiError): string {
  const details = (error.details && typeof error.details === 'object' ? error.details : {}) as Details;
  switch (error.code) {
    case 'WINDOW_TAKEN':
    case 'NO_WINDOW':
    case 'SERVICE_NOT_OFFERED':
      return t(`queue.err.${error.code}`);
    case 'INVALID_TRANSITION': {
      const status =
        typeof details.status === 'string' && statuses.includes(details.status) ? details.status : null;
      const allowed = Array.isArray(details.allowed)
        ? details.allowed.flatMap((a) => (typeof a === 'string' && actionWords[a] ? [t(actionWords[a])] : []))
        : [];
      const head = status
        ? t('queue.err.INVALID_TRANSITION', { status: t(`queue.status.${status as TicketStatus}`) })
        : t('queue.err.INVALID_TRANSITION_WINDOW');
      return allowed.length > 0 ? `${head} ${t('queue.err.allowed', { actions: allowed.join(', ') })}` : head;
    }
    case 'OFFICE_CLOSED': {
      const reason =
        typeof details.reason === 'string' && closedReasons.includes(details.reason) ? details.reason : null;
      if (!reason) return t('queue.err.OFFICE_CLOSED');
      const time = typeof details.closesAt === 'string' ? details.closesAt : '';
      return t(
        `queue.err.OFFICE_CLOSED.${reason as 'closed' | 'not_open_now' | 'closing_soon' | 'no_windows'}`,
        {
          time,
        },
      );
    }
    case 'VALIDATION': {
      const [first] = error.validationDetails;
      return first ? issueMessage(t, first) : t('queue.err.other');
    }
  }
  if (error.status === 0) return t('queue.err.NETWORK');
  if (error.status === 403) return t('queue.err.FORBIDDEN');
  if (error.status === 404) return t('queue.err.NOT_FOUND');
  return t('queue.err.other');
}

export function QueueError({ error, testId }: { error: ApiError | null; testId?: string }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert" data-error-code={error.code} data-testid={testId}>
      {queueErrorText(t, error)}
    </p>
  );
}

/** The queue's words for one office: `timeZone` is the office's (the overview's or «my window»'s). */
export function useQueueWords(timeZone?: string | null) {
  const translator = useT();
  const { t, locale } = translator;
  return useMemo(() => {
    const clock = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: timeZone ?? undefined,
    });
    return {
      ...translator,
      status: (status: TicketStatus) => t(`queue.status.${status}`),
      purpose: (purpose: VisitPurpose) => t(`queue.purpose.${purpose}`),
      outcome: (outcome: TicketOutcome) => t(`queue.outcome.${outcome}`),
      /** What the visitor came for: the service's title, else the purpose. */
      subject: (ticket: Pick<StaffTicket, 'service' | 'purpose'>) =>
        ticket.service?.title ??
        (ticket.purpose ? t(`queue.purpose.${ticket.purpose}`) : t('queue.noService')),
      minutes: (n: number) => t('queue.minutes', { n }),
      /** An instant on the office's clock: «09:42». */
      time: (iso: string) => clock.format(new Date(iso)),
      errorText: (error: ApiError) => queueErrorText(t, error),
    };
  }, [translator, t, locale, timeZone]);
}

/** Whole minutes from an instant to now (never below zero). */
export const minutesSince = (iso: string, now: number) =>
  Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
