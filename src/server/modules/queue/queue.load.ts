import type { OfficeLoad, OfficeOverview, WindowStatus } from '../../../shared/queue.js';
import { waitBand } from '../../../shared/queue.wait.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { serviceForTicket } from '../catalog/services.lookup.js';
import { officesNow } from '../network/network.service.js';
import { openOfficesOffering } from '../network/service-offices.js';
import { staffNames } from '../staff/staff-names.js';
import { callOrder } from './call-order.js';
import { enrolledKiosksOf } from './kiosks.repository.js';
import { configuredWindows, epoch, queueView } from './queue.context.js';
import { numberOf, toStaffTicket, toWindowState } from './queue.mappers.js';
import type { QueueSettingsRow, TicketRow, WindowStateRow } from './queue.schema.js';
import { queueSettingsOf } from './queue.settings.js';
import { newcomerWait, openWindowCount, type QueueView } from './queue.view.js';
import {
  dayFigures,
  issuedOnDays,
  ticketsAtWindows,
  waitingTickets,
  waitingTicketsOf,
} from './tickets.repository.js';
import { namesFor } from './tickets.service.js';
import { windowStatesOf, windowStatesOfOffices } from './windows.repository.js';

/** The load of offices (people waiting, windows open, predicted wait) and the office head's overview. */

function groupByOffice<T extends { officeCode: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.officeCode);
    if (list) list.push(r);
    else map.set(r.officeCode, [r]);
  }
  return map;
}

function loadOf(
  officeCode: string,
  view: QueueView,
  service?: { serviceCode: string; categoryCode: string | null },
): OfficeLoad {
  const estimate = newcomerWait(view, service);
  return {
    office: officeCode,
    waiting: view.waiting.length,
    openWindows: openWindowCount(view),
    estimatedWaitMinutes: estimate,
    band: estimate === null ? null : waitBand(estimate),
  };
}

async function viewsOf(db: Db, codes: readonly string[], settings: QueueSettingsRow, now: Date) {
  const [waiting, states] = await Promise.all([
    waitingTicketsOf(db, codes),
    windowStatesOfOffices(db, codes),
  ]);
  const waitingBy = groupByOffice<TicketRow>(waiting);
  const statesBy = groupByOffice<WindowStateRow>(states);
  return Promise.all(
    codes.map(async (officeCode) => ({
      officeCode,
      view: await queueView(db, {
        officeCode,
        waiting: waitingBy.get(officeCode) ?? [],
        states: statesBy.get(officeCode) ?? [],
        settings,
        now,
      }),
    })),
  );
}

/** What the situational center reads of one office's queue now (liveOfficeLoads). */
export type LiveOfficeLoad = {
  waiting: number;
  /** The oldest `queued_at` among those waiting (epoch ms), null when nobody waits. */
  oldestQueuedAt: number | null;
  /** The queue's own prediction for a newcomer (any service); null when no window is open. */
  predictedWaitMinutes: number | null;
  windowsOpen: number;
  windowsTotal: number;
  /** Tickets issued on the office's local day. */
  issuedToday: number;
  /** The configured windows with their state now (no row yet: closed since never). */
  windows: { number: number; status: WindowStatus; since: number | null }[];
  /** Enrolled, not revoked kiosks with when they were last seen (epoch ms; never: when enrolled). */
  kiosks: { label: string; lastSeenAt: number | null }[];
};

/**
 * The live load of many offices for the situational center, set-based: the waiting tickets, the window
 * states, the kiosks and today's issued counts each in one query for all the offices (the windows and the
 * measured service times come from the queue's per-instance caches). `offices` maps a code to its local
 * date. Other modules read the queue through this, never its tables.
 */
export async function liveOfficeLoads(
  db: Db,
  offices: ReadonlyMap<string, string>,
  now: Date,
): Promise<{ targetWaitMinutes: number; offices: Map<string, LiveOfficeLoad> }> {
  const codes = [...offices.keys()];
  const settings = await queueSettingsOf(db);
  const [views, issued, kiosks, states] = await Promise.all([
    viewsOf(db, codes, settings, now),
    issuedOnDays(db, offices),
    enrolledKiosksOf(db, codes),
    windowStatesOfOffices(db, codes),
  ]);
  const kiosksBy = groupByOffice(kiosks);
  const statesBy = groupByOffice<WindowStateRow>(states);
  const result = new Map<string, LiveOfficeLoad>();
  for (const { officeCode, view } of views) {
    const oldest = view.waiting.reduce<number | null>(
      (min, t) => (min === null || t.queuedAt < min ? t.queuedAt : min),
      null,
    );
    const stateOf = new Map((statesBy.get(officeCode) ?? []).map((s) => [s.number, s]));
    result.set(officeCode, {
      waiting: view.waiting.length,
      oldestQueuedAt: oldest,
      predictedWaitMinutes: newcomerWait(view),
      windowsOpen: openWindowCount(view),
      windowsTotal: view.windows.length,
      issuedToday: issued.get(officeCode) ?? 0,
      windows: view.windows.map((w) => {
        const s = stateOf.get(w.number);
        return { number: w.number, status: s?.status ?? 'closed', since: epoch(s?.since ?? null) };
      }),
      kiosks: (kiosksBy.get(officeCode) ?? []).map((k) => ({
        label: k.label,
        lastSeenAt: epoch(k.lastSeenAt ?? k.enrolledAt),
      })),
    });
  }
  return { targetWaitMinutes: settings.targetWaitMinutes, offices: result };
}

