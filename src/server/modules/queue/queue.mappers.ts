import type { PublicTicket, StaffTicket, WindowState } from '../../../shared/queue.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import type { OfficeWindowRow } from '../network/network.schema.js';
import type { TicketRow, WindowStateRow } from './queue.schema.js';
import { ticketNumber } from './queue.settings.js';

/** Rows to the queue's DTOs. `names` holds the titles of the services and priority categories shown. */

export type Names = {
  services: ReadonlyMap<string, string>;
  priorities: ReadonlyMap<string, string>;
  operators?: ReadonlyMap<string, { login: string; fullName: string }>;
};

const iso = (value: string | null) => (value === null ? null : isoTimestamp(value));
const minutesBetween = (from: string, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - Date.parse(isoTimestamp(from))) / 60_000));

const named = (code: string | null, titles: ReadonlyMap<string, string>) =>
  code === null ? null : { code, title: titles.get(code) ?? code };

export const numberOf = (t: Pick<TicketRow, 'letter' | 'seq'>) => ticketNumber(t.letter, t.seq);

export function toStaffTicket(t: TicketRow, names: Names, now: Date): StaffTicket {
  const waitedUntil = t.calledAt && t.status !== 'waiting' ? new Date(isoTimestamp(t.calledAt)) : now;
  return {
    id: t.id,
    number: numberOf(t),
    status: t.status,
    officeCode: t.officeCode,
    service: named(t.serviceCode, names.services),
    purpose: t.purpose,
    priority: named(t.priorityCode, names.priorities),
    issuedAt: isoTimestamp(t.issuedAt),
    queuedAt: isoTimestamp(t.queuedAt),
    dueAt: iso(t.dueAt),
    waitedMinutes: minutesBetween(t.queuedAt, waitedUntil),
    window: t.windowNumber,
    targetWindow: t.targetWindow,
    returnWindow: t.returnWindow,
    calls: t.calls,
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    outcome: t.outcome,
    hasPhone: t.phone !== null,
    bookedFor: iso(t.bookedFor),
    channel: t.channel,
  };
}

export function toPublicTicket(
  t: TicketRow,
  p: {
    names: Names;
    office: { code: string; name: string; timeZone: string };
    place: { position: number; estimatedWaitMinutes: number } | null;
    windowLabel: string | null;
    documents: { name: string; required: boolean }[];
    /** The rating token of a finished visit (modules/quality). */
    ratingToken?: string | null;
  },
): PublicTicket {
  const atWindow = (t.status === 'called' || t.status === 'serving') && t.windowNumber !== null;
  return {
    number: numberOf(t),
    status: t.status,
    office: p.office,
    service: named(t.serviceCode, p.names.services),
    purpose: t.purpose,
    priority: named(t.priorityCode, p.names.priorities),
    issuedAt: isoTimestamp(t.issuedAt),
    position: p.place?.position ?? null,
    estimatedWaitMinutes: p.place?.estimatedWaitMinutes ?? null,
    dueAt: iso(t.dueAt),
    calledTo: atWindow
      ? {
          window: t.windowNumber as number,
          label: p.windowLabel ?? String(t.windowNumber),
          at: isoTimestamp(t.calledAt as string),
        }
      : null,
    documents: p.documents,
    ratingToken: p.ratingToken ?? null,
  };
}

export function toWindowState(
  w: OfficeWindowRow,
  state: WindowStateRow | undefined,
  ticket: StaffTicket | null,
  names: Names,
): WindowState {
  const operator = state?.operatorId ? (names.operators?.get(state.operatorId) ?? null) : null;
  return {
    number: w.number,
    label: w.label,
    status: state?.status ?? 'closed',
    since: iso(state?.since ?? null),
    pauseReason: state?.pauseReason ?? null,
    operator,
    serviceCodes: w.serviceCodes,
    categoryCodes: w.categoryCodes,
    ticket,
  };
}
