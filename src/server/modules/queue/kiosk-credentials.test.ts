import { describe, expect, it } from 'vitest';
import {
  hashKioskSecret,
  kioskCodeAlphabet,
  kioskCodeExpiry,
  newKioskCode,
  newKioskToken,
  normalizeKioskCode,
} from './kiosk-credentials.js';

describe('kiosk credentials', () => {
  it('makes codes of 8 characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const code = newKioskCode();
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    }
    expect(kioskCodeAlphabet).not.toMatch(/[IL1O0]/);
  });

  it('draws every character from the random source', () => {
    expect(newKioskCode(() => 0)).toBe('AAAAAAAA');
    expect(newKioskCode((max) => max - 1)).toBe('99999999');
  });

  it('reads a typed code regardless of case, spaces and hyphens', () => {
    expect(normalizeKioskCode(' abcd-efgh ')).toBe('ABCDEFGH');
  });

  it('makes 32-byte base64url tokens, kept as SHA-256 hex', () => {
    const token = newKioskToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashKioskSecret(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKioskSecret(token)).not.toBe(hashKioskSecret(newKioskToken()));
  });

  it('lets a code live 24 hours', () => {
    expect(kioskCodeExpiry(new Date('2026-01-01T10:00:00Z')).toISOString()).toBe('2026-01-02T10:00:00.000Z');
  });
});
