import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes: scrypt (memory-hard) with its parameters in the stored string,
 * `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised without breaking old hashes: a hash made
 * with other parameters is remade at the user's next sign-in (`needsRehash`). N=2^17, r=8, p=1 is OWASP's
 * minimum for scrypt (128 MiB and ~0.4 s per hash on the 2-core test machine).
 */
export const scryptParams = { N: 2 ** 17, r: 8, p: 1, saltBytes: 32, keyBytes: 64 } as const;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyBytes: number) {
  // scrypt needs 128·N·r bytes; maxmem leaves room above that.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = scryptParams;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, N, r, p, keyBytes);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the password matches the stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (expected.length < 16) return false;
  const key = await derive(password, salt, N, r, p, expected.length);
  return timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with other parameters than today's, and should be remade. */
export function needsRehash(stored: string): boolean {
  const [scheme, N, r, p, , key] = stored.split('$');
  const { N: n, r: rr, p: pp, keyBytes } = scryptParams;
  return (
    scheme !== 'scrypt' ||
    Number(N) !== n ||
    Number(r) !== rr ||
    Number(p) !== pp ||
    Buffer.from(key ?? '', 'base64').length !== keyBytes
  );
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when the login is unknown, so the answer takes as long as for a real one. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
