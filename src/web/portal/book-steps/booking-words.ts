/**
 * A booking refusal in the person's words, from its code and details — never the server's English:
 * a field's problem (`details[].code`, `params.rule`), a taken time, a limit of the phone.
 *   fieldIssue(t, { path: 'phone', code: 'custom', params: { rule: 'russian_mobile' } }) → «Нужен номер мобильного…»
 */
import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ApiError } from '../../app/api.js';
import { type MessageKey, type Translator, useLang } from '../../app/i18n/index.js';

type Detail = { path: string; code: string; params?: Record<string, unknown> };

const rules: Record<string, MessageKey> = {
  russian_mobile: 'book.err.phone',
  booking_code: 'book.err.code',
  in_past: 'book.rule.in_past',
  too_soon: 'book.rule.too_soon',
  beyond_horizon: 'book.rule.beyond_horizon',
  day_off: 'book.rule.day_off',
  not_on_grid: 'book.rule.not_on_grid',
  outside_hours: 'book.rule.outside_hours',
};

/** The message of one problem of a 400 VALIDATION. */
export function fieldIssue(t: Translator['t'], detail: Detail): string {
  const p = detail.params ?? {};
  if (detail.code === 'custom') return t(rules[String(p.rule)] ?? 'book.err.invalid');
  if (detail.path.startsWith('consents')) return t('book.err.consent');
  if (detail.code === 'too_small') return t('book.err.required');
  if (detail.code === 'too_big') return t('book.err.tooLong', { maximum: Number(p.maximum) });
  if (detail.code === 'invalid_format')
    return t(p.format === 'email' ? 'book.err.email' : 'book.err.invalid');
  if (detail.code === 'invalid_type' || detail.code === 'invalid_value') return t('book.err.required');
  return t('book.err.invalid');
}

/** Words for a refusal that is not about one field (a limit, too many attempts, a failure). */
export function refusal(t: Translator['t'], date: (iso: string) => string, error: ApiError): string {
  const details = (error.details ?? {}) as { rule?: unknown; until?: unknown };
  switch (error.code) {
    case 'SLOT_TAKEN':
      return t('book.err.slotTaken');
    case 'BOOKING_LIMIT':
      return t(details.rule === 'one_per_service' ? 'book.err.onePerService' : 'book.err.maxActive');
    case 'PHONE_LIMITED':
      return typeof details.until === 'string'
        ? t('book.err.phoneLimitedUntil', { date: date(details.until.slice(0, 10)) })
        : t('book.err.phoneLimited');
    case 'RATE_LIMITED':
      return t('book.err.tooMany');
    case 'NOT_FOUND':
      return t('book.err.gone');
    case 'VALIDATION':
      return t('book.err.check');
    default:
      return error.status === 0 || error.status >= 500 ? t('book.err.failed') : t('book.err.refused');
  }
}

/**
 * A form's messages are words of the language they were found in: after a switch of language, a form
 * that was submitted checks itself again, so its messages read in the new one.
 */
export function useMessagesFollowLanguage<T extends FieldValues>(form: UseFormReturn<T>): void {
  const [lang] = useLang();
  const shown = useRef(lang);
  useEffect(() => {
    if (shown.current === lang) return;
    shown.current = lang;
    if (form.formState.isSubmitted) void form.trigger();
  }, [lang, form]);
}
