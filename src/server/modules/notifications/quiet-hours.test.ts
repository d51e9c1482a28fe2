import { notificationEvents } from '../../../shared/notifications.js';
import { nowInTimeZone } from '../../../shared/office-hours.js';
import {
  instantOfLocalTime,
  isQuietTime,
  QUIET_HOURS_END,
  QUIET_HOURS_START,
  sendNotBefore,
  sentDuringQuietHours,
} from './quiet-hours.js';

const at = (iso: string) => new Date(iso);
const smsReminder = (now: string, zone: string) =>
  sendNotBefore(at(now), 'sms', 'booking.reminder', zone).toISOString();

describe('quiet hours', () => {
  it('run from 21:00 to 09:00', () => {
    expect(QUIET_HOURS_START).toBe(21);
    expect(QUIET_HOURS_END).toBe(9);
  });

  it('hold an SMS sent at 21:00 Moscow time (UTC+3) until 09:00 the next morning', () => {
    expect(smsReminder('2027-01-12T18:00:00.000Z', 'Europe/Moscow')).toBe('2027-01-13T06:00:00.000Z');
    expect(smsReminder('2027-01-12T20:59:00.000Z', 'Europe/Moscow')).toBe('2027-01-13T06:00:00.000Z');
    expect(smsReminder('2027-01-12T23:30:00.000Z', 'Europe/Moscow')).toBe('2027-01-13T06:00:00.000Z');
  });

  it('hold an SMS sent before 09:00 until 09:00 the same day', () => {
    expect(smsReminder('2027-01-13T03:00:00.000Z', 'Europe/Moscow')).toBe('2027-01-13T06:00:00.000Z');
    expect(smsReminder('2027-01-13T05:59:59.999Z', 'Europe/Moscow')).toBe('2027-01-13T06:00:00.000Z');
  });

  it('let an SMS go at once from 09:00 to 20:59:59', () => {
    for (const iso of ['2027-01-13T06:00:00.000Z', '2027-01-13T12:00:00.000Z', '2027-01-13T17:59:59.999Z']) {
      const now = at(iso);
      expect(sendNotBefore(now, 'sms', 'booking.confirmed', 'Europe/Moscow')).toBe(now);
    }
  });

  it('follow the office zone: 21:00 in Yekaterinburg (UTC+5) is 18:00 in Moscow', () => {
    expect(smsReminder('2027-01-12T16:00:00.000Z', 'Asia/Yekaterinburg')).toBe('2027-01-13T04:00:00.000Z');
    expect(smsReminder('2027-01-12T20:00:00.000Z', 'Asia/Yekaterinburg')).toBe('2027-01-13T04:00:00.000Z');
    const now = at('2027-01-12T16:00:00.000Z');
    expect(sendNotBefore(now, 'sms', 'booking.reminder', 'Europe/Moscow')).toBe(now);
  });

  it('end at 09:00 summer time in Berlin on the night the clocks go forward (a night of 10 hours)', () => {
    // 2027-03-28 02:00 CET → 03:00 CEST; 09:00 CEST is 07:00Z
    expect(smsReminder('2027-03-27T21:00:00.000Z', 'Europe/Berlin')).toBe('2027-03-28T07:00:00.000Z');
    expect(smsReminder('2027-03-28T00:30:00.000Z', 'Europe/Berlin')).toBe('2027-03-28T07:00:00.000Z');
    expect(smsReminder('2027-03-28T01:30:00.000Z', 'Europe/Berlin')).toBe('2027-03-28T07:00:00.000Z');
    // the evening before, still winter time: 21:00 CET is 20:00Z
    expect(isQuietTime(at('2027-03-27T19:59:00.000Z'), 'Europe/Berlin')).toBe(false);
    expect(isQuietTime(at('2027-03-27T20:00:00.000Z'), 'Europe/Berlin')).toBe(true);
  });

  it('end at 09:00 winter time in Berlin on the night the clocks go back (a night of 13 hours)', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET; 09:00 CET is 08:00Z
    expect(smsReminder('2026-10-24T19:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z');
    expect(smsReminder('2026-10-25T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z');
    expect(smsReminder('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z');
    const nine = at('2026-10-25T08:00:00.000Z');
    expect(sendNotBefore(nine, 'sms', 'case.stage', 'Europe/Berlin')).toBe(nine);
  });

  it('follow New York across both of its changes', () => {
    // 2027-03-14 02:00 EST → 03:00 EDT: 21:00 EST the day before, 09:00 EDT (13:00Z)
    expect(smsReminder('2027-03-14T02:00:00.000Z', 'America/New_York')).toBe('2027-03-14T13:00:00.000Z');
    // 2026-11-01 02:00 EDT → 01:00 EST: 21:00 EDT the day before, 09:00 EST (14:00Z)
    expect(smsReminder('2026-11-01T01:00:00.000Z', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
    expect(smsReminder('2027-01-12T13:59:00.000Z', 'America/New_York')).toBe('2027-01-12T14:00:00.000Z');
  });

  it('never hold an e-mail', () => {
    const night = at('2027-01-12T23:30:00.000Z');
    for (const event of notificationEvents) {
      expect(sendNotBefore(night, 'email', event, 'Europe/Moscow')).toBe(night);
    }
  });

  it('let the turn-near SMS, a booking’s confirmation code and the channel test through at night, and hold every other SMS', () => {
    const night = at('2027-01-12T23:30:00.000Z');
    expect([...sentDuringQuietHours].sort()).toEqual([
      'booking.confirm_code',
      'channel.test',
      'ticket.turn_near',
    ]);
    for (const event of notificationEvents) {
      const result = sendNotBefore(night, 'sms', event, 'Europe/Moscow');
      if (sentDuringQuietHours.has(event)) expect(result, event).toBe(night);
      else expect(result.toISOString(), event).toBe('2027-01-13T06:00:00.000Z');
    }
  });

  it('refuse an unknown time zone', () => {
    expect(() => sendNotBefore(at('2027-01-12T23:30:00.000Z'), 'sms', 'case.stage', 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });

  it('always give 09:00 local, later than now and less than 13 hours away, for every hour of a year', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Europe/Moscow']) {
      const start = Date.parse('2026-06-01T00:00:00Z');
      for (let t = start; t < start + 366 * 86_400_000; t += 60 * 60_000) {
        const now = new Date(t);
        const result = sendNotBefore(now, 'sms', 'case.result_ready', zone);
        if (result === now) {
          expect(isQuietTime(now, zone)).toBe(false);
          continue;
        }
        const wait = result.getTime() - t;
        expect(wait, `${zone} ${now.toISOString()}`).toBeGreaterThan(0);
        expect(wait, `${zone} ${now.toISOString()}`).toBeLessThanOrEqual(13 * 3_600_000);
        expect(nowInTimeZone(zone, result).time, `${zone} ${now.toISOString()}`).toBe('09:00');
      }
    }
  });
});

describe('instantOfLocalTime', () => {
  it('finds the instant of a local time in zones with and without daylight saving', () => {
    expect(instantOfLocalTime('2027-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2027-07-01T07:00:00.000Z',
    );
    expect(instantOfLocalTime('2027-01-01', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2027-01-01T08:00:00.000Z',
    );
    expect(instantOfLocalTime('2027-01-01', '00:00', 'Asia/Yekaterinburg').toISOString()).toBe(
      '2026-12-31T19:00:00.000Z',
    );
    expect(instantOfLocalTime('2027-01-01', '09:30', 'Asia/Kolkata').toISOString()).toBe(
      '2027-01-01T04:00:00.000Z',
    );
  });

  it('shifts a local time the spring change skips forward by the gap', () => {
    // 02:30 does not exist in Berlin on 2027-03-28: it comes out as 03:30 CEST
    expect(instantOfLocalTime('2027-03-28', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });
});
