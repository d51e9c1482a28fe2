import {
  type CallCandidate,
  type CallingWindow,
  type CallRules,
  callOrder,
  callRule,
  compareForWindow,
  pickNext,
  windowHandles,
} from './call-order.js';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 2, 2, 7, 0);
const ago = (minutes: number) => NOW - minutes * MINUTE;
const rules: CallRules = { now: NOW, starvationMinutes: 25 };

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

function buildWindow(overrides: Partial<CallingWindow> = {}): CallingWindow {
  return { number: 5, serviceCodes: [], categoryCodes: [], ...overrides };
}

const ids = (tickets: readonly CallCandidate[]) => tickets.map((t) => t.id);

describe('windowHandles', () => {
  it('takes every ticket at a window with no services and no categories', () => {
    const w = buildWindow();
    expect(windowHandles(w, buildTicket({ serviceCode: 'x', categoryCode: 'y' }))).toBe(true);
    expect(windowHandles(w, buildTicket({ serviceCode: null, categoryCode: null }))).toBe(true);
  });

  it('takes only its services at a window that lists services', () => {
    const w = buildWindow({ serviceCodes: ['passport', 'snils'] });
    expect(windowHandles(w, buildTicket({ serviceCode: 'snils', categoryCode: 'other' }))).toBe(true);
    expect(windowHandles(w, buildTicket({ serviceCode: 'inn', categoryCode: 'other' }))).toBe(false);
    expect(windowHandles(w, buildTicket({ serviceCode: null, categoryCode: null }))).toBe(false);
  });

  it('takes every service of its categories at a window that lists categories', () => {
    const w = buildWindow({ categoryCodes: ['realty'] });
    expect(windowHandles(w, buildTicket({ serviceCode: 'deed', categoryCode: 'realty' }))).toBe(true);
    expect(windowHandles(w, buildTicket({ serviceCode: 'deed', categoryCode: 'family' }))).toBe(false);
    expect(windowHandles(w, buildTicket({ serviceCode: 'deed', categoryCode: null }))).toBe(false);
  });

  it('takes a ticket that matches either its services or its categories', () => {
    const w = buildWindow({ serviceCodes: ['passport'], categoryCodes: ['realty'] });
    expect(windowHandles(w, buildTicket({ serviceCode: 'passport', categoryCode: 'documents' }))).toBe(true);
    expect(windowHandles(w, buildTicket({ serviceCode: 'deed', categoryCode: 'realty' }))).toBe(true);
    expect(windowHandles(w, buildTicket({ serviceCode: 'inn', categoryCode: 'tax' }))).toBe(false);
  });

  it('never takes a ticket redirected to another window, even one it handles', () => {
    const everything = buildWindow({ number: 5 });
    expect(windowHandles(everything, buildTicket({ targetWindow: 6 }))).toBe(false);
  });

  it('takes a ticket redirected to it even outside its services', () => {
    const w = buildWindow({ number: 5, serviceCodes: ['snils'] });
    expect(windowHandles(w, buildTicket({ serviceCode: 'passport', targetWindow: 5 }))).toBe(true);
  });
});

