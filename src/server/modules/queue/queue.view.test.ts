import type { CallCandidate, CallingWindow } from './call-order.js';
import { newcomerWait, openWindowCount, placeInQueue, type QueueView } from './queue.view.js';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 2, 2, 7, 0);
const ago = (minutes: number) => NOW - minutes * MINUTE;

let seq = 0;
function buildTicket(overrides: Partial<CallCandidate> = {}): CallCandidate {
  seq += 1;
  const queuedAt = overrides.queuedAt ?? ago(5);
  return {
    id: `t${String(seq).padStart(4, '0')}`,
    serviceCode: 'passport',
    categoryCode: 'documents',
    priorityRank: 0,
    queuedAt,
    issuedAt: queuedAt,
    dueAt: null,
    bookedFor: null,
    targetWindow: null,
    ...overrides,
  };
}

const window = (
  number: number,
  serviceCodes: string[] = [],
  categoryCodes: string[] = [],
): CallingWindow => ({
  number,
  serviceCodes,
  categoryCodes,
});

/** passport 10 min, snils 4, inn 7, anything else 12. */
const minutes: Record<string, number> = { passport: 10, snils: 4, inn: 7 };

function buildView(overrides: Partial<QueueView> = {}): QueueView {
  return {
    waiting: [],
    windows: [window(1), window(2)],
    open: new Set([1, 2]),
    minutesOf: (service) => (service === null ? 12 : (minutes[service] ?? 12)),
    now: NOW,
    starvationMinutes: 25,
    ...overrides,
  };
}

describe('placeInQueue', () => {
  it('is first with nothing to wait for when nobody is ahead', () => {
    const t = buildTicket();
    expect(placeInQueue(buildView({ waiting: [t] }), t)).toEqual({ position: 0, estimatedWaitMinutes: 0 });
  });

  it('counts those ahead and shares their minutes among the open windows, rounding up', () => {
    const ahead = [
      buildTicket({ queuedAt: ago(9) }),
      buildTicket({ queuedAt: ago(8) }),
      buildTicket({ serviceCode: 'snils', queuedAt: ago(7) }),
    ];
    const t = buildTicket({ queuedAt: ago(1) });
    const behind = buildTicket({ queuedAt: ago(0) });
    // (10 + 10 + 4) / 2
    expect(placeInQueue(buildView({ waiting: [...ahead, t, behind] }), t)).toEqual({
      position: 3,
      estimatedWaitMinutes: 12,
    });
    // (10 + 10 + 4) / 1 with one window open
    expect(placeInQueue(buildView({ waiting: [...ahead, t, behind], open: new Set([2]) }), t)).toEqual({
      position: 3,
      estimatedWaitMinutes: 24,
    });
    // 5 / 2 = 2.5 → 3
    const short = [
      buildTicket({ serviceCode: 'snils', queuedAt: ago(4) }),
      buildTicket({ serviceCode: 'x', queuedAt: ago(3) }),
    ];
    expect(
      placeInQueue(buildView({ waiting: [...short, t], minutesOf: () => 2.5 }), t).estimatedWaitMinutes,
    ).toBe(3);
  });

  it('puts priority, bookings and redirects to its window ahead of a longer plain wait', () => {
    const t = buildTicket({ queuedAt: ago(20) });
    const priority = buildTicket({ queuedAt: ago(1), priorityRank: 1 });
    const booked = buildTicket({ queuedAt: ago(1), bookedFor: ago(0) });
    const redirected = buildTicket({ queuedAt: ago(1), targetWindow: 1 });
    const view = buildView({ waiting: [t, priority, booked, redirected], open: new Set([1]) });
    expect(placeInQueue(view, t)).toEqual({ position: 3, estimatedWaitMinutes: 30 });
  });

  it('divides only by the open windows that take its service', () => {
    const windows = [window(1, ['passport']), window(2, ['passport']), window(3, ['snils'])];
    const ahead = [
      buildTicket({ queuedAt: ago(9) }),
      buildTicket({ queuedAt: ago(8) }),
      buildTicket({ queuedAt: ago(7) }),
    ];
    const t = buildTicket({ queuedAt: ago(1) });
    const view = buildView({ waiting: [...ahead, t], windows, open: new Set([1, 2, 3]) });
    expect(placeInQueue(view, t)).toEqual({ position: 3, estimatedWaitMinutes: 15 });
  });

  it('does not count tickets its windows do not take, nor tickets sent to another window', () => {
    const windows = [window(1, ['passport']), window(2, ['snils'])];
    const otherService = buildTicket({ serviceCode: 'snils', queuedAt: ago(30) });
    const redirectedElsewhere = buildTicket({ queuedAt: ago(30), targetWindow: 2 });
    const ahead = buildTicket({ queuedAt: ago(6) });
    const t = buildTicket({ queuedAt: ago(1) });
    const view = buildView({
      waiting: [otherService, redirectedElsewhere, ahead, t],
      windows,
      open: new Set([1, 2]),
    });
    expect(placeInQueue(view, t)).toEqual({ position: 1, estimatedWaitMinutes: 10 });
  });

  it('does not count tickets postponed past now', () => {
    const postponed = buildTicket({ queuedAt: ago(20), dueAt: NOW + 30 * MINUTE });
    const t = buildTicket({ queuedAt: ago(1) });
    expect(placeInQueue(buildView({ waiting: [postponed, t], open: new Set([1]) }), t)).toEqual({
      position: 0,
      estimatedWaitMinutes: 0,
    });
  });

  it('has a postponed ticket wait at least until it is due', () => {
    const t = buildTicket({ queuedAt: ago(1), dueAt: NOW + 20 * MINUTE });
    expect(placeInQueue(buildView({ waiting: [t] }), t)).toEqual({ position: 0, estimatedWaitMinutes: 20 });
    const soon = buildTicket({ queuedAt: ago(1), dueAt: NOW + 90_000 });
    expect(placeInQueue(buildView({ waiting: [soon] }), soon).estimatedWaitMinutes).toBe(2);
  });

  it('has a postponed ticket wait for the work ahead when that is longer than its postponement', () => {
    const ahead = [
      buildTicket({ queuedAt: ago(9) }),
      buildTicket({ queuedAt: ago(8) }),
      buildTicket({ queuedAt: ago(7) }),
    ];
    const t = buildTicket({ queuedAt: ago(1), dueAt: NOW + 5 * MINUTE });
    expect(placeInQueue(buildView({ waiting: [...ahead, t], open: new Set([1]) }), t)).toEqual({
      position: 3,
      estimatedWaitMinutes: 30,
    });
  });

  it('counts a redirected ticket at its own window alone', () => {
    const t = buildTicket({ queuedAt: ago(1), targetWindow: 2 });
    const alsoForWindow2 = buildTicket({ queuedAt: ago(5), targetWindow: 2 });
    const plainOlder = buildTicket({ queuedAt: ago(40) });
    const view = buildView({ waiting: [plainOlder, alsoForWindow2, t], open: new Set([1, 2]) });
    expect(placeInQueue(view, t)).toEqual({ position: 1, estimatedWaitMinutes: 10 });
  });

  it('still predicts a wait, by the windows that will take it, when none of them is open', () => {
    const windows = [window(1, ['passport']), window(2, ['passport']), window(3, ['snils'])];
    const ahead = [buildTicket({ queuedAt: ago(9) }), buildTicket({ queuedAt: ago(8) })];
    const t = buildTicket({ queuedAt: ago(1) });
    const view = buildView({ waiting: [...ahead, t], windows, open: new Set([3]) });
    expect(placeInQueue(view, t)).toEqual({ position: 2, estimatedWaitMinutes: 10 });
  });
});

