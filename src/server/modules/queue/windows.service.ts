import type { MyWindow, StaffTicket, TicketOutcome, WindowState } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { serviceForTicket } from '../catalog/services.lookup.js';
import { officeOffers, officesNow } from '../network/network.service.js';
import { messageContextFor } from '../notifications/message-context.js';
import { enqueueNotification } from '../notifications/outbox.enqueue.js';
import { notifyVisitRating } from '../quality/rating-notify.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { staffNames } from '../staff/staff-names.js';
import { callOrder, pickNext } from './call-order.js';
import { configuredWindows, queueView, toCallingWindow, toCandidate } from './queue.context.js';
import { numberOf, toStaffTicket, toWindowState } from './queue.mappers.js';
import type { QueueSettingsRow, TicketRow } from './queue.schema.js';
import { queueSettingsOf } from './queue.settings.js';
import { placeInQueue } from './queue.view.js';
import { allowedActions, allows, type TicketAction } from './ticket-actions.js';
import {
  appendTicketEvent,
  findTicketInScope,
  type TicketChange,
  ticketAtWindow,
  updateTicket,
  waitingTickets,
} from './tickets.repository.js';
import { namesFor, publishQueue, type QueueDeps } from './tickets.service.js';
import {
  ensureWindowRow,
  findWindowState,
  lockOfficeQueue,
  nextBoardSeq,
  setWindowState,
  windowHeldBy,
  windowStatesOf,
} from './windows.repository.js';

/** The operator's window: taking it, pausing, closing; calling the next ticket and what follows a call. */

export type Operator = {
  userId: string;
  scope: ActorScope;
  /** Whether the user is the office head of this office (who may close anyone's window there). */
  headOf: (officeCode: string) => Promise<boolean>;
};

async function windowOf(db: Db, officeCode: string, number: number) {
  const window = (await configuredWindows(db, officeCode)).find((w) => w.number === number);
  if (!window) throw notFound(`window ${number} of office ${officeCode}`);
  return window;
}

async function stateDto(db: Db, officeCode: string, number: number, now: Date): Promise<WindowState> {
  const window = await windowOf(db, officeCode, number);
  const [state, atWindow] = await Promise.all([
    findWindowState(db, officeCode, number),
    ticketAtWindow(db, officeCode, number),
  ]);
  const ticket = atWindow ?? null;
  const names = await namesFor(db, ticket ? [ticket] : []);
  const operators = await staffNames(db, state?.operatorId ? [state.operatorId] : []);
  return toWindowState(window, state, ticket ? toStaffTicket(ticket, names, now) : null, {
    ...names,
    operators,
  });
}

const invalid = (status: TicketRow['status'], message: string) =>
  new AppError('INVALID_TRANSITION', message, { status, allowed: allowedActions(status) });

/** Refuses (INVALID_TRANSITION) while a ticket is still called to or served at the window. */
async function refuseWhileBusy(tx: Db, officeCode: string, number: number, then: string) {
  const busy = await ticketAtWindow(tx, officeCode, number);
  if (busy) throw invalid(busy.status, `ticket ${numberOf(busy)} is still at the window${then}`);
}

/** Takes a window: one operator per window, one window per operator. */
export async function openWindow(
  deps: QueueDeps,
  op: Operator,
  officeCode: string,
  number: number,
): Promise<WindowState> {
  const { db, now } = deps;
  await windowOf(db, officeCode, number);
  await db.transaction(async (tx) => {
    await ensureWindowRow(tx, officeCode, number);
    const state = await findWindowState(tx, officeCode, number, true);
    if (state?.operatorId && state.operatorId !== op.userId) {
      throw new AppError('WINDOW_TAKEN', `window ${number} is held by another operator`, { window: number });
    }
    if (state?.operatorId === op.userId) return;
    const other = await windowHeldBy(tx, op.userId);
    if (other) {
      throw new AppError(
        'WINDOW_TAKEN',
        `you hold window ${other.number} of office ${other.officeCode}: close it first`,
        {
          office: other.officeCode,
          window: other.number,
        },
      );
    }
    await setWindowState(tx, officeCode, number, {
      status: 'open',
      operatorId: op.userId,
      pauseReason: null,
      since: now.toISOString(),
    });
    await publishQueue(tx, officeCode, 'change');
  });
  return stateDto(db, officeCode, number, now);
}

