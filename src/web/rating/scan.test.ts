import { describe, expect, it } from 'vitest';
import { parseScan } from './scan.js';

const track = 'Ab3_-xYz0123456789abcd';

describe('parseScan: what the kiosk scanner typed', () => {
  it('reads the ticket page of the ticket QR, with or without a tail', () => {
    expect(parseScan(`https://okno.example/t/${track}`)).toEqual({ kind: 'ticket', track });
    expect(parseScan(`  http://127.0.0.1:5173/t/${track}?x=1 `)).toEqual({ kind: 'ticket', track });
    expect(parseScan(track)).toEqual({ kind: 'ticket', track });
  });

  it('reads a rating link (the receipt QR) as its token', () => {
    expect(parseScan('https://okno.example/rate/rcAAAA.bbbb?src=qr')).toEqual({
      kind: 'rating',
      token: 'rcAAAA.bbbb',
    });
  });

  it('refuses anything else', () => {
    expect(parseScan('')).toBeNull();
    expect(parseScan('А-015')).toBeNull();
    expect(parseScan('https://okno.example/t/short')).toBeNull();
    expect(parseScan('https://okno.example/status?number=48-2026-0001234&pin=123456')).toBeNull();
    expect(parseScan('https://okno.example/rate/<script>')).toBeNull();
    expect(parseScan('https://okno.example/rate/%E0%A4%A')).toBeNull();
  });
});
