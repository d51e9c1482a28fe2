import { kioskSilenceMs, minutesSince, officeAlerts, usualVisits } from './situation.alerts.js';

const opened = Date.parse('2026-12-01T05:00:00Z');
const now = Date.parse('2026-12-01T09:00:00Z');
const base = {
  now,
  openNow: true,
  openedAt: opened,
  targetWaitMinutes: 15,
  longestWaitMinutes: null,
  windows: [],
  kiosks: [],
};

describe('the situational center’s alerts of an office', () => {
  it('raises wait_over_target only past the target, with the longest wait', () => {
    expect(officeAlerts({ ...base, longestWaitMinutes: 15 })).toEqual([]);
    expect(officeAlerts({ ...base, longestWaitMinutes: 16 })).toEqual([
      { kind: 'wait_over_target', minutes: 16, window: null, kiosk: null },
    ]);
  });

  it('raises window_closed for a window closed or paused after today’s opening, while the office is open', () => {
    const windows = [
      { number: 3, status: 'paused' as const, since: now - 60_000 },
      { number: 1, status: 'closed' as const, since: opened + 60_000 },
      { number: 2, status: 'open' as const, since: opened + 60_000 },
      // closed yesterday and never opened today: not an alert
      { number: 4, status: 'closed' as const, since: opened - 3_600_000 },
      { number: 5, status: 'closed' as const, since: null },
    ];
    expect(officeAlerts({ ...base, windows }).map((a) => a.window)).toEqual([1, 3]);
    expect(officeAlerts({ ...base, windows, openNow: false })).toEqual([]);
  });

  it('raises kiosk_offline for an enrolled kiosk silent over five minutes, while the office is open', () => {
    const kiosks = [
      { label: 'Вход', lastSeenAt: now - kioskSilenceMs },
      { label: 'Зал', lastSeenAt: now - kioskSilenceMs - 1 },
      { label: 'Новый', lastSeenAt: null },
    ];
    expect(officeAlerts({ ...base, kiosks }).map((a) => a.kiosk)).toEqual(['Зал', 'Новый']);
    expect(officeAlerts({ ...base, kiosks, openNow: false })).toEqual([]);
  });

  it('keeps the wait alert of a closed office (people still wait after closing)', () => {
    expect(officeAlerts({ ...base, openNow: false, longestWaitMinutes: 40 }).map((a) => a.kind)).toEqual([
      'wait_over_target',
    ]);
  });

  it('counts whole minutes waited', () => {
    expect(minutesSince(null, now)).toBeNull();
    expect(minutesSince(now - 16 * 60_000 - 59_000, now)).toBe(16);
    expect(minutesSince(now + 1000, now)).toBe(0);
  });

  it('takes the usual visits as the mean of four same weekdays, a missing day as none, nothing as null', () => {
    expect(usualVisits([100, 120, 80, 100])).toBe(100);
    expect(usualVisits([100, undefined, 50, undefined])).toBe(37.5);
    expect(usualVisits([undefined, undefined, undefined, undefined])).toBeNull();
  });
});
