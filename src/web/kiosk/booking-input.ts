/**
 * What a person enters at the kiosk for a booking, and the times it shows, I/O-free: the keyboard of the
 * booking code's alphabet, a name typed in capitals brought to its usual case, a mobile number's digits,
 * a wall-clock time of the office, the days a booking for a later day may take.
 */
import { bookingCodeAlphabet } from '../../shared/booking-code.js';
import { instantToLocal } from '../../shared/zoned-time.js';

/** The code's alphabet as keyboard rows: the letters in two rows, then the digits (nothing else can be typed). */
export function codeKeyboardRows(alphabet = bookingCodeAlphabet): string[] {
  const letters = [...alphabet].filter((c) => /\p{L}/u.test(c)).join('');
  const digits = [...alphabet].filter((c) => /\p{N}/u.test(c)).join('');
  const half = Math.ceil(letters.length / 2);
  return [letters.slice(0, half), letters.slice(half), digits].filter((row) => row.length > 0);
}

/** The Russian keyboard for a name: ЙЦУКЕН and a hyphen for a double name (Анна-Мария, Петров-Водкин). */
export const nameKeyboardRows = ['ЙЦУКЕНГШЩЗХЪ', 'ФЫВАПРОЛДЖЭ', 'ЯЧСМИТЬБЮЁ-'];

/** «ИВАН ПЕТРОВ-ВОДКИН» → «Иван Петров-Водкин», spaces kept as typed (what the screen shows while typing). */
export function capitalized(typed: string): string {
  return typed
    .toLocaleLowerCase('ru')
    .replace(
      /(^|[\s-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toLocaleUpperCase('ru'),
    );
}

/** The name to send: each part capitalised, spaces collapsed, none at the ends. */
export const personName = (typed: string) => capitalized(typed.trim().replace(/\s+/g, ' '));

/** The ten digits after +7 make a Russian mobile number (9XX XXX-XX-XX). */
export const isMobileDigits = (digits: string) => /^9\d{9}$/.test(digits);

/** 'HH:MM' of an instant (ISO, with an offset or Z) on the office's wall clock. */
export function wallTime(iso: string, timeZone: string): string {
  return instantToLocal(Date.parse(iso), timeZone).time;
}

/** 'YYYY-MM-DD' of an instant on the office's wall clock. */
export function wallDate(iso: string, timeZone: string): string {
  return instantToLocal(Date.parse(iso), timeZone).date;
}

/**
 * The days a kiosk offers for a booking on another day: those after today (the first day of the office's
 * availability is its today — the server's clock, not the kiosk's), at most `count`.
 */
export function laterDays<T extends { date: string }>(days: readonly T[], today: string, count = 14): T[] {
  return days.filter((d) => d.date > today).slice(0, count);
}
