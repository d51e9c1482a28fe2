/**
 * What the booking's forms share (details-form.tsx; the lookup of manage-booking-page.tsx): a field's
 * problem under it, tied to its input by aria-describedby after the field's hint, and the check of a
 * mobile number as the person types it.
 */
import type { FieldError } from 'react-hook-form';
import { normalizeMobile } from '../../../shared/contacts.js';
import type { Translator } from '../../app/i18n/index.js';

/**
 * Of a form's fields: `aria(name, hint?)`, the input's aria-invalid and aria-describedby (its hint, then its
 * problem while it has one), and `fieldError(name)`, the problem's message under it.
 */
export function fieldProblems<K extends string>(ids: string, errors: Partial<Record<K, FieldError>>) {
  const errorId = (name: K) => `${ids}-${name}-error`;
  return {
    aria: (name: K, hint?: string) => ({
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby':
        [hint, errors[name] ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined,
    }),
    fieldError: (name: K) => {
      const error = errors[name];
      return error ? (
        <p className="field-error" id={errorId(name)}>
          {error.message}
        </p>
      ) : null;
    },
  };
}

/** react-hook-form's check of a phone: required, and a Russian mobile number. */
export const mobileRule = (t: Translator['t']) => (v: string) =>
  !v.trim() ? t('book.err.required') : normalizeMobile(v) ? true : t('book.err.phone');
