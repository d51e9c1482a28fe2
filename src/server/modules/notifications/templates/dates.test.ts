import { formatDate, formatDateTime, isInstant } from './dates.js';

const at = '2027-01-12T07:30:00.000Z';

describe('formatDateTime', () => {
  it('shows the time in the office zone, in Russian', () => {
    expect(formatDateTime(at, 'Europe/Moscow', 'ru', 'short')).toBe('12.01.2027 в 10:30');
    expect(formatDateTime(at, 'Europe/Moscow', 'ru', 'long')).toBe('12 января 2027 г. в 10:30');
    expect(formatDateTime(at, 'Asia/Yekaterinburg', 'ru', 'short')).toBe('12.01.2027 в 12:30');
  });

  it('shows the time in the office zone, in English', () => {
    expect(formatDateTime(at, 'Europe/Moscow', 'en', 'short')).toBe('12 Jan 2027, 10:30');
    expect(formatDateTime(at, 'Europe/Moscow', 'en', 'long')).toBe('12 Jan 2027, 10:30');
  });

  it('moves to the local day across midnight and uses a 24-hour clock', () => {
    expect(formatDateTime('2027-12-31T21:05:00Z', 'Europe/Moscow', 'ru', 'long')).toBe(
      '1 января 2028 г. в 00:05',
    );
    expect(formatDateTime('2027-06-30T20:00:00Z', 'Asia/Vladivostok', 'en', 'short')).toBe(
      '1 Jul 2027, 06:00',
    );
    expect(formatDateTime('2027-05-03T14:45:00+03:00', 'Europe/Moscow', 'ru', 'short')).toBe(
      '03.05.2027 в 14:45',
    );
  });

  it('follows daylight saving time', () => {
    expect(formatDateTime('2027-03-28T08:00:00Z', 'Europe/Berlin', 'en', 'short')).toBe('28 Mar 2027, 10:00');
    expect(formatDateTime('2027-03-27T08:00:00Z', 'Europe/Berlin', 'en', 'short')).toBe('27 Mar 2027, 09:00');
  });

  it('names every month', () => {
    const ru = Array.from({ length: 12 }, (_, m) =>
      formatDate(`2027-${String(m + 1).padStart(2, '0')}-15T12:00:00Z`, 'UTC', 'ru', 'long'),
    );
    expect(ru.map((d) => d.split(' ')[1])).toEqual([
      'января',
      'февраля',
      'марта',
      'апреля',
      'мая',
      'июня',
      'июля',
      'августа',
      'сентября',
      'октября',
      'ноября',
      'декабря',
    ]);
    expect(formatDate('2027-09-15T12:00:00Z', 'UTC', 'en', 'long')).toBe('15 Sep 2027');
  });

  it('refuses an unreadable instant and an unknown zone', () => {
    expect(() => formatDateTime('завтра', 'Europe/Moscow', 'ru', 'short')).toThrow(RangeError);
    expect(() => formatDateTime(at, 'Europe/Nowhere', 'ru', 'short')).toThrow(RangeError);
    expect(isInstant('завтра')).toBe(false);
    expect(isInstant('12 Jan 2027')).toBe(false);
    expect(isInstant('2027-02-30T10:00:00Z')).toBe(false);
    // without an offset it would be read in the server's zone
    expect(isInstant('2027-01-12T10:30:00')).toBe(false);
    expect(() => formatDate('2027-01-12T10:30:00', 'Europe/Moscow', 'ru', 'short')).toThrow(RangeError);
    expect(isInstant('2027-01-12T10:30+03:00')).toBe(true);
    expect(isInstant(at)).toBe(true);
  });
});

describe('formatDate', () => {
  it('shows the day alone', () => {
    expect(formatDate(at, 'Europe/Moscow', 'ru', 'short')).toBe('12.01.2027');
    expect(formatDate(at, 'Europe/Moscow', 'ru', 'long')).toBe('12 января 2027 г.');
    expect(formatDate(at, 'Europe/Moscow', 'en', 'short')).toBe('12 Jan 2027');
  });
});
