/** The situational center's words for an alert, an office's state and its figures (Russian first). */
import type { SituationAlert, SituationOffice } from '../../shared/analytics.js';
import type { MessageKey, Translator } from '../app/i18n/index.js';
import type { OfficeState } from './situation-view.js';

export const stateWords: Record<OfficeState, MessageKey> = {
  alert: 'situation.state.alert',
  busy: 'situation.state.busy',
  ok: 'situation.state.ok',
  closed: 'situation.state.closed',
};

export function alertText(t: Translator, alert: SituationAlert, targetMinutes: number): string {
  switch (alert.kind) {
    case 'wait_over_target':
      return t.t('situation.alert.wait_over_target', {
        minutes: t.number(alert.minutes ?? 0),
        target: t.number(targetMinutes),
      });
    case 'window_closed':
      return t.t('situation.alert.window_closed', { window: alert.window ?? '' });
    case 'kiosk_offline':
      return t.t('situation.alert.kiosk_offline', { kiosk: alert.kiosk ?? '' });
  }
}

export const minutesText = (t: Translator, n: number | null) =>
  n === null ? t.t('situation.none') : t.t('situation.minutes', { n: t.number(n) });

export const visitsText = (t: Translator, o: SituationOffice) =>
  t.t('situation.visits', {
    today: t.number(o.visitsToday),
    usual: o.usualVisits === null ? t.t('situation.noUsual') : t.number(o.usualVisits),
  });

/** A clock of the offices' zone (the region's offices share one nearly always; else the first's). */
export function zonedClock(locale: string, timeZone: string | undefined) {
  const format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return (iso: string) => format.format(new Date(iso));
}
