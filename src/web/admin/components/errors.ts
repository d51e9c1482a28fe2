/**
 * API validation errors for forms: `fieldErrorsOf(error)` turns a 400's details
 * (`[{ field: 'body.hours.0.closes', message }]`) into `{ 'hours.0.closes': message }` — the paths the
 * editors give their fields. Known English developer messages are shown translated.
 */
import { ApiError } from '../../app/api.js';
import type { MessageKey } from '../../app/i18n/index.js';

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const detail of error.details as { field?: unknown; message?: unknown }[]) {
    if (typeof detail?.field !== 'string') continue;
    const path = detail.field.replace(/^(body|params|querystring)\.?/, '');
    errors[path || detail.field] = typeof detail.message === 'string' ? detail.message : '';
  }
  return errors;
}

const known: [RegExp, MessageKey][] = [
  [/must be later than opens/i, 'admin.err.laterThanOpens'],
  [/does not match/i, 'admin.err.wrongPassword'],
  [/must differ from the current/i, 'admin.err.samePassword'],
  [/a break needs both/i, 'admin.err.breakBoth'],
  [/must be within opens and closes/i, 'admin.err.breakWithin'],
  [/must be after breakStart/i, 'admin.err.breakEnd'],
  [/duplicate/i, 'admin.err.duplicate'],
  [/expected a time/i, 'admin.err.time'],
  [/expected a date/i, 'admin.err.date'],
  [/lowercase latin/i, 'admin.err.code'],
  [/too (small|big)|>=|<=|at most|at least/i, 'admin.err.range'],
  [/required/i, 'admin.err.required'],
  [/unknown|not found/i, 'admin.err.unknown'],
];

/** The translation key for an API message, or null to show the message itself. */
export function knownMessage(message: string): MessageKey | null {
  return known.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}

/** The id of the input for a field path, so the error summary can link to it. */
export const fieldId = (form: string, path: string) => `${form}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
