import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Personal data at rest (152-ФЗ): what identifies a person — a phone, an e-mail address, a message that
 * greets them by name — is sealed with AES-256-GCM under a key derived from the configured one, and found
 * again by a keyed hash (HMAC-SHA-256 of the normal form), never by the clear value. The same key signs
 * the tokens okno hands out about such data (an e-mail's unsubscribe link).
 */
export type PersonalDataCipher = {
  /**
   * `v1.<base64url of iv | tag | ciphertext>`: a fresh iv every time. `compress`: deflated before it is
   * encrypted (`v1z.`), for long texts — ciphertext does not compress, and a short row stays out of TOAST.
   */
  seal(text: string, options?: { compress?: boolean }): string;
  /** The clear text; throws on a value sealed under another key or tampered with. */
  open(sealed: string): string;
  /** A stable keyed hash for lookups: the same normal form always gives the same hash. */
  lookupHash(kind: 'phone' | 'email' | 'name', normalized: string): string;
  /** `<value>.<signature>` for values okno puts in links. */
  sign(value: string): string;
  /** The value of a signed token, or null when its signature is wrong. */
  verify(token: string): string | null;
};

const version = 'v1';

/**
 * Fresh random 12-byte IVs, cut from a pool the system's CSPRNG refills 4 KiB at a time (one call for 341
 * IVs: a call per seal was a tenth of the outbox's cost). Each IV is used once.
 */
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + 12 > ivPool.length) {
    ivPool = randomBytes(4096);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + 12));
  ivOffset += 12;
  return iv;
}
const compressed = 'v1z';

export function personalDataCipher(hexKey: string): PersonalDataCipher {
  if (!/^[0-9a-f]{64}$/i.test(hexKey)) throw new Error('the personal-data key must be 32 bytes in hex');
  const master = Buffer.from(hexKey, 'hex');
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32));
  const encryptionKey = derive('okno personal data encryption');
  const lookupKey = derive('okno personal data lookup');
  const signingKey = derive('okno link signing');
  const signature = (value: string) =>
    createHmac('sha256', signingKey).update(value).digest('base64url').slice(0, 22);

  return {
    seal(text, options) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const plain = options?.compress
        ? deflateRawSync(Buffer.from(text, 'utf8'), { level: 1 })
        : Buffer.from(text, 'utf8');
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const tag = options?.compress ? compressed : version;
      return `${tag}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed) {
      const [tag, payload] = sealed.split('.');
      if ((tag !== version && tag !== compressed) || !payload) throw new Error('not a sealed value');
      const raw = Buffer.from(payload, 'base64url');
      if (raw.length < 28) throw new Error('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, 12), {
        authTagLength: 16,
      });
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      return (tag === compressed ? inflateRawSync(plain) : plain).toString('utf8');
    },
    lookupHash(kind, normalized) {
      return createHmac('sha256', lookupKey).update(`${kind}:${normalized}`).digest('hex');
    },
    sign(value) {
      return `${value}.${signature(value)}`;
    },
    verify(token) {
      const dot = token.lastIndexOf('.');
      if (dot < 1) return null;
      const value = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1));
      const expected = Buffer.from(signature(value));
      return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
    },
  };
}