describe('callRule', () => {
  const w = buildWindow({ number: 5 });

  it('1: a ticket redirected to this window', () => {
    expect(callRule(w, buildTicket({ targetWindow: 5, queuedAt: ago(1) }), rules)).toBe(1);
  });

  it('1 wins over a due booking, starvation and priority together', () => {
    const t = buildTicket({ targetWindow: 5, bookedFor: ago(1), queuedAt: ago(60), priorityRank: 3 });
    expect(callRule(w, t, rules)).toBe(1);
  });

  it('2: a booked visitor whose time has come (booked time = now counts)', () => {
    expect(callRule(w, buildTicket({ bookedFor: NOW }), rules)).toBe(2);
    expect(callRule(w, buildTicket({ bookedFor: ago(3) }), rules)).toBe(2);
  });

  it('a booking still in the future is not rule 2', () => {
    expect(callRule(w, buildTicket({ bookedFor: NOW + 1 }), rules)).toBe(5);
    expect(callRule(w, buildTicket({ bookedFor: NOW + 1, priorityRank: 1 }), rules)).toBe(4);
  });

  it('2 wins over starvation and priority', () => {
    const t = buildTicket({ bookedFor: ago(1), queuedAt: ago(60), priorityRank: 2 });
    expect(callRule(w, t, rules)).toBe(2);
  });

  it('exactly at the starvation limit is not starving; a millisecond over is', () => {
    const limit = rules.starvationMinutes * MINUTE;
    expect(callRule(w, buildTicket({ queuedAt: NOW - limit }), rules)).toBe(5);
    expect(callRule(w, buildTicket({ queuedAt: NOW - limit - 1 }), rules)).toBe(3);
    expect(callRule(w, buildTicket({ queuedAt: NOW - limit + 1 }), rules)).toBe(5);
  });

  it('3: a starving ticket overtakes even a priority ticket of its own', () => {
    expect(callRule(w, buildTicket({ queuedAt: ago(26), priorityRank: 2 }), rules)).toBe(3);
  });

  it('the starvation limit follows the rules given', () => {
    const t = buildTicket({ queuedAt: ago(11) });
    expect(callRule(w, t, { now: NOW, starvationMinutes: 10 })).toBe(3);
    expect(callRule(w, t, { now: NOW, starvationMinutes: 11 })).toBe(5);
  });

  it('4: a priority category; 5: everyone else', () => {
    expect(callRule(w, buildTicket({ priorityRank: 1 }), rules)).toBe(4);
    expect(callRule(w, buildTicket({ priorityRank: 0 }), rules)).toBe(5);
  });
});