/** The window's row, held by this operator (an office head may act on any window of their offices). */
async function heldWindow(tx: Db, op: Operator, officeCode: string, number: number, headMayAct = false) {
  const state = await findWindowState(tx, officeCode, number, true);
  const mine = state?.operatorId === op.userId;
  if (!state || state.status === 'closed' || !(mine || (headMayAct && (await op.headOf(officeCode))))) {
    throw new AppError('NO_WINDOW', `you do not hold window ${number}`, { window: number });
  }
  return state;
}

export async function closeWindow(
  deps: QueueDeps,
  op: Operator,
  officeCode: string,
  number: number,
): Promise<WindowState> {
  const { db, now } = deps;
  await windowOf(db, officeCode, number);
  await db.transaction(async (tx) => {
    await heldWindow(tx, op, officeCode, number, true);
    await refuseWhileBusy(tx, officeCode, number, ': finish or postpone it first');
    await setWindowState(tx, officeCode, number, {
      status: 'closed',
      operatorId: null,
      pauseReason: null,
      since: now.toISOString(),
    });
    await publishQueue(tx, officeCode, 'change');
  });
  return stateDto(db, officeCode, number, now);
}

export async function pauseWindow(
  deps: QueueDeps,
  op: Operator,
  officeCode: string,
  number: number,
  reason: string | null,
): Promise<WindowState> {
  const { db, now } = deps;
  await windowOf(db, officeCode, number);
  await db.transaction(async (tx) => {
    const state = await heldWindow(tx, op, officeCode, number);
    if (reason !== null) await refuseWhileBusy(tx, officeCode, number, '');
    await setWindowState(tx, officeCode, number, {
      status: reason === null ? 'open' : 'paused',
      operatorId: state.operatorId,
      pauseReason: reason,
      since: now.toISOString(),
    });
    await publishQueue(tx, officeCode, 'change');
  });
  return stateDto(db, officeCode, number, now);
}

/**
 * Calls the next ticket to a window the operator holds open. Calls of one office take turns on the office's
 * queue row, so two windows calling at once never get the same ticket, and the board's sequence follows
 * the commits.
 */
export async function callNext(
  deps: QueueDeps,
  op: Operator,
  officeCode: string,
  number: number,
): Promise<StaffTicket | null> {
  const { db, now } = deps;
  const window = await windowOf(db, officeCode, number);
  const settings = await queueSettingsOf(db);
  const called = await db.transaction(async (tx) => {
    await lockOfficeQueue(tx, officeCode);
    const state = await findWindowState(tx, officeCode, number);
    if (state?.status !== 'open' || state.operatorId !== op.userId) {
      throw new AppError('NO_WINDOW', `you do not hold window ${number} open`, { window: number });
    }
    await refuseWhileBusy(tx, officeCode, number, ': finish it or mark a no-show');
    const waiting = await waitingTickets(tx, officeCode);
    const next = pickNext(toCallingWindow(window), waiting.map(toCandidate), {
      now: now.getTime(),
      starvationMinutes: settings.starvationMinutes,
    });
    if (!next) return null;
    const ticket = waiting.find((t) => t.id === next.id) as TicketRow;
    const seq = await nextBoardSeq(tx, officeCode);
    const at = now.toISOString();
    const row = await updateTicket(tx, ticket.id, {
      status: 'called',
      windowNumber: number,
      operatorId: op.userId,
      calls: 1,
      calledAt: ticket.calledAt ?? at,
      targetWindow: null,
      dueAt: null,
    });
    await appendTicketEvent(tx, {
      ticketId: ticket.id,
      officeCode,
      kind: 'called',
      at,
      windowNumber: number,
      operatorId: op.userId,
      boardSeq: seq,
    });
    // the rest still wait: the list read under the lock serves the turn-near step too
    await notifyTurnNear(
      tx,
      deps,
      officeCode,
      settings,
      waiting.filter((t) => t.id !== ticket.id),
    );
    await publishQueue(tx, officeCode, 'call', seq);
    return row;
  });
  if (!called) return null;
  return toStaffTicket(called, await namesFor(db, [called]), now);
}