describe('newcomerWait', () => {
  it('for the office: everyone due, shared by the open windows', () => {
    const waiting = [
      buildTicket({ serviceCode: 'passport' }),
      buildTicket({ serviceCode: 'snils' }),
      buildTicket({ serviceCode: 'inn' }),
      buildTicket({ serviceCode: null }),
      buildTicket({ serviceCode: 'passport', dueAt: NOW + 10 * MINUTE }),
      buildTicket({ serviceCode: 'passport', dueAt: NOW }),
    ];
    // (10 + 4 + 7 + 12 + 10) / 2 = 21.5
    expect(newcomerWait(buildView({ waiting }))).toBe(22);
    expect(newcomerWait(buildView({ waiting, open: new Set([1]) }))).toBe(43);
  });

  it('for the office: zero when nobody waits, null when no window is open', () => {
    expect(newcomerWait(buildView())).toBe(0);
    expect(newcomerWait(buildView({ waiting: [buildTicket()], open: new Set() }))).toBeNull();
  });

  it('for a service: everyone ahead at a window that takes it, shared by its open windows', () => {
    const windows = [window(1, ['passport']), window(2, [], ['documents']), window(3, ['inn'])];
    const waiting = [
      buildTicket({ serviceCode: 'passport', queuedAt: ago(3) }),
      buildTicket({ serviceCode: 'passport', queuedAt: ago(0) }),
      buildTicket({ serviceCode: 'inn', categoryCode: 'tax', queuedAt: ago(9) }),
    ];
    const view = buildView({ waiting, windows, open: new Set([1, 2, 3]) });
    // the newcomer queues now, behind those queued at the same instant: (10 + 10) / 2
    expect(newcomerWait(view, { serviceCode: 'passport', categoryCode: 'documents' })).toBe(10);
    expect(newcomerWait(view, { serviceCode: 'inn', categoryCode: 'tax' })).toBe(7);
  });

  it('for a service: null when no open window takes it, though others are open', () => {
    const windows = [window(1, ['passport']), window(2, ['snils'])];
    const view = buildView({ waiting: [buildTicket()], windows, open: new Set([2]) });
    expect(newcomerWait(view, { serviceCode: 'passport', categoryCode: 'documents' })).toBeNull();
    expect(newcomerWait(view, { serviceCode: 'snils', categoryCode: 'documents' })).toBe(0);
  });
});

describe('openWindowCount', () => {
  it('counts the windows that are open, not those merely known', () => {
    expect(
      openWindowCount(buildView({ windows: [window(1), window(2), window(3)], open: new Set([1, 3]) })),
    ).toBe(2);
    expect(openWindowCount(buildView({ open: new Set() }))).toBe(0);
    // an open number with no window behind it does not count
    expect(openWindowCount(buildView({ windows: [window(1)], open: new Set([1, 9]) }))).toBe(1);
  });
});
