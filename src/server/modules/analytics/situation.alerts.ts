import type { SituationAlert } from '../../../shared/analytics.js';

/**
 * The situational center's alerts of one office — pure, "now" passed in:
 * - `wait_over_target`: someone has waited longer than the target (queue_settings.target_wait_minutes);
 * - `window_closed`: while the office is open, a configured window was closed or paused after today's
 *   opening (a window nobody opened today is not an alert: most offices staff only some of their windows);
 * - `kiosk_offline`: while the office is open, an enrolled kiosk was not heard from for `kioskSilenceMs`
 *   (a working kiosk reads its setup every 30 s).
 * Ordered as listed: the wait first, then windows by number, then kiosks by label.
 */
export const kioskSilenceMs = 5 * 60_000;

export type OfficeAlertInput = {
  now: number;
  openNow: boolean;
  /** Today's opening instant (epoch ms) in the office's zone; null when it does not open today. */
  openedAt: number | null;
  targetWaitMinutes: number;
  longestWaitMinutes: number | null;
  windows: readonly { number: number; status: 'open' | 'paused' | 'closed'; since: number | null }[];
  kiosks: readonly { label: string; lastSeenAt: number | null }[];
};

export function officeAlerts(input: OfficeAlertInput): SituationAlert[] {
  const alerts: SituationAlert[] = [];
  if (input.longestWaitMinutes !== null && input.longestWaitMinutes > input.targetWaitMinutes) {
    alerts.push({ kind: 'wait_over_target', minutes: input.longestWaitMinutes, window: null, kiosk: null });
  }
  if (!input.openNow) return alerts;
  const openedAt = input.openedAt;
  for (const w of [...input.windows].sort((a, b) => a.number - b.number)) {
    if (w.status === 'open' || w.since === null || openedAt === null || w.since < openedAt) continue;
    alerts.push({ kind: 'window_closed', minutes: null, window: w.number, kiosk: null });
  }
  for (const k of input.kiosks) {
    if (k.lastSeenAt !== null && input.now - k.lastSeenAt <= kioskSilenceMs) continue;
    alerts.push({ kind: 'kiosk_offline', minutes: null, window: null, kiosk: k.label });
  }
  return alerts;
}

/** Whole minutes from `since` to `now` (never negative); null without a start. */
export const minutesSince = (since: number | null, now: number): number | null =>
  since === null ? null : Math.max(0, Math.floor((now - since) / 60_000));

/**
 * The usual visits of an office on today's weekday: the mean over the previous four same weekdays (a day
 * without a row counted as none); null when none of the four has a row (nothing to compare with).
 */
export function usualVisits(visitsOnDays: readonly (number | undefined)[]): number | null {
  if (visitsOnDays.every((v) => v === undefined)) return null;
  const sum = visitsOnDays.reduce<number>((s, v) => s + (v ?? 0), 0);
  return Math.round((sum / visitsOnDays.length) * 10) / 10;
}
