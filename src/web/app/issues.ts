/**
 * A validation problem in the user's words. The same codes come from two places: the zod schemas the
 * forms validate with before sending (src/shared, through react-hook-form) and the server's 400
 * VALIDATION `details[]` (src/shared/errors.ts) — so a rule reads the same whichever catches it.
 *   issueMessage(t, { code: 'too_small', params: { minimum: 8, origin: 'string' } }) → «Не короче 8 символов»
 * An unknown code reads as «Недопустимое значение»: never the server's English.
 */
import { issueParams, type ValidationDetail } from '../../shared/errors.js';
import type { MessageKey, Translator } from './i18n/index.js';

export type Issue = Pick<ValidationDetail, 'code' | 'params'>;

const rules: Record<string, MessageKey> = {
  later_than_opens: 'err.rule.later_than_opens',
  break_both: 'err.rule.break_both',
  break_within: 'err.rule.break_within',
  break_end: 'err.rule.break_end',
  duplicate: 'err.rule.duplicate',
  required: 'err.rule.required',
  time_zone: 'err.rule.time_zone',
  passwords_differ: 'err.rule.passwords_differ',
  phone: 'err.rule.phone',
  reason_required: 'err.rule.reason_required',
  service_or_purpose: 'err.rule.service_or_purpose',
  service_or_window: 'err.rule.service_or_window',
  // cases (src/shared/cases.ts)
  inn_checksum: 'err.rule.inn_checksum',
  ogrn_checksum: 'err.rule.ogrn_checksum',
  snils_checksum: 'err.rule.snils_checksum',
  passport_series: 'err.rule.passport_series',
  passport_number: 'err.rule.passport_number',
  russian_phone: 'err.rule.phone',
  email: 'err.email',
  applicant_kind: 'err.rule.applicant_kind',
};

const services: Record<string, MessageKey> = {
  unknown_code: 'err.unknownCode',
  wrong_password: 'err.wrongPassword',
  same_password: 'err.samePassword',
  password_is_login: 'err.passwordIsLogin',
  invalid_format: 'err.format',
  in_past: 'err.inPast',
  invalid_address: 'err.invalidAddress',
  unsubscribed: 'err.unsubscribed',
};

/** A zod issue as the server sends it (src/server/errors.ts): its code, and its bounds, format and rule. */
export function issueOfZod(issue: { code: string; params?: unknown } & object): Issue {
  return { code: issue.code, params: issueParams(issue) ?? {} };
}

/** The message key and its placeholders for an issue. */
export function issueKey(issue: Issue): [MessageKey, Record<string, string | number>?] {
  const p = issue.params ?? {};
  const n = (v: unknown) => (typeof v === 'number' ? v : Number(v));
  switch (issue.code) {
    case 'custom':
      return [rules[String(p.rule)] ?? 'err.invalid'];
    case 'too_small':
      if (p.origin === 'string')
        return n(p.minimum) <= 1 ? ['err.required'] : ['err.tooShort', { minimum: n(p.minimum) }];
      if (p.origin === 'array' || p.origin === 'set') return ['err.atLeastOne'];
      return ['err.min', { minimum: n(p.minimum) }];
    case 'too_big':
      if (p.origin === 'string') return ['err.tooLong', { maximum: n(p.maximum) }];
      if (p.origin === 'array' || p.origin === 'set') return ['err.tooMany', { maximum: n(p.maximum) }];
      return ['err.max', { maximum: n(p.maximum) }];
    case 'invalid_type':
      if (p.expected === 'number') return ['err.number'];
      if (p.expected === 'int') return ['err.integer'];
      return ['err.required'];
    case 'invalid_format':
      return [p.format === 'email' ? 'err.email' : 'err.format'];
    case 'invalid_value':
    case 'invalid_union':
      return ['err.choice'];
    case 'not_multiple_of':
      return ['err.integer'];
    default:
      // a bad line of an imported file: its number is the one fact the user needs
      if (issue.code === 'invalid' && typeof p.line === 'number' && p.line > 0)
        return ['err.line', { line: p.line }];
      return [services[issue.code] ?? 'err.invalid'];
  }
}

export function issueMessage(t: Translator['t'], issue: Issue): string {
  const [key, vars] = issueKey(issue);
  return t(key, vars);
}