describe('callOrder and pickNext', () => {
  const w = buildWindow({ number: 5 });

  it('puts the five rules in their order', () => {
    const plain = buildTicket({ queuedAt: ago(20) });
    const priority = buildTicket({ queuedAt: ago(2), priorityRank: 1 });
    const starving = buildTicket({ queuedAt: ago(30) });
    const booked = buildTicket({ queuedAt: ago(1), bookedFor: ago(0) });
    const redirected = buildTicket({ queuedAt: ago(0), targetWindow: 5 });
    const waiting = [plain, priority, starving, booked, redirected];
    expect(ids(callOrder(w, waiting, rules))).toEqual(ids([redirected, booked, starving, priority, plain]));
    expect(pickNext(w, waiting, rules)).toBe(redirected);
  });

  it('calls redirected tickets the longest waiting first', () => {
    const recent = buildTicket({ targetWindow: 5, queuedAt: ago(2) });
    const older = buildTicket({ targetWindow: 5, queuedAt: ago(9) });
    expect(ids(callOrder(w, [recent, older], rules))).toEqual(ids([older, recent]));
  });

  it('calls due bookings the earliest booking first, whatever the wait', () => {
    const bookedLate = buildTicket({ bookedFor: ago(1), queuedAt: ago(20) });
    const bookedEarly = buildTicket({ bookedFor: ago(4), queuedAt: ago(2) });
    expect(ids(callOrder(w, [bookedLate, bookedEarly], rules))).toEqual(ids([bookedEarly, bookedLate]));
    expect(pickNext(w, [bookedLate, bookedEarly], rules)).toBe(bookedEarly);
  });

  it('calls two bookings for the same time the longest waiting first', () => {
    const a = buildTicket({ bookedFor: ago(1), queuedAt: ago(3) });
    const b = buildTicket({ bookedFor: ago(1), queuedAt: ago(8) });
    expect(ids(callOrder(w, [a, b], rules))).toEqual(ids([b, a]));
  });

  it('lets a starving plain ticket overtake a higher-priority one', () => {
    const priority = buildTicket({ queuedAt: ago(24), priorityRank: 3 });
    const starving = buildTicket({ queuedAt: ago(25) - 1 });
    expect(pickNext(w, [priority, starving], rules)).toBe(starving);
  });

  it('does not let a ticket exactly at the limit overtake priority', () => {
    const priority = buildTicket({ queuedAt: ago(1), priorityRank: 1 });
    const atLimit = buildTicket({ queuedAt: ago(25) });
    expect(pickNext(w, [atLimit, priority], rules)).toBe(priority);
  });

  it('orders starving tickets by wait alone, ignoring their priority', () => {
    const starvingPriority = buildTicket({ queuedAt: ago(26), priorityRank: 5 });
    const starvingLonger = buildTicket({ queuedAt: ago(40) });
    expect(ids(callOrder(w, [starvingPriority, starvingLonger], rules))).toEqual(
      ids([starvingLonger, starvingPriority]),
    );
  });

  it('calls the higher priority rank first, then the longest wait', () => {
    const rank1Old = buildTicket({ priorityRank: 1, queuedAt: ago(20) });
    const rank2New = buildTicket({ priorityRank: 2, queuedAt: ago(1) });
    const rank1New = buildTicket({ priorityRank: 1, queuedAt: ago(3) });
    const rank2Old = buildTicket({ priorityRank: 2, queuedAt: ago(10) });
    expect(ids(callOrder(w, [rank1Old, rank2New, rank1New, rank2Old], rules))).toEqual(
      ids([rank2Old, rank2New, rank1Old, rank1New]),
    );
  });

  it('calls everyone else the longest wait first', () => {
    const a = buildTicket({ queuedAt: ago(3) });
    const b = buildTicket({ queuedAt: ago(12) });
    const c = buildTicket({ queuedAt: ago(7) });
    expect(ids(callOrder(w, [a, b, c], rules))).toEqual(ids([b, c, a]));
  });

  it('counts the wait from queuedAt, not issuedAt (a redirect keeps the original time)', () => {
    const issuedEarlyQueuedLate = buildTicket({ issuedAt: ago(20), queuedAt: ago(2) });
    const issuedLateQueuedEarly = buildTicket({ issuedAt: ago(10), queuedAt: ago(10) });
    expect(pickNext(w, [issuedEarlyQueuedLate, issuedLateQueuedEarly], rules)).toBe(issuedLateQueuedEarly);
  });

  it('breaks a tie of wait by the earlier issue, then by id', () => {
    const q = ago(5);
    const laterIssue = { ...buildTicket({ queuedAt: q, issuedAt: ago(6) }), id: 'a' };
    const earlierIssue = { ...buildTicket({ queuedAt: q, issuedAt: ago(9) }), id: 'z' };
    const sameAsLaterB = { ...laterIssue, id: 'b' };
    const waiting = [sameAsLaterB, laterIssue, earlierIssue];
    expect(ids(callOrder(w, waiting, rules))).toEqual(['z', 'a', 'b']);
    expect(pickNext(w, waiting, rules)?.id).toBe('z');
    expect(compareForWindow(w, laterIssue, sameAsLaterB, rules)).toBeLessThan(0);
    expect(compareForWindow(w, sameAsLaterB, laterIssue, rules)).toBeGreaterThan(0);
    expect(compareForWindow(w, laterIssue, laterIssue, rules)).toBe(0);
  });

  it('gives the same answer whatever order the waiting list comes in', () => {
    const q = ago(5);
    const waiting = ['d', 'b', 'a', 'c'].map((id) => ({ ...buildTicket({ queuedAt: q }), id }));
    expect(ids(callOrder(w, waiting, rules))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(callOrder(w, [...waiting].reverse(), rules))).toEqual(['a', 'b', 'c', 'd']);
    expect(pickNext(w, [...waiting].reverse(), rules)?.id).toBe('a');
  });

  it('never calls a ticket redirected to another window, however long it waited', () => {
    const elsewhere = buildTicket({ targetWindow: 7, queuedAt: ago(90), priorityRank: 3 });
    const plain = buildTicket({ queuedAt: ago(1) });
    expect(ids(callOrder(w, [elsewhere, plain], rules))).toEqual(ids([plain]));
    expect(pickNext(w, [elsewhere], rules)).toBeNull();
    expect(pickNext(buildWindow({ number: 7 }), [elsewhere, plain], rules)).toBe(elsewhere);
  });

  it('skips a postponed ticket until it is due, and calls it from the moment it is', () => {
    const dueAt = NOW + 5 * MINUTE;
    const postponed = buildTicket({ queuedAt: ago(20), dueAt });
    const plain = buildTicket({ queuedAt: ago(1) });
    expect(ids(callOrder(w, [postponed, plain], rules))).toEqual(ids([plain]));
    expect(pickNext(w, [postponed], rules)).toBeNull();
    expect(pickNext(w, [postponed], { ...rules, now: dueAt - 1 })).toBeNull();
    expect(pickNext(w, [postponed, plain], { ...rules, now: dueAt })).toBe(postponed);
  });

  it('skips a postponed ticket even when it is redirected here or booked', () => {
    const later = NOW + MINUTE;
    const redirected = buildTicket({ targetWindow: 5, dueAt: later });
    const booked = buildTicket({ bookedFor: ago(1), dueAt: later });
    expect(pickNext(w, [redirected, booked], rules)).toBeNull();
  });

  it('calls a ticket whose postponement has passed', () => {
    const t = buildTicket({ dueAt: ago(1) });
    expect(pickNext(w, [t], rules)).toBe(t);
  });

  it('takes only tickets for its services, in the rules order among them', () => {
    const snilsWindow = buildWindow({ number: 2, serviceCodes: ['snils'] });
    const passportStarving = buildTicket({ serviceCode: 'passport', queuedAt: ago(50) });
    const snilsPriority = buildTicket({ serviceCode: 'snils', priorityRank: 1, queuedAt: ago(1) });
    const snilsPlain = buildTicket({ serviceCode: 'snils', queuedAt: ago(10) });
    const waiting = [passportStarving, snilsPlain, snilsPriority];
    expect(ids(callOrder(snilsWindow, waiting, rules))).toEqual(ids([snilsPriority, snilsPlain]));
    expect(pickNext(buildWindow({ number: 3, serviceCodes: ['inn'] }), waiting, rules)).toBeNull();
  });

  it('returns nothing when nobody waits', () => {
    expect(pickNext(w, [], rules)).toBeNull();
    expect(callOrder(w, [], rules)).toEqual([]);
  });

  it('does not reorder the list it is given', () => {
    const a = buildTicket({ queuedAt: ago(1) });
    const b = buildTicket({ queuedAt: ago(9) });
    const waiting = [a, b];
    callOrder(w, waiting, rules);
    expect(waiting).toEqual([a, b]);
  });
});

