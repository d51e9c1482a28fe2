import { instantToLocal, isoInZone, localToInstant, offsetMinutes } from './zoned-time.js';

const utc = (iso: string) => Date.parse(iso);

describe('offsetMinutes', () => {
  it('is +03:00 in Moscow in winter and in summer (no daylight saving)', () => {
    expect(offsetMinutes('Europe/Moscow', utc('2026-01-15T12:00:00Z'))).toBe(180);
    expect(offsetMinutes('Europe/Moscow', utc('2026-07-15T12:00:00Z'))).toBe(180);
  });

  it('is +05:00 in Yekaterinburg', () => {
    expect(offsetMinutes('Asia/Yekaterinburg', utc('2026-12-01T00:00:00Z'))).toBe(300);
  });

  it('follows Berlin across its transitions: +01:00 in winter, +02:00 in summer', () => {
    expect(offsetMinutes('Europe/Berlin', utc('2026-03-29T00:59:59Z'))).toBe(60);
    expect(offsetMinutes('Europe/Berlin', utc('2026-03-29T01:00:00Z'))).toBe(120);
    expect(offsetMinutes('Europe/Berlin', utc('2026-10-25T00:59:59Z'))).toBe(120);
    expect(offsetMinutes('Europe/Berlin', utc('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('throws a RangeError for a zone that does not exist, every time', () => {
    expect(() => offsetMinutes('Europe/Atlantis', utc('2026-12-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => offsetMinutes('Europe/Atlantis', utc('2026-12-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => instantToLocal(utc('2026-12-01T00:00:00Z'), 'Europe/Atlantis')).toThrow(RangeError);
  });

  it('is negative west of Greenwich', () => {
    expect(offsetMinutes('America/New_York', utc('2026-12-01T12:00:00Z'))).toBe(-300);
  });
});

describe('localToInstant', () => {
  it('reads a Moscow wall-clock time as UTC minus three hours', () => {
    expect(localToInstant('2026-12-01', '10:30', 'Europe/Moscow')).toBe(utc('2026-12-01T07:30:00Z'));
  });

  it('reads a Yekaterinburg time after midnight as the previous UTC day', () => {
    expect(localToInstant('2026-12-01', '02:00', 'Asia/Yekaterinburg')).toBe(utc('2026-11-30T21:00:00Z'));
  });

  it('keeps 09:00 in Berlin on the wall clock on both sides of the spring change', () => {
    expect(localToInstant('2026-03-27', '09:00', 'Europe/Berlin')).toBe(utc('2026-03-27T08:00:00Z'));
    expect(localToInstant('2026-03-30', '09:00', 'Europe/Berlin')).toBe(utc('2026-03-30T07:00:00Z'));
  });

  it('moves a time skipped by the spring gap forward by the gap', () => {
    const tz = 'Europe/Berlin';
    expect(localToInstant('2026-03-29', '01:59', tz)).toBe(utc('2026-03-29T00:59:00Z'));
    expect(localToInstant('2026-03-29', '02:00', tz)).toBe(utc('2026-03-29T01:00:00Z'));
    expect(localToInstant('2026-03-29', '02:30', tz)).toBe(utc('2026-03-29T01:30:00Z'));
    expect(isoInZone(localToInstant('2026-03-29', '02:30', tz), tz)).toBe('2026-03-29T03:30:00+02:00');
    expect(localToInstant('2026-03-29', '03:00', tz)).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('takes the first occurrence of a time the autumn change repeats', () => {
    const tz = 'Europe/Berlin';
    // 02:00–02:59 happens twice on 2026-10-25: at +02:00 (00:00Z–00:59Z), then at +01:00 (01:00Z–01:59Z)
    expect(localToInstant('2026-10-25', '02:00', tz)).toBe(utc('2026-10-25T00:00:00Z'));
    expect(localToInstant('2026-10-25', '02:30', tz)).toBe(utc('2026-10-25T00:30:00Z'));
    expect(localToInstant('2026-10-25', '01:59', tz)).toBe(utc('2026-10-24T23:59:00Z'));
    expect(localToInstant('2026-10-25', '03:00', tz)).toBe(utc('2026-10-25T02:00:00Z'));
  });
});

describe('isoInZone and instantToLocal', () => {
  it('writes an instant with the zone offset', () => {
    const t = utc('2026-12-01T07:30:00Z');
    expect(isoInZone(t, 'Europe/Moscow')).toBe('2026-12-01T10:30:00+03:00');
    expect(isoInZone(t, 'Asia/Yekaterinburg')).toBe('2026-12-01T12:30:00+05:00');
    expect(isoInZone(t, 'Europe/Berlin')).toBe('2026-12-01T08:30:00+01:00');
    expect(isoInZone(t, 'America/New_York')).toBe('2026-12-01T02:30:00-05:00');
    expect(isoInZone(utc('2026-07-01T07:30:00Z'), 'Europe/Berlin')).toBe('2026-07-01T09:30:00+02:00');
  });

  it('gives the local date, not the UTC one', () => {
    expect(instantToLocal(utc('2026-11-30T21:00:00Z'), 'Asia/Yekaterinburg')).toEqual({
      date: '2026-12-01',
      time: '02:00',
    });
    expect(instantToLocal(utc('2026-11-30T21:00:00Z'), 'Europe/Moscow')).toEqual({
      date: '2026-12-01',
      time: '00:00',
    });
  });

  it('reads both occurrences of a repeated autumn time as the same wall clock with different offsets', () => {
    const tz = 'Europe/Berlin';
    expect(isoInZone(utc('2026-10-25T00:30:00Z'), tz)).toBe('2026-10-25T02:30:00+02:00');
    expect(isoInZone(utc('2026-10-25T01:30:00Z'), tz)).toBe('2026-10-25T02:30:00+01:00');
    expect(instantToLocal(utc('2026-10-25T01:30:00Z'), tz)).toEqual({ date: '2026-10-25', time: '02:30' });
  });

  it.each(['Europe/Moscow', 'Asia/Yekaterinburg', 'Europe/Berlin', 'America/New_York'])(
    'round-trips every hour of 2026 in %s (ISO parses back; the wall clock maps back unless repeated)',
    (tz) => {
      const start = utc('2026-01-01T00:00:00Z');
      const end = utc('2027-01-01T00:00:00Z');
      let repeated = 0;
      for (let t = start; t < end; t += 3_600_000) {
        expect(Date.parse(isoInZone(t, tz))).toBe(t);
        const local = instantToLocal(t, tz);
        const back = localToInstant(local.date, local.time, tz);
        if (back !== t) {
          // only the second reading of a repeated hour maps to the first: one hour earlier
          expect(back).toBe(t - 3_600_000);
          expect(instantToLocal(back, tz)).toEqual(local);
          repeated++;
        }
      }
      expect(repeated).toBe(tz === 'Europe/Berlin' || tz === 'America/New_York' ? 1 : 0);
    },
  );

  it('round-trips every quarter hour of both Berlin transition days', () => {
    const tz = 'Europe/Berlin';
    for (const [date, next, hours] of [
      ['2026-03-29', '2026-03-30', 23],
      ['2026-10-25', '2026-10-26', 25],
    ] as const) {
      const from = localToInstant(date, '00:00', tz);
      const to = localToInstant(next, '00:00', tz);
      expect(to - from).toBe(hours * 3_600_000);
      for (let t = from; t < to; t += 900_000) {
        expect(Date.parse(isoInZone(t, tz))).toBe(t);
        const local = instantToLocal(t, tz);
        expect(local.date).toBe(date);
        const back = localToInstant(local.date, local.time, tz);
        expect(back === t || back === t - 3_600_000).toBe(true);
      }
    }
  });
});
