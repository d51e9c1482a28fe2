import { describe, expect, it } from 'vitest';
import { deviceTokenKey, tokenFromFragment } from './device-token.js';
import { idleMilliseconds } from './use-idle.js';

describe('the kiosk device', () => {
  it('reads its token from the #device fragment', () => {
    expect(tokenFromFragment('#device=demo-kiosk-lip-kosmonavtov')).toBe('demo-kiosk-lip-kosmonavtov');
    expect(tokenFromFragment('#other=1&device=abc')).toBe('abc');
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#device=')).toBeNull();
    expect(tokenFromFragment(`#device=${'x'.repeat(201)}`)).toBeNull();
  });

  it('keeps a token per office', () => {
    expect(deviceTokenKey('lip-kosmonavtov')).toBe('okno.kiosk.lip-kosmonavtov');
  });

  it('waits 60 s before going back to the start, or the seconds of ?idle= within 1–600', () => {
    expect(idleMilliseconds('')).toBe(60_000);
    expect(idleMilliseconds('?idle=3')).toBe(3000);
    expect(idleMilliseconds('?idle=0')).toBe(60_000);
    expect(idleMilliseconds('?idle=9999')).toBe(60_000);
    expect(idleMilliseconds('?idle=abc')).toBe(60_000);
  });
});
