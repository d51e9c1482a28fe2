import { describe, expect, it } from 'vitest';
import { bookingCodeAlphabet, parseBookingCode } from '../../shared/booking-code.js';
import {
  codeKeyboardRows,
  isMobileDigits,
  laterDays,
  personName,
  wallDate,
  wallTime,
} from './booking-input.js';

describe('what a person enters for a booking at the kiosk', () => {
  it('offers every character of the code’s alphabet once, and nothing else', () => {
    const rows = codeKeyboardRows();
    const keys = rows.join('');
    expect([...keys].sort()).toEqual([...bookingCodeAlphabet].sort());
    expect(rows.at(-1)).toBe('3479');
    // whatever is typed on it in full is a code
    expect(parseBookingCode(keys.slice(0, 8))).toBe(keys.slice(0, 8));
  });

  it('brings a name typed in capitals to its usual case', () => {
    expect(personName('  ИВАН   ПЕТРОВ-ВОДКИН ')).toBe('Иван Петров-Водкин');
    expect(personName('ёЖИК')).toBe('Ёжик');
    expect(personName('')).toBe('');
  });

  it('takes only a Russian mobile number', () => {
    expect(isMobileDigits('9123456789')).toBe(true);
    expect(isMobileDigits('4742123456')).toBe(false);
    expect(isMobileDigits('912345678')).toBe(false);
  });

  it('reads times and dates on the office’s wall clock, whatever the offset written', () => {
    expect(wallTime('2026-12-01T10:30:00+03:00', 'Europe/Moscow')).toBe('10:30');
    expect(wallTime('2026-12-01T07:30:00Z', 'Europe/Moscow')).toBe('10:30');
    expect(wallTime('2026-12-01T22:15:00Z', 'Asia/Yekaterinburg')).toBe('03:15');
    expect(wallDate('2026-12-01T22:15:00Z', 'Asia/Yekaterinburg')).toBe('2026-12-02');
  });

  it('offers the days after today, at most fourteen', () => {
    const days = Array.from({ length: 31 }, (_, i) => ({
      date: `2026-12-${String(i + 1).padStart(2, '0')}`,
      free: i,
    }));
    const later = laterDays(days, '2026-12-01');
    expect(later).toHaveLength(14);
    expect(later[0].date).toBe('2026-12-02');
    expect(later.at(-1)?.date).toBe('2026-12-15');
    expect(laterDays(days.slice(0, 3), '2026-12-01').map((d) => d.date)).toEqual([
      '2026-12-02',
      '2026-12-03',
    ]);
  });
});
