import { predictWaitMinutes } from '../../../shared/queue.wait.js';
import { type CallCandidate, type CallingWindow, callOrder, windowHandles } from './call-order.js';

/**
 * An office's queue at one instant — pure: who waits, which windows exist and which are open, how long each
 * service takes. From it: a ticket's place and predicted wait, and the office's predicted wait for a
 * newcomer (everyone waiting, shared by the open windows).
 */
export type QueueView = {
  waiting: readonly CallCandidate[];
  windows: readonly CallingWindow[];
  open: ReadonlySet<number>;
  minutesOf: (serviceCode: string | null) => number;
  now: number;
  starvationMinutes: number;
};

const everyService: CallingWindow = { number: -1, serviceCodes: [], categoryCodes: [] };

/** The windows that would take this ticket, open ones first. */
function handlingWindows(view: QueueView, t: CallCandidate) {
  const handling = view.windows.filter((w) => windowHandles(w, t));
  return { handling, open: handling.filter((w) => view.open.has(w.number)) };
}

/** How many are ahead of a ticket (in the order of a window that takes it) and its predicted wait. */
export function placeInQueue(
  view: QueueView,
  t: CallCandidate,
): { position: number; estimatedWaitMinutes: number } {
  const { handling, open } = handlingWindows(view, t);
  const representative = open[0] ?? handling[0] ?? everyService;
  const others = view.waiting.filter((w) => w.id !== t.id);
  const order = callOrder(representative, [...others, t], {
    now: Math.max(view.now, t.dueAt ?? 0),
    starvationMinutes: view.starvationMinutes,
  });
  const index = order.findIndex((c) => c.id === t.id);
  const ahead = index < 0 ? others.filter((c) => windowHandles(representative, c)) : order.slice(0, index);
  // No window open for it yet: the windows that take it once they open (at least one).
  const windows = open.length || handling.length || 1;
  const wait = predictWaitMinutes(
    ahead.map((c) => view.minutesOf(c.serviceCode)),
    windows,
  ) as number;
  const postponed = t.dueAt !== null && t.dueAt > view.now ? Math.ceil((t.dueAt - view.now) / 60_000) : 0;
  return { position: ahead.length, estimatedWaitMinutes: Math.max(wait, postponed) };
}

/** The predicted wait of someone taking a ticket now (for a service, or any); null when no window is open for it. */
export function newcomerWait(
  view: QueueView,
  service?: { serviceCode: string; categoryCode: string | null },
): number | null {
  const t: CallCandidate = {
    id: '\uffff-newcomer',
    serviceCode: service?.serviceCode ?? null,
    categoryCode: service?.categoryCode ?? null,
    priorityRank: 0,
    queuedAt: view.now,
    issuedAt: view.now,
    dueAt: null,
    bookedFor: null,
    targetWindow: null,
  };
  if (!service) {
    const open = view.windows.filter((w) => view.open.has(w.number)).length;
    const due = view.waiting.filter((c) => c.dueAt === null || c.dueAt <= view.now);
    return predictWaitMinutes(
      due.map((c) => view.minutesOf(c.serviceCode)),
      open,
    );
  }
  const { open } = handlingWindows(view, t);
  if (open.length === 0) return null;
  return placeInQueue(view, t).estimatedWaitMinutes;
}

/** Windows open now (not paused, not closed). */
export const openWindowCount = (view: QueueView) =>
  view.windows.filter((w) => view.open.has(w.number)).length;
