/**
 * How the staff screens say a booking: its status, channel and why it was cancelled in words, its times on
 * the office's clock (its own time zone, not this computer's), a day as «вторник, 1 декабря», its code as
 * printed (XXXX-XXXX), and a refusal of the booking API in words (`bookingErrorText`) — a taken time with
 * the nearest free ones, a limit per phone, a time off the grid — never the server's English.
 */
import { useMemo } from 'react';
import type { BookingChannel, BookingStatus, CancelReason } from '../../shared/booking.js';
import { ApiError } from '../app/api.js';
import { type MessageKey, type Translator, useT } from '../app/i18n/index.js';
import { type Issue, issueMessage } from '../app/issues.js';

export function useBookingWords(timeZone?: string) {
  const translator = useT();
  const { t, locale } = translator;
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
    const dayTime = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      ...translator,
      status: (status: BookingStatus) => t(`bstaff.status.${status}`),
      channel: (channel: BookingChannel) => t(`bstaff.channel.${channel}`),
      reason: (reason: CancelReason) => t(`bstaff.reason.${reason}`),
      /** «10:30» on the office's clock. */
      time: (iso: string) => time.format(new Date(iso)),
      /** «1 декабря, 10:30» on the office's clock. */
      at: (iso: string) => dayTime.format(new Date(iso)),
      /** «вторник, 1 декабря» for an office's date. */
      day: (date: string) => `${translator.weekdayOf(date)}, ${translator.date(date)}`,
      /** A share 0…1 as «12,5 %»; a dash when there is none to show. */
      percent: (share: number | null) => (share === null ? '—' : percent.format(share)),
    };
  }, [translator, t, locale, timeZone]);
}

/** «1 декабря, 10:30» on a given office's clock (a list of offices in several zones). */
export const atInZone = (locale: string, timeZone: string, iso: string) =>
  new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));

/** A code as it is printed and said: XXXX-XXXX (a masked one stays as it is). */
export const codeText = (code: string) =>
  /^[A-Z0-9]{8}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;

const startRules: Record<string, MessageKey> = {
  in_past: 'bstaff.err.in_past',
  too_soon: 'bstaff.err.too_soon',
  beyond_horizon: 'bstaff.err.beyond_horizon',
  day_off: 'bstaff.err.day_off',
  not_on_grid: 'bstaff.err.not_on_grid',
  outside_hours: 'bstaff.err.outside_hours',
  russian_mobile: 'bstaff.err.russian_mobile',
};

type Details = { rule?: unknown; until?: unknown; nearest?: unknown };

/** A problem of a booking's field (the form's own check or the server's), with the booking's rules in words. */
export function bookingIssueText(t: Translator['t'], issue: Issue): string {
  const rule = String(issue.params?.rule ?? '');
  return issue.code === 'custom' && startRules[rule] ? t(startRules[rule]) : issueMessage(t, issue);
}

/** A refused booking, cancellation or move in the user's words. */
export function bookingErrorText(translator: Pick<Translator, 't' | 'date'>, error: unknown): string {
  const { t } = translator;
  if (!(error instanceof ApiError)) return t('bstaff.err.failed');
  const details = (error.details && typeof error.details === 'object' ? error.details : {}) as Details;
  switch (error.code) {
    case 'SLOT_TAKEN':
      return t('bstaff.err.SLOT_TAKEN');
    case 'BOOKING_LIMIT':
      return t(details.rule === 'one_per_service' ? 'bstaff.err.one_per_service' : 'bstaff.err.max_active');
    case 'PHONE_LIMITED':
      return typeof details.until === 'string'
        ? t('bstaff.err.PHONE_LIMITED', { date: translator.date(details.until.slice(0, 10)) })
        : t('bstaff.err.PHONE_LIMITED_NOW');
    case 'NOT_FOUND':
      return t('bstaff.err.NOT_FOUND');
    case 'BOOKING_NOT_ACTIVE':
      return t('bstaff.err.BOOKING_NOT_ACTIVE');
    case 'SERVICE_NOT_OFFERED':
      return t('bstaff.err.SERVICE_NOT_OFFERED');
    case 'FORBIDDEN':
      return t('bstaff.err.FORBIDDEN');
    case 'VALIDATION': {
      const [first] = error.validationDetails;
      return first ? bookingIssueText(t, first) : t('bstaff.err.failed');
    }
    default:
      return t('bstaff.err.failed');
  }
}

/** The nearest free times a 409 SLOT_TAKEN offers instead. */
export function nearestOf(error: unknown): { start: string; end: string; free: number }[] {
  if (!(error instanceof ApiError) || error.code !== 'SLOT_TAKEN') return [];
  const nearest = (error.details as Details | undefined)?.nearest;
  return Array.isArray(nearest) ? (nearest as { start: string; end: string; free: number }[]) : [];
}
