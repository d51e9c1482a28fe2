import { describe, expect, it } from 'vitest';
import { analyticsFormat } from './analytics-format.js';

// Intl puts no-break spaces (U+00A0, U+202F) where Russian typography wants them; compare with plain spaces
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

describe('the analytics’ formats', () => {
  const ru = analyticsFormat('ru-RU');
  const en = analyticsFormat('en-GB');

  it('writes Russian numbers, shares, growth and minutes', () => {
    expect(plain(ru.integer(1234567))).toBe('1 234 567');
    expect(plain(ru.decimal(8.26))).toBe('8,3');
    expect(plain(ru.percent(0.125))).toBe('12,5 %');
    expect(plain(ru.growth(0.042))).toBe('+4,2 %');
    expect(plain(ru.growth(-0.1))).toBe('-10 %');
    expect(plain(ru.minutes(8.26))).toBe('8,3 мин');
  });

  it('keeps null for nothing to measure', () => {
    expect(ru.percent(null)).toBeNull();
    expect(ru.minutes(undefined)).toBeNull();
    expect(ru.decimal(Number.NaN)).toBeNull();
  });

  it('writes periods and months in the language', () => {
    expect(plain(ru.period('2026-11-01', '2026-11-30'))).toBe('1–30 ноября 2026 г.');
    expect(plain(ru.period('2026-11-30', '2026-11-30'))).toBe('30 ноября 2026 г.');
    expect(plain(ru.month('2026-11'))).toBe('ноябрь 2026 г.');
    expect(plain(ru.month('2026-11-01'))).toBe('ноябрь 2026 г.');
    expect(plain(en.month('2026-11'))).toBe('November 2026');
    expect(plain(en.percent(0.125))).toBe('12.5%');
    expect(ru.month('другое')).toBe('другое');
  });
});