/** GET /api/offices/{office}/queue: one office's load. */
export async function officeLoad(deps: { db: Db; now: Date }, officeCode: string): Promise<OfficeLoad> {
  const [office] = await officesNow(deps.db, deps.now, [officeCode]);
  if (!office) throw notFound(`office ${officeCode}`);
  const settings = await queueSettingsOf(deps.db);
  const [{ view }] = await viewsOf(deps.db, [officeCode], settings, deps.now);
  return loadOf(officeCode, view);
}

/**
 * GET /api/queue/load: the load of the open offices (those named, or all with windows); for a service, of
 * the offices offering it, each with the predicted wait for that service, shortest first.
 */
export async function officeLoads(
  deps: { db: Db; now: Date },
  query: { service?: string; offices?: string },
): Promise<OfficeLoad[]> {
  const { db, now } = deps;
  const settings = await queueSettingsOf(db);
  let codes: string[];
  let service: { serviceCode: string; categoryCode: string | null } | undefined;
  if (query.service) {
    const found = await serviceForTicket(db, query.service);
    if (!found) return [];
    service = { serviceCode: found.code, categoryCode: found.category };
    codes = (await openOfficesOffering(db, found.code)).map((o) => o.code);
  } else {
    codes = (await officesNow(db, now)).filter((o) => o.status === 'open').map((o) => o.code);
  }
  if (query.offices) {
    const named = new Set(query.offices.split(',').map((c) => c.trim()));
    codes = codes.filter((c) => named.has(c));
  }
  const withWindows = (
    await Promise.all(codes.map(async (c) => ((await configuredWindows(db, c)).length > 0 ? c : null)))
  ).filter((c): c is string => c !== null);
  const views = await viewsOf(db, withWindows, settings, now);
  const loads = views.map(({ officeCode, view }) => loadOf(officeCode, view, service));
  if (!service) return loads;
  const rank = (l: OfficeLoad) => l.estimatedWaitMinutes ?? Number.POSITIVE_INFINITY;
  return loads.sort((a, b) => rank(a) - rank(b));
}

/** The office head's screen: every window, the queue per service, alerts, today's share within the target. */
export async function officeOverview(
  deps: { db: Db; now: Date },
  officeCode: string,
): Promise<OfficeOverview> {
  const { db, now } = deps;
  const [office] = await officesNow(db, now, [officeCode]);
  if (!office) throw notFound(`office ${officeCode}`);
  const settings = await queueSettingsOf(db);
  const [windows, states, waiting, atWindows] = await Promise.all([
    configuredWindows(db, officeCode),
    windowStatesOf(db, officeCode),
    waitingTickets(db, officeCode),
    ticketsAtWindows(db, officeCode),
  ]);
  const view = await queueView(db, { officeCode, waiting, states, settings, now });
  const names = await namesFor(db, [...waiting, ...atWindows]);
  const operators = await staffNames(
    db,
    states.map((s) => s.operatorId).filter((id): id is string => id !== null),
  );
  const staff = (t: TicketRow) => toStaffTicket(t, names, now);
  // the order an all-services window would call them in
  const order = callOrder({ number: -1, serviceCodes: [], categoryCodes: [] }, view.waiting, {
    now: now.getTime(),
    starvationMinutes: settings.starvationMinutes,
  });
  const byId = new Map(waiting.map((t) => [t.id, t]));
  const ordered = [
    ...order.map((c) => byId.get(c.id) as TicketRow),
    ...waiting.filter((t) => !order.some((c) => c.id === t.id)),
  ];
  const groups = new Map<string, TicketRow[]>();
  for (const t of ordered) {
    const key = `${t.letter}|${t.serviceCode ?? ''}|${t.purpose ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const load = loadOf(officeCode, view);
  const waitedMinutes = (t: TicketRow) => staff(t).waitedMinutes;
  const queues = [...groups.values()].map((list) => {
    const first = list[0] as TicketRow;
    return {
      letter: first.letter,
      service: first.serviceCode
        ? { code: first.serviceCode, title: names.services.get(first.serviceCode) ?? first.serviceCode }
        : null,
      purpose: first.purpose,
      waiting: list.length,
      longestWaitMinutes: Math.max(...list.map(waitedMinutes)),
      estimatedWaitMinutes: first.serviceCode
        ? newcomerWait(view, { serviceCode: first.serviceCode, categoryCode: first.categoryCode })
        : load.estimatedWaitMinutes,
    };
  });
  const alerts: OfficeOverview['alerts'] = ordered
    .filter((t) => waitedMinutes(t) > settings.alertWaitMinutes)
    .map((t) => ({ kind: 'long_wait' as const, ticket: numberOf(t), minutes: waitedMinutes(t) }));
  if (load.estimatedWaitMinutes !== null && load.estimatedWaitMinutes > settings.targetWaitMinutes) {
    alerts.push({ kind: 'open_window', ticket: null, minutes: load.estimatedWaitMinutes });
  }
  const figures = await dayFigures(db, officeCode, office.local.date, settings.targetWaitMinutes);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    office: { code: office.code, name: office.name, timeZone: office.timeZone },
    now: now.toISOString(),
    windows: windows.map((w) => {
      const ticket = atWindows.find((t) => t.windowNumber === w.number);
      return toWindowState(
        w,
        states.find((s) => s.number === w.number),
        ticket ? staff(ticket) : null,
        { ...names, operators },
      );
    }),
    queues,
    waiting: ordered.map(staff),
    load,
    alerts,
    today: {
      issued: figures.issued,
      served: figures.served,
      servedWithinTarget: figures.withinTarget,
      shareWithinTarget: figures.served === 0 ? null : figures.withinTarget / figures.served,
      averageWaitMinutes: round(figures.averageWait),
      averageServiceMinutes: round(figures.averageService),
    },
    settings: { alertWaitMinutes: settings.alertWaitMinutes, targetWaitMinutes: settings.targetWaitMinutes },
  };
}
