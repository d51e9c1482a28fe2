/**
 * Check digits of the Russian registration numbers an application carries (pure): ИНН of an organisation
 * (10 digits) or a person (12), ОГРН (13) and ОГРНИП (15), СНИЛС (11). A typo in one digit fails them all.
 */

const digitsOf = (value: string) => [...value].map(Number);

const weighted = (digits: number[], weights: number[]) =>
  weights.reduce((sum, w, i) => sum + w * digits[i], 0);

/** ИНН: 10 digits (an organisation) or 12 (a person, an individual entrepreneur). */
export function isValidInn(value: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(value)) return false;
  const d = digitsOf(value);
  const check = (weights: number[]) => (weighted(d, weights) % 11) % 10;
  if (d.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  return (
    check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11]
  );
}

/** ОГРН (13 digits: the number mod 11) or ОГРНИП (15 digits: mod 13); the last digit of the remainder checks. */
export function isValidOgrn(value: string): boolean {
  if (!/^\d{13}$|^\d{15}$/.test(value)) return false;
  const body = BigInt(value.slice(0, -1));
  const modulus = value.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(value.at(-1));
}

/** СНИЛС as its 11 digits (spaces and dashes dropped), or null when it is not 11 digits. */
export function snilsDigits(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

/**
 * СНИЛС: the sum of the first nine digits weighted 9…1, mod 101 (100 and 101 give 00), must equal the last
 * two. Numbers up to 001-001-998 were issued before check digits and are accepted as they are.
 */
export function isValidSnils(value: string): boolean {
  const digits = snilsDigits(value);
  if (!digits) return false;
  const d = digitsOf(digits);
  if (Number(digits.slice(0, 9)) <= 1_001_998) return true;
  let sum = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, 1]) % 101;
  if (sum === 100) sum = 0;
  return sum === Number(digits.slice(9));
}

/** 123-456-789 01, the way it is printed. */
export const formatSnils = (digits: string) =>
  `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
