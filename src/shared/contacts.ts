/**
 * Phones and e-mail addresses as okno keeps and shows them: one normal form (so a lookup finds the same
 * person however the number was typed) and a masked form for lists and the call center before verification.
 */

/** A Russian phone number as +7XXXXXXXXXX (from 8…, 7…, +7…, with spaces, brackets, dashes); null if it is not one. */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s()-]{10,20}$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('9')) return `+7${digits}`;
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8')))
    return `+7${digits.slice(1)}`;
  return null;
}

/** A Russian mobile number (+79…) in its normal form, from any common spelling; null for a landline or junk. */
export function normalizeMobile(input: string): string | null {
  const phone = normalizePhone(input);
  return phone?.startsWith('+79') ? phone : null;
}

/** +7 *** ***-**-67: the last two digits, enough for an operator to read back. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `+7 *** ***-**-${digits.slice(-2)}`;
}

/** An e-mail address in lower case, trimmed; null if it is not one. */
export function normalizeEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  return value.length <= 254 && /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(value)
    ? value
    : null;
}

/** i***@mail.ru: the first letter and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
