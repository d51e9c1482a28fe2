/**
 * Which waiting ticket a window calls next — pure, so every rule is tested on its own and in combination.
 *
 * In this order:
 *   1. a ticket redirected to this window (or back to it: "return to me"), the longest waiting first;
 *   2. a booked visitor whose time has come (booked time ≤ now), the earliest booking first;
 *   3. a ticket that has waited longer than the starvation limit, the longest first — it overtakes the
 *      priority order, so that no one starves;
 *   4. priority categories, the higher rank first, then the longest wait;
 *   5. everyone else, the longest wait first.
 * A window takes only tickets it handles (its services or categories; a window with neither handles all),
 * a ticket redirected to another window is that window's alone, and a postponed ticket is not called
 * before its time. Ties go to the earlier issue, then the id, so the order is total.
 */

export type CallCandidate = {
  id: string;
  serviceCode: string | null;
  categoryCode: string | null;
  /** 0: no priority; higher is called first. */
  priorityRank: number;
  /** Epoch ms the wait is counted from. */
  queuedAt: number;
  issuedAt: number;
  dueAt: number | null;
  bookedFor: number | null;
  targetWindow: number | null;
};

export type CallingWindow = {
  number: number;
  serviceCodes: readonly string[];
  categoryCodes: readonly string[];
};

export type CallRules = { now: number; starvationMinutes: number };

/** Does this window take the ticket at all? */
export function windowHandles(window: CallingWindow, t: CallCandidate): boolean {
  if (t.targetWindow !== null) return t.targetWindow === window.number;
  if (window.serviceCodes.length === 0 && window.categoryCodes.length === 0) return true;
  if (t.serviceCode !== null && window.serviceCodes.includes(t.serviceCode)) return true;
  return t.categoryCode !== null && window.categoryCodes.includes(t.categoryCode);
}

/** The rule a ticket is called under at this window (1 first … 5 last). */
export function callRule(window: CallingWindow, t: CallCandidate, rules: CallRules): 1 | 2 | 3 | 4 | 5 {
  if (t.targetWindow === window.number) return 1;
  if (t.bookedFor !== null && t.bookedFor <= rules.now) return 2;
  if (rules.now - t.queuedAt > rules.starvationMinutes * 60_000) return 3;
  if (t.priorityRank > 0) return 4;
  return 5;
}

/** Negative when `a` goes before `b` at this window. */
export function compareForWindow(
  window: CallingWindow,
  a: CallCandidate,
  b: CallCandidate,
  rules: CallRules,
): number {
  const ra = callRule(window, a, rules);
  const rb = callRule(window, b, rules);
  if (ra !== rb) return ra - rb;
  if (ra === 2 && a.bookedFor !== b.bookedFor) return (a.bookedFor ?? 0) - (b.bookedFor ?? 0);
  if (ra === 4 && a.priorityRank !== b.priorityRank) return b.priorityRank - a.priorityRank;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt;
  if (a.issuedAt !== b.issuedAt) return a.issuedAt - b.issuedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const callable = (window: CallingWindow, t: CallCandidate, now: number) =>
  windowHandles(window, t) && (t.dueAt === null || t.dueAt <= now);

/** The ticket this window calls now, or null when it has nobody to call. */
export function pickNext(
  window: CallingWindow,
  waiting: readonly CallCandidate[],
  rules: CallRules,
): CallCandidate | null {
  let best: CallCandidate | null = null;
  for (const t of waiting) {
    if (!callable(window, t, rules.now)) continue;
    if (best === null || compareForWindow(window, t, best, rules) < 0) best = t;
  }
  return best;
}

/** The tickets this window would call, in its order (the console's list of who is next). */
export function callOrder(
  window: CallingWindow,
  waiting: readonly CallCandidate[],
  rules: CallRules,
): CallCandidate[] {
  return waiting
    .filter((t) => callable(window, t, rules.now))
    .sort((a, b) => compareForWindow(window, a, b, rules));
}
