import { serviceMinutes } from '../../../shared/queue.wait.js';
import type { Db } from '../../db/client.js';
import { forgetKept, kept } from '../../db/kept.js';
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

/** The windows of an office as configured (number, label, services and categories it handles). */
export const configuredWindows = async (db: Db, officeCode: string, cacheKey: object = db) =>
  (await kept(cacheKey, 'windows', '*', windowsTtlMs, () => windowsByOffice(db))).get(officeCode) ?? [];

/** Forget what was kept for a database (tests that change windows; the network's changes reach it within 30 s). */
export const forgetQueueCaches = (db: Db): void => forgetKept(db);

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
  // in turn: `db` may be a transaction, one connection
  const windows = await configuredWindows(db, p.officeCode, cacheKey);
  const times = await measuredTimes(db, p.now, cacheKey);
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
