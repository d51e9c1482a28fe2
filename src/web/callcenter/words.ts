/** How the console reads the API's values: events, channels, statuses and outcomes in words, instants in local time. */
import { useMemo } from 'react';
import type { CallOutcome, VerificationQuestion } from '../../shared/callcenter.js';
import type { Channel, MessageStatus, NotificationEvent } from '../../shared/notifications.js';
import { useT } from '../app/i18n/index.js';

export function useCallWords() {
  const translator = useT();
  const { t, locale } = translator;
  return useMemo(() => {
    const at = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    return {
      ...translator,
      // the outbox's words, as the admin's outbox page says them
      event: (event: NotificationEvent) => t(`notif.event.${event}`),
      channel: (channel: Channel) => t(`notif.channel.${channel}`),
      status: (status: MessageStatus) => t(`notif.status.${status}`),
      outcome: (outcome: CallOutcome) => t(`callcenter.outcome.${outcome}`),
      question: (question: VerificationQuestion) => t(`callcenter.question.${question}`),
      /** An instant from the API in the operator's own time: «9 мар., 15:30». */
      at: (iso: string) => at.format(new Date(iso)),
    };
  }, [translator, t, locale]);
}

/** The value of a `datetime-local` input for an instant, in local time: `2026-03-09T15:30`. */
export function localInputValue(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}
