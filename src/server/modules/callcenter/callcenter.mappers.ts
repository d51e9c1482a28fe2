import { type Call, type Callback, callSeconds, isLongCall } from '../../../shared/callcenter.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import type { CallbackRow, CallRow } from './callcenter.schema.js';

const iso = (value: string | null) => (value === null ? null : isoTimestamp(value));

/** A call as the console shows it: the phone masked, its length so far, long when over 10 minutes. */
export function toCallDto(r: CallRow, now: Date, titles: ReadonlyMap<string, string>): Call {
  const startedAt = isoTimestamp(r.startedAt);
  const endedAt = iso(r.endedAt);
  const seconds = callSeconds(startedAt, endedAt, now);
  return {
    id: r.id,
    operator: { id: r.operatorId, login: r.operatorLogin },
    startedAt,
    endedAt,
    running: endedAt === null,
    durationSeconds: seconds,
    long: isLongCall(seconds),
    outcome: r.outcome,
    phone: r.phoneMasked,
    service: r.serviceCode
      ? { code: r.serviceCode, title: titles.get(r.serviceCode) ?? r.serviceCode }
      : null,
    note: r.note,
    verifiedAt: iso(r.verifiedAt),
    verifiedQuestion: r.verifiedQuestion,
  };
}

export function toCallbackDto(r: CallbackRow, now: Date): Callback {
  const dueAt = isoTimestamp(r.dueAt);
  return {
    id: r.id,
    callId: r.callId,
    phone: r.phoneMasked,
    dueAt,
    overdue: r.status === 'open' && Date.parse(dueAt) < now.getTime(),
    note: r.note,
    status: r.status,
    createdBy: r.createdBy,
    createdAt: isoTimestamp(r.createdAt),
    doneBy: r.doneBy,
    doneAt: iso(r.doneAt),
  };
}
