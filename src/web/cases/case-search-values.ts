/**
 * The cases' search as the query string holds it (pure): its fields, and a draft checked with the server's
 * rules before it is sent — a case number in any spelling the receipt or its QR gives becomes the normal
 * one, a phone its +7 form; a number or phone that is not one, a one-letter applicant and dates the wrong
 * way round are the draft's problems, by field.
 */
import { parseCaseNumber } from '../../shared/case-number.js';
import { normalizePhone } from '../../shared/contacts.js';

/** The search's fields as the query string holds them. */
export const searchFields = [
  'number',
  'applicant',
  'phone',
  'office',
  'agency',
  'stage',
  'service',
  'from',
  'to',
] as const;
export type SearchField = (typeof searchFields)[number];
export type SearchValues = Record<SearchField, string>;

/** The problems of a draft, by field; the values the list should read once there are none. */
export function checkSearch(draft: SearchValues): {
  errors: Partial<Record<SearchField, 'number' | 'applicant' | 'phone' | 'dates'>>;
  values: SearchValues;
} {
  const errors: Partial<Record<SearchField, 'number' | 'applicant' | 'phone' | 'dates'>> = {};
  const values = { ...draft };
  for (const key of searchFields) values[key] = draft[key].trim();
  if (values.number) {
    const number = parseCaseNumber(values.number);
    if (number) values.number = number;
    else errors.number = 'number';
  }
  if (values.applicant && values.applicant.length < 2) errors.applicant = 'applicant';
  if (values.phone) {
    const phone = normalizePhone(values.phone);
    if (phone) values.phone = phone;
    else errors.phone = 'phone';
  }
  if (values.from && values.to && values.from > values.to) errors.to = 'dates';
  return { errors, values };
}