/** mulberry32: a small seeded PRNG, so a failing case is replayed by its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}

const services = ['passport', 'snils', 'inn', 'deed'];
const categoryOf: Record<string, string> = {
  passport: 'documents',
  snils: 'documents',
  inn: 'tax',
  deed: 'realty',
};

function randomOffice(seed: number, now: number) {
  const r = prng(seed);
  const windows: CallingWindow[] = [buildWindow({ number: 1 })]; // one window takes everything
  const windowCount = r.int(1, 5);
  for (let n = 2; n <= windowCount; n++) {
    windows.push({
      number: n,
      serviceCodes: services.filter(() => r.chance(0.4)),
      categoryCodes: ['documents', 'tax', 'realty'].filter(() => r.chance(0.2)),
    });
  }
  const waiting: CallCandidate[] = [];
  const ticketCount = r.int(0, 40);
  for (let i = 0; i < ticketCount; i++) {
    const service = r.chance(0.1) ? null : r.pick(services);
    // Whole minutes so that ties of wait and of issue are common.
    const queuedAt = now - r.int(0, 40) * MINUTE;
    waiting.push({
      id: `s${seed}-${String(r.int(0, 9999)).padStart(4, '0')}-${i}`,
      serviceCode: service,
      categoryCode: service === null ? null : (categoryOf[service] ?? null),
      priorityRank: r.chance(0.7) ? 0 : r.int(1, 3),
      queuedAt,
      issuedAt: r.chance(0.5) ? queuedAt : queuedAt - r.int(0, 3) * MINUTE,
      dueAt: r.chance(0.15) ? now + r.int(-5, 15) * MINUTE : null,
      bookedFor: r.chance(0.15) ? now + r.int(-10, 10) * MINUTE : null,
      targetWindow: r.chance(0.1) ? r.pick(windows).number : null,
    });
  }
  return { windows, waiting, r };
}

/** The rules written again as a sort key, independently of compareForWindow. */
function oracleOrder(window: CallingWindow, waiting: readonly CallCandidate[], r: CallRules) {
  const handles = (t: CallCandidate) =>
    t.targetWindow !== null
      ? t.targetWindow === window.number
      : (window.serviceCodes.length === 0 && window.categoryCodes.length === 0) ||
        (t.serviceCode !== null && window.serviceCodes.includes(t.serviceCode)) ||
        (t.categoryCode !== null && window.categoryCodes.includes(t.categoryCode));
  const key = (t: CallCandidate): (number | string)[] => {
    const rule =
      t.targetWindow === window.number
        ? 1
        : t.bookedFor !== null && t.bookedFor <= r.now
          ? 2
          : r.now - t.queuedAt > r.starvationMinutes * MINUTE
            ? 3
            : t.priorityRank > 0
              ? 4
              : 5;
    const within = rule === 2 ? (t.bookedFor as number) : rule === 4 ? -t.priorityRank : 0;
    return [rule, within, t.queuedAt, t.issuedAt, t.id];
  };
  const cmp = (a: CallCandidate, b: CallCandidate) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  };
  return waiting.filter((t) => handles(t) && (t.dueAt === null || t.dueAt <= r.now)).sort(cmp);
}

