import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** An opaque session token (32 random bytes) and the hash of it that the database keeps. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The CSRF token of a session is derived from the session token, which only the browser holds (HttpOnly
 * cookie): a page of another site can neither read it nor compute it, and nothing more is stored.
 */
export const csrfTokenFor = (sessionToken: string) =>
  createHmac('sha256', sessionToken).update('okno-csrf').digest('base64url');

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