/** "Your turn is near" to each waiting ticket with a phone that came within the configured places. */
async function notifyTurnNear(
  tx: Db,
  deps: QueueDeps,
  officeCode: string,
  settings: QueueSettingsRow,
  known?: TicketRow[],
) {
  const waiting = known ?? (await waitingTickets(tx, officeCode));
  const candidates = waiting.filter((t) => t.phone !== null && !t.turnNearSent);
  if (candidates.length === 0) return;
  const states = await windowStatesOf(tx, officeCode);
  const view = await queueView(tx, {
    officeCode,
    waiting,
    states,
    settings,
    now: deps.now,
    cacheKey: deps.db,
  });
  // One sort of the whole queue first: a ticket's place at any window is at most its place in the order
  // of a window taking everything plus the tickets sent to particular windows, so only those that can be
  // near get the exact (per-window) reckoning. A postponed one is reckoned at its own time: always exact.
  const rules = { now: deps.now.getTime(), starvationMinutes: settings.starvationMinutes };
  const everything = callOrder({ number: -1, serviceCodes: [], categoryCodes: [] }, view.waiting, rules);
  const globalIndex = new Map(everything.map((c, i) => [c.id, i]));
  const targeted = view.waiting.filter((c) => c.targetWindow !== null).length;
  const near = candidates
    .filter((t) => {
      const index = globalIndex.get(t.id);
      return index === undefined || index <= settings.turnNearAhead + targeted;
    })
    .map((t) => ({ t, place: placeInQueue(view, toCandidate(t)) }))
    .filter((n) => n.place.position <= settings.turnNearAhead);
  if (near.length === 0) return;
  const context = await messageContextFor(tx, { officeCode });
  const outbox = deps.outbox();
  for (const { t, place } of near) {
    await enqueueNotification(tx, outbox, {
      event: 'ticket.turn_near',
      recipient: { phone: deps.cipher.open(t.phone as string), locale: t.locale, smsConsent: true },
      context: {
        ...context,
        ticketNumber: numberOf(t),
        ahead: place.position,
        link: `${outbox.publicUrl}/t/${t.track}`,
      },
      officeCode,
      about: { kind: 'ticket', ref: numberOf(t) },
      // worth nothing once the ticket was called
      expiresAt: new Date(deps.now.getTime() + Math.max(30, place.estimatedWaitMinutes * 2) * 60_000),
    });
    await updateTicket(tx, t.id, { turnNearSent: true });
  }
}

type ActionInput =
  | { action: 'recall' }
  | { action: 'no_show' }
  | { action: 'start' }
  | { action: 'finish'; outcome: TicketOutcome; reason?: string }
  | { action: 'postpone'; minutes?: number }
  | { action: 'redirect'; service?: string; window?: number; returnToMe?: boolean };

