/**
 * Case numbers and PINs (pure). A number reads `48-2026-0001234`: the region's two-digit code, the year of
 * acceptance, a sequence of that year (seven digits, more once a year passes ten million). The PIN is six
 * digits drawn at random, kept apart from the number: the number alone opens nothing.
 */

export const caseNumberPattern = /^(\d{2})-(\d{4})-(\d{7,})$/;

export function formatCaseNumber(prefix: string, year: number, sequence: number): string {
  if (!/^\d{2}$/.test(prefix)) throw new RangeError(`case number prefix must be two digits, got ${prefix}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad case sequence ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(7, '0')}`;
}

/**
 * A number as typed or scanned, in its normal form: spaces and any dash-like character between the parts,
 * a «№» in front, or the status page's link (`…/status?number=48-2026-0001234&pin=…`); null when it is not one.
 */
export function parseCaseNumber(input: string): string | null {
  let value = input.trim();
  if (value.length > 300) return null;
  const fromLink = /[?&]number=([^&#]+)/.exec(value);
  if (fromLink) {
    try {
      value = decodeURIComponent(fromLink[1].replace(/\+/g, ' '));
    } catch {
      return null;
    }
  }
  value = value
    .replace(/^№\s*/, '')
    .replace(/[\s\-‐-―−_/]+/g, '-')
    .replace(/^-|-$/g, '');
  const match = caseNumberPattern.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export const pinPattern = /^\d{6}$/;

/** The PIN as typed: digits only (spaces dropped), or null. */
export function parsePin(input: string): string | null {
  const value = input.replace(/\s/g, '');
  return pinPattern.test(value) ? value : null;
}
