import { describe, expect, it } from 'vitest';
import { personalDataCipher } from './personal-data.js';

const cipher = personalDataCipher('ab'.repeat(32));

describe('personalDataCipher', () => {
  it('seals and opens Cyrillic text, with a fresh iv each time', () => {
    const a = cipher.seal('Здравствуйте, Иван Петрович');
    const b = cipher.seal('Здравствуйте, Иван Петрович');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Иван');
    expect(cipher.open(a)).toBe('Здравствуйте, Иван Петрович');
  });

  it('never uses an IV twice, across refills of its pool', () => {
    const ivs = new Set(
      Array.from({ length: 1000 }, () =>
        Buffer.from(cipher.seal('x').split('.')[1], 'base64url').subarray(0, 12).toString('hex'),
      ),
    );
    expect(ivs.size).toBe(1000);
  });

  it('compresses a long text before sealing it, and opens either form', () => {
    const text = `<p>${'Что взять с собой: паспорт, заявление. '.repeat(60)}</p>`;
    const small = cipher.seal(text, { compress: true });
    expect(small.startsWith('v1z.')).toBe(true);
    expect(small.length).toBeLessThan(cipher.seal(text).length / 4);
    expect(cipher.open(small)).toBe(text);
    expect(cipher.open(cipher.seal(text))).toBe(text);
  });

  it('refuses a value sealed under another key or changed', () => {
    const other = personalDataCipher('cd'.repeat(32));
    const sealed = cipher.seal('+79123456789');
    expect(() => other.open(sealed)).toThrow();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => cipher.open(tampered)).toThrow();
    expect(() => cipher.open('plain')).toThrow();
  });

  it('gives a stable lookup hash per kind and key', () => {
    expect(cipher.lookupHash('phone', '+79123456789')).toBe(cipher.lookupHash('phone', '+79123456789'));
    expect(cipher.lookupHash('phone', '+79123456789')).not.toBe(cipher.lookupHash('email', '+79123456789'));
    expect(personalDataCipher('cd'.repeat(32)).lookupHash('phone', '+79123456789')).not.toBe(
      cipher.lookupHash('phone', '+79123456789'),
    );
  });

  it('verifies its own signatures only', () => {
    const token = cipher.sign('abc123');
    expect(cipher.verify(token)).toBe('abc123');
    expect(cipher.verify(`${token}x`)).toBeNull();
    expect(cipher.verify(`abc124.${token.split('.')[1]}`)).toBeNull();
    expect(personalDataCipher('cd'.repeat(32)).verify(token)).toBeNull();
    expect(cipher.verify('nodot')).toBeNull();
  });

  it('refuses a key that is not 32 bytes of hex', () => {
    expect(() => personalDataCipher('short')).toThrow(/32 bytes/);
  });
});