/** Acts on a ticket at a window the operator holds: the state change and its event commit together. */
export async function actOnTicket(
  deps: QueueDeps,
  op: Operator,
  id: string,
  input: ActionInput,
): Promise<StaffTicket> {
  const { db, now } = deps;
  const found = await findTicketInScope(db, id, op.scope);
  if (!found) throw notFound('ticket');
  const officeCode = found.officeCode;
  const settings = await queueSettingsOf(db);
  const redirectService =
    input.action === 'redirect' && input.service
      ? await redirectTarget(db, officeCode, input.service, now)
      : null;
  if (input.action === 'redirect' && input.window !== undefined) await windowOf(db, officeCode, input.window);

  const row = await db.transaction(async (tx) => {
    // The ticket's row lock is enough: call-next takes only waiting tickets (and re-checks), and a recall's
    // board number locks the office's row itself.
    const ticket = (await findTicketInScope(tx, id, op.scope, true)) as TicketRow;
    if (!allows(input.action, ticket.status)) {
      throw invalid(ticket.status, `a ${ticket.status} ticket cannot be ${actionWords[input.action]}`);
    }
    const windowNumber = ticket.windowNumber as number;
    const state = await findWindowState(tx, officeCode, windowNumber);
    if (state?.operatorId !== op.userId) {
      throw new AppError(
        'NO_WINDOW',
        `ticket ${numberOf(ticket)} is at window ${windowNumber}, which you do not hold`,
        {
          window: windowNumber,
        },
      );
    }
    const at = now.toISOString();
    const event = { ticketId: id, officeCode, at, windowNumber, operatorId: op.userId };
    let change: TicketChange;
    let boardSeq: number | null = null;
    let kind: Parameters<typeof appendTicketEvent>[1]['kind'];
    let details: Record<string, unknown> | null = null;
    switch (input.action) {
      case 'recall':
        boardSeq = await nextBoardSeq(tx, officeCode);
        change = { calls: ticket.calls + 1 };
        kind = 'recalled';
        break;
      case 'no_show':
        if (ticket.calls < settings.noShowAfterCalls) {
          throw new AppError(
            'INVALID_TRANSITION',
            `call the ticket ${settings.noShowAfterCalls} times before a no-show`,
            {
              status: ticket.status,
              allowed: allowedActions(ticket.status).filter((a) => a !== 'no_show'),
              calls: ticket.calls,
              needCalls: settings.noShowAfterCalls,
            },
          );
        }
        change = { status: 'no_show', finishedAt: at };
        kind = 'no_show';
        break;
      case 'start':
        change = { status: 'serving', startedAt: at };
        kind = 'started';
        break;
      case 'finish':
        if (ticket.returnWindow !== null && ticket.returnWindow !== windowNumber) {
          // "return to me": back to the window that sent it, first in its order
          change = {
            status: 'waiting',
            windowNumber: null,
            operatorId: null,
            targetWindow: ticket.returnWindow,
            returnWindow: null,
          };
          kind = 'returned';
          details = {
            outcome: input.outcome,
            ...(input.reason ? { reason: input.reason } : {}),
            to: ticket.returnWindow,
          };
        } else {
          change = {
            status: 'done',
            finishedAt: at,
            outcome: input.outcome,
            outcomeNote: input.reason ?? null,
          };
          kind = 'finished';
          details = { outcome: input.outcome, ...(input.reason ? { reason: input.reason } : {}) };
        }
        break;
      case 'postpone': {
        const minutes = input.minutes ?? settings.postponeMinutes;
        change = {
          status: 'waiting',
          windowNumber: null,
          operatorId: null,
          dueAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
        };
        kind = 'postponed';
        details = { minutes };
        break;
      }
      case 'redirect':
        change = {
          status: 'waiting',
          windowNumber: null,
          operatorId: null,
          targetWindow: input.window ?? null,
          returnWindow: input.returnToMe ? windowNumber : null,
          ...(redirectService
            ? { serviceCode: redirectService.code, categoryCode: redirectService.category }
            : {}),
        };
        kind = 'redirected';
        details = {
          ...(redirectService ? { service: redirectService.code, from: ticket.serviceCode } : {}),
          ...(input.window !== undefined ? { window: input.window } : {}),
          returnToMe: input.returnToMe === true,
        };
        break;
    }
    const updated = await updateTicket(tx, id, change);
    await appendTicketEvent(tx, { ...event, kind, boardSeq, details });
    if (updated.status === 'waiting' || updated.status === 'no_show')
      await notifyTurnNear(tx, deps, officeCode, settings);
    // the visit is over: its phone is asked to rate it (issue 12)
    if (updated.status === 'done')
      await notifyVisitRating(tx, deps, { ...updated, number: numberOf(updated), locale: updated.locale });
    await publishQueue(tx, officeCode, boardSeq === null ? 'change' : 'call', boardSeq ?? undefined);
    return updated;
  });
  return toStaffTicket(row, await namesFor(db, [row]), now);
}

