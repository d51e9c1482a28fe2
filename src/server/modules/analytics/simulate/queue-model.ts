/**
 * The queue of one office-day (pure): a discrete-event model of its windows. Arrivals come in time order;
 * the windows staffed in each hour serve them, booked visitors first once their time has come (the call
 * order's rule), walk-ins in the order they came. What a visitor waits therefore follows from how many
 * windows were open against how many people arrived — fewer windows, longer waits.
 */

export type QueueVisitor = {
  /** Minutes since the office-day's midnight: when the ticket was taken. */
  arrival: number;
  /** When the visitor may be called: the booked time for a booking, else the arrival. */
  ready: number;
  booked: boolean;
  /** Minutes at the window. */
  service: number;
  /** Called twice and not there: the window is held for a couple of minutes. */
  noShow: boolean;
};

export type QueueOutcome = {
  /** Minutes since midnight; null when never called (still waiting when the day ended). */
  called: number | null;
  started: number | null;
  finished: number | null;
  /** 1-based window number. */
  window: number | null;
};

/**
 * `staffed(minute)` is how many windows are open at that minute (windows 1..n); `lastCall` is the last
 * minute anyone is called (closing plus the day-end grace).
 */
export function simulateQueue(
  visitors: readonly QueueVisitor[],
  staffed: (minute: number) => number,
  windows: number,
  opens: number,
  lastCall: number,
  walkDelay: (i: number) => number = () => 0.5,
): QueueOutcome[] {
  const out: QueueOutcome[] = visitors.map(() => ({
    called: null,
    started: null,
    finished: null,
    window: null,
  }));
  const booked = visitors
    .map((_v, i) => i)
    .filter((i) => visitors[i].booked)
    .sort((a, b) => visitors[a].ready - visitors[b].ready);
  const walkIns = visitors
    .map((_v, i) => i)
    .filter((i) => !visitors[i].booked)
    .sort((a, b) => visitors[a].ready - visitors[b].ready);
  let bi = 0;
  let wi = 0;
  const freeAt = new Array<number>(Math.max(1, windows)).fill(opens);
  /** The first minute from t at which window k (0-based) is staffed; Infinity past the last call. */
  const staffedFrom = (k: number, t: number) => {
    let m = Math.max(t, opens);
    while (m <= lastCall) {
      if (k < staffed(m)) return m;
      m = Math.floor(m / 60) * 60 + 60;
    }
    return Number.POSITIVE_INFINITY;
  };
  while (bi < booked.length || wi < walkIns.length) {
    // the window free first
    let k = 0;
    let t = Number.POSITIVE_INFINITY;
    for (let j = 0; j < freeAt.length; j++) {
      const at = staffedFrom(j, freeAt[j]);
      freeAt[j] = at;
      if (at < t) {
        t = at;
        k = j;
      }
    }
    if (t > lastCall) break;
    const nextBooked = bi < booked.length ? visitors[booked[bi]].ready : Number.POSITIVE_INFINITY;
    const nextWalkIn = wi < walkIns.length ? visitors[walkIns[wi]].ready : Number.POSITIVE_INFINITY;
    let take: number;
    if (nextBooked <= t) take = booked[bi++];
    else if (nextWalkIn <= t) take = walkIns[wi++];
    else {
      const soonest = Math.min(nextBooked, nextWalkIn);
      if (soonest > lastCall) break;
      // idle until someone is there (re-check staffing at that minute on the next round)
      freeAt[k] = soonest;
      continue;
    }
    const v = visitors[take];
    const called = Math.max(t, v.ready);
    if (v.noShow) {
      out[take] = { called, started: null, finished: null, window: k + 1 };
      freeAt[k] = called + 2;
      continue;
    }
    const started = called + walkDelay(take);
    const finished = started + v.service;
    out[take] = { called, started, finished, window: k + 1 };
    freeAt[k] = finished;
  }
  return out;
}
