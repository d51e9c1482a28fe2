/**
 * The outbox in words and in Moscow time: events, channels, statuses and attempt outcomes by their
 * message keys, and instants as the date and time in the region (the demo region and most of Russia's
 * МФЦ are on Moscow time; an admin abroad still reads the office's clock).
 */
import { useMemo } from 'react';
import type { OutboxAttempt } from '../../../shared/notifications.admin.js';
import type { Channel, MessageStatus, NotificationEvent } from '../../../shared/notifications.js';
import { useT } from '../../app/i18n/index.js';

export const outboxTimeZone = 'Europe/Moscow';
const aboutKinds = ['booking', 'ticket', 'case'] as const;

export function useOutboxWords() {
  const { t, locale } = useT();
  return useMemo(() => {
    const instant = new Intl.DateTimeFormat(locale, {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: outboxTimeZone,
    });
    return {
      event: (e: NotificationEvent) => t(`notif.event.${e}`),
      channel: (c: Channel) => t(`notif.channel.${c}`),
      status: (s: MessageStatus) => t(`notif.status.${s}`),
      outcome: (o: OutboxAttempt['outcome']) => t(`notif.outcome.${o}`),
      /** «запись K7M-4PX»: what a message is about, a kind without words as it came. */
      about: ({ kind, ref }: { kind: string; ref: string }) =>
        (aboutKinds as readonly string[]).includes(kind)
          ? t(`notif.about.${kind as (typeof aboutKinds)[number]}`, { ref })
          : `${kind} ${ref}`,
      /** `12.01.2027, 10:30:00` in Moscow time. */
      when: (iso: string) => instant.format(new Date(iso)),
    };
  }, [t, locale]);
}

/** A status's badge: handed over is good news, failed needs a look, the rest is waiting. */
export const statusTone = (s: MessageStatus) =>
  s === 'sent' || s === 'delivered' ? 'ok' : s === 'failed' ? 'warn' : 'neutral';
