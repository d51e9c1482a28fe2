import { serviceMinutes } from '../../../shared/queue.wait.js';
import type { Db } from '../../db/client.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import type { OfficeWindowRow } from '../network/network.schema.js';
import { windowsByOffice } from '../network/network.service.js';
import type { CallCandidate, CallingWindow } from './call-order.js';
import type { QueueSettingsRow, TicketRow, WindowStateRow } from './queue.schema.js';
import type { QueueView } from './queue.view.js';
import { measuredServiceTimes } from './tickets.repository.js';

/**
 * What the queue's services read often and that changes slowly, kept per instance for a short while: the
 * windows of an office (the admin's), and the measured service times (recomputed each minute).
 */
const windowsTtlMs = 30_000;
const timesTtlMs = 60_000;
const measuredDays = 14;

type Cached<T> = { at: number; value: Promise<T> };
/**
 * One set of caches per database handle (a test process opens several databases), by kind. A transaction
 * is a handle of its own: code inside one passes the database's handle as `cacheKey`.
 */
const caches = new WeakMap<object, Map<string, Map<string, Cached<unknown>>>>();
function cacheOf<T>(key: object, kind: string): Map<string, Cached<T>> {
  let byKind = caches.get(key);
  if (!byKind) {
    byKind = new Map();
    caches.set(key, byKind);
  }
  let found = byKind.get(kind);
  if (!found) {
    found = new Map();
    byKind.set(kind, found);
  }
  return found as Map<string, Cached<T>>;
}

/** What changes only by an admin's hand, kept per instance for `ttlMs` (rows, never a lazy query). */
export const kept = <T>(db: object, kind: string, key: string, ttlMs: number, load: () => PromiseLike<T>) =>
  cached(cacheOf<T>(db, kind), key, ttlMs, load);

function cached<T>(
  cache: Map<string, Cached<T>>,
  key: string,
  ttl: number,
  load: () => PromiseLike<T>,
): Promise<T> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ttl) return hit.value;
  // A drizzle query is a lazy thenable that runs again at every await — on the handle it was built on,
  // which may be a finished transaction: run it once, here, and keep the promise of its rows.
  const value = (async () => load())();
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  return value;
}

/** The windows of an office as configured (number, label, services and categories it handles). */
export const configuredWindows = async (db: Db, officeCode: string, cacheKey: object = db) =>
  (await kept(cacheKey, 'windows', '*', windowsTtlMs, () => windowsByOffice(db))).get(officeCode) ?? [];

/** Forget what was kept for a database (tests that change windows; the network's changes reach it within 30 s). */
export function forgetQueueCaches(db: Db): void {
  caches.delete(db);
}

/** Mean service minutes per `office|service` and `*|service` (the region), one query a minute. */
function measuredTimes(db: Db, now: Date, cacheKey: object) {
  const since = new Date(now.getTime() - measuredDays * 86_400_000).toISOString();
  return kept(cacheKey, 'times', '*', timesTtlMs, () => measuredServiceTimes(db, since));
}

export const epoch = (value: string | null): number | null =>
  value === null ? null : Date.parse(isoTimestamp(value));

export function toCandidate(t: TicketRow): CallCandidate {
  return {
    id: t.id,
    serviceCode: t.serviceCode,
    categoryCode: t.categoryCode,
    priorityRank: t.priorityRank,
    queuedAt: epoch(t.queuedAt) as number,
    issuedAt: epoch(t.issuedAt) as number,
    dueAt: epoch(t.dueAt),
    bookedFor: epoch(t.bookedFor),
    targetWindow: t.targetWindow,
  };
}

export const toCallingWindow = (w: OfficeWindowRow): CallingWindow => ({
  number: w.number,
  serviceCodes: w.serviceCodes,
  categoryCodes: w.categoryCodes,
});

/** The office's queue now, for positions and predictions. */
export async function queueView(
  db: Db,
  p: {
    officeCode: string;
    waiting: readonly TicketRow[];
    states: readonly WindowStateRow[];
    settings: QueueSettingsRow;
    now: Date;
    /** The database's handle when `db` is a transaction (what the caches are kept by). */
    cacheKey?: object;
  },
): Promise<QueueView> {
  const cacheKey = p.cacheKey ?? db;
  const [windows, times] = await Promise.all([
    configuredWindows(db, p.officeCode, cacheKey),
    measuredTimes(db, p.now, cacheKey),
  ]);
  const open = new Set(p.states.filter((s) => s.status === 'open').map((s) => s.number));
  return {
    waiting: p.waiting.map(toCandidate),
    windows: windows.map(toCallingWindow),
    open,
    minutesOf: (service) =>
      serviceMinutes(
        service,
        { get: (s) => times.get(`${p.officeCode}|${s}`) },
        { get: (s) => times.get(`*|${s}`) },
        p.settings.defaultServiceMinutes,
      ),
    now: p.now.getTime(),
    starvationMinutes: p.settings.starvationMinutes,
  };
}
