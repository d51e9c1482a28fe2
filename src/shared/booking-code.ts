/**
 * The booking code a citizen reads out, types at a kiosk or scans from the slip: short, unguessable (drawn
 * at random by the server, never sequential), from letters and digits that cannot be taken for one another
 * (no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 6/G, 8/B). I/O-free.
 */

export const bookingCodeAlphabet = 'ACEFHJKMNPRTUVWXY3479';
export const bookingCodeLength = 8;
const codeShape = new RegExp(`^[${bookingCodeAlphabet}]{${bookingCodeLength}}$`);

/** Cyrillic letters that look like Latin ones, as a Russian keyboard types them. */
const cyrillicLookalikes: Record<string, string> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
};

/**
 * The code in its normal form from what a person typed or a scanner read: a bare code in any case, with
 * spaces or dashes, in Cyrillic look-alikes, or the slip's QR link (`…/book/manage?code=XXXX-XXXX`).
 * Null when it cannot be a booking code.
 */
export function parseBookingCode(input: string): string | null {
  let text = input.trim();
  const fromLink = /[?&]code=([^&#\s]+)/i.exec(text);
  if (fromLink) {
    // a scanner can read a damaged link: a broken %-escape is not a code, never an exception
    try {
      text = decodeURIComponent(fromLink[1]);
    } catch {
      return null;
    }
  }
  const code = [...text.toUpperCase().replace(/[\s-]/g, '')].map((c) => cyrillicLookalikes[c] ?? c).join('');
  return codeShape.test(code) ? code : null;
}

/** XXXX-XXXX: how a code is printed and said. */
export const formatBookingCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A new code from a source of random integers in [0, max) (the server passes crypto's randomInt). */
export function newBookingCode(random: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < bookingCodeLength; i++) code += bookingCodeAlphabet[random(bookingCodeAlphabet.length)];
  return code;
}
