import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * A kiosk's credentials — pure apart from the random source. The one-time code is read off an admin's
 * screen and typed on the kiosk's on-screen keyboard: 8 characters of an alphabet without look-alikes
 * (no I/1/L, O/0). The device token is 32 random bytes. Only their SHA-256 hashes are kept.
 */
export const kioskCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const kioskCodeLength = 8;
/** How long a one-time code may be exchanged. */
export const kioskCodeHours = 24;

export function newKioskCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < kioskCodeLength; i++) code += kioskCodeAlphabet[random(kioskCodeAlphabet.length)];
  return code;
}

/** A code as typed: case, spaces and hyphens do not matter ("abcd-efgh" is "ABCDEFGH"). */
export const normalizeKioskCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

export const newKioskToken = () => randomBytes(32).toString('base64url');

export const hashKioskSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The code's expiry: `kioskCodeHours` after it was made. */
export const kioskCodeExpiry = (now: Date) => new Date(now.getTime() + kioskCodeHours * 3_600_000);
