/**
 * What the kiosk's scanner typed at the rating screen (issue 12): the ticket's QR (its page, `…/t/{track}`)
 * or a rating link already (the receipt's «Оцените качество» QR, `…/rate/{token}`). A bare tracking code
 * is taken too (a scanner set to the code alone). Anything else is unreadable: null. I/O-free.
 */
export type Scanned = { kind: 'ticket'; track: string } | { kind: 'rating'; token: string };

const trackPattern = /^[A-Za-z0-9_-]{22}$/;
/** A rating token: a signed value (letters, digits, `_`, `-`) and its signature after a dot. */
const tokenPattern = /^[A-Za-z0-9_-]{1,100}\.[A-Za-z0-9_-]{1,100}$/;

export function parseScan(text: string): Scanned | null {
  const value = text.trim();
  if (trackPattern.test(value)) return { kind: 'ticket', track: value };
  const ticket = /\/t\/([A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(value);
  if (ticket?.[1]) return { kind: 'ticket', track: ticket[1] };
  const rating = /\/rate\/([^/?#\s]+)(?:[/?#]|$)/.exec(value);
  if (rating?.[1]) {
    let token: string;
    try {
      token = decodeURIComponent(rating[1]);
    } catch {
      return null;
    }
    return tokenPattern.test(token) ? { kind: 'rating', token } : null;
  }
  return null;
}