describe('random queues (seeded)', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => 1000 + i);

  it('pickNext is the head of callOrder, and callOrder is the rules order', () => {
    for (const seed of seeds) {
      const { windows, waiting } = randomOffice(seed, NOW);
      const r: CallRules = { now: NOW, starvationMinutes: 20 };
      for (const w of windows) {
        const order = callOrder(w, waiting, r);
        expect(pickNext(w, waiting, r), `seed ${seed}, window ${w.number}`).toBe(order[0] ?? null);
        expect(ids(order), `seed ${seed}, window ${w.number}`).toEqual(ids(oracleOrder(w, waiting, r)));
        for (let i = 1; i < order.length; i++) {
          expect(compareForWindow(w, order[i - 1]!, order[i]!, r)).toBeLessThan(0);
        }
        for (const t of order) {
          expect(t.targetWindow === null || t.targetWindow === w.number).toBe(true);
          expect(t.dueAt === null || t.dueAt <= NOW).toBe(true);
        }
      }
    }
  });

  it('calls every ticket exactly once when the windows call again and again', () => {
    let calls = 0;
    for (const seed of seeds) {
      let now = NOW;
      const { windows, waiting: initial, r } = randomOffice(seed, now);
      const waiting = [...initial];
      const called: string[] = [];
      let rounds = 0;
      while (waiting.length > 0) {
        rounds += 1;
        expect(rounds, `seed ${seed} did not drain`).toBeLessThan(1000);
        let anyone = false;
        for (const w of windows) {
          if (r.chance(0.3)) continue; // this window is busy this round
          const next = pickNext(w, waiting, { now, starvationMinutes: 20 });
          if (next === null) continue;
          anyone = true;
          expect(windowHandles(w, next)).toBe(true);
          waiting.splice(waiting.indexOf(next), 1);
          called.push(next.id);
        }
        const dues = waiting.map((t) => t.dueAt).filter((d): d is number => d !== null && d > now);
        now += r.int(0, 3) * MINUTE;
        if (!anyone && dues.length > 0) now = Math.max(now, Math.min(...dues));
      }
      expect([...called].sort(), `seed ${seed}`).toEqual(ids(initial).sort());
      expect(new Set(called).size).toBe(initial.length);
      calls += called.length;
    }
    expect(calls).toBeGreaterThan(1000);
  });
});
