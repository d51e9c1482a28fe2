/**
 * Field errors of a form: `{ 'hours.0.closes': 'Время закрытия должно быть позже времени открытия' }` —
 * each path (the name the form gives its field) with its message in the user's language, whether the
 * form's zod schema found it (react-hook-form, use-zod-form.ts) or the server did (a 400 VALIDATION's
 * `details[]`: path, code, params → app/issues.ts). Never the server's English.
 */
import { ApiError } from '../../app/api.js';
import type { Translator } from '../../app/i18n/index.js';
import { issueMessage } from '../../app/issues.js';

export type FieldErrors = Record<string, string>;

/**
 * The field errors of a failed request. `mapPath` turns the server's path into the form's (e.g. the
 * n-th sent row into its weekday), or null to keep the problem for the form's general message.
 */
export function fieldErrorsOf(
  error: unknown,
  t: Translator['t'],
  mapPath: (path: string) => string | null = (path) => path,
): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const detail of error.validationDetails) {
    const path = mapPath(detail.path);
    if (path && !(path in errors)) errors[path] = issueMessage(t, detail);
  }
  return errors;
}

/** The id of the input for a field path, so the error summary can link to it. */
export const fieldId = (form: string, path: string) => `${form}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