const actionWords: Record<TicketAction, string> = {
  recall: 'recalled',
  no_show: 'marked a no-show',
  start: 'started',
  finish: 'finished',
  postpone: 'postponed',
  redirect: 'redirected',
};

async function redirectTarget(db: Db, officeCode: string, serviceCode: string, now: Date) {
  const [office] = await officesNow(db, now, [officeCode]);
  const service = await serviceForTicket(db, serviceCode);
  if (!office || !service || !(await officeOffers(db, office, serviceCode))) {
    throw invalidField('service', `the office does not offer service ${serviceCode}`);
  }
  return service;
}

/** The window the operator holds, with its ticket. */
export async function myWindow(deps: Pick<QueueDeps, 'db' | 'now'>, userId: string): Promise<MyWindow> {
  const { db, now } = deps;
  const settings = await queueSettingsOf(db);
  const held = await windowHeldBy(db, userId);
  const base = { noShowAfterCalls: settings.noShowAfterCalls, postponeMinutes: settings.postponeMinutes };
  if (!held) return { office: null, window: null, ...base };
  const [office] = await officesNow(db, now, [held.officeCode]);
  return {
    office: office ? { code: office.code, name: office.name, timeZone: office.timeZone } : null,
    window: await stateDto(db, held.officeCode, held.number, now),
    ...base,
  };
}

/**
 * Finishes the ticket an operator is serving with "application accepted", linked to the case accepted from
 * it — in the case's own transaction `tx`, so the two commit together. The ticket must be in the operator's
 * scope, at a window they hold, and being served (or called: the operator may accept at once).
 */
export async function finishTicketWithCase(
  tx: Db,
  op: Pick<Operator, 'userId' | 'scope'>,
  p: { ticketId: string; caseId: string; officeCode: string; now: Date },
): Promise<void> {
  const ticket = await findTicketInScope(tx, p.ticketId, op.scope, true);
  if (!ticket || ticket.officeCode !== p.officeCode) throw notFound('ticket');
  if (ticket.status !== 'serving' && ticket.status !== 'called') {
    throw invalid(ticket.status, `a ${ticket.status} ticket cannot be finished with an accepted application`);
  }
  const windowNumber = ticket.windowNumber as number;
  const state = await findWindowState(tx, ticket.officeCode, windowNumber);
  if (state?.operatorId !== op.userId) {
    throw new AppError(
      'NO_WINDOW',
      `ticket ${numberOf(ticket)} is at window ${windowNumber}, which you do not hold`,
      {
        window: windowNumber,
      },
    );
  }
  const at = p.now.toISOString();
  await updateTicket(tx, ticket.id, {
    status: 'done',
    finishedAt: at,
    startedAt: ticket.startedAt ?? at,
    outcome: 'application_accepted',
    caseId: p.caseId,
  });
  await appendTicketEvent(tx, {
    ticketId: ticket.id,
    officeCode: ticket.officeCode,
    at,
    windowNumber,
    operatorId: op.userId,
    kind: 'finished',
    boardSeq: null,
    details: { outcome: 'application_accepted', case: p.caseId },
  });
  await publishQueue(tx, ticket.officeCode, 'change');
}
