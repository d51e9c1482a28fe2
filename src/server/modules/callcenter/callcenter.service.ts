import { sql } from 'drizzle-orm';
import { parseBookingCode } from '../../../shared/booking-code.js';
import type {
  Call,
  Callback,
  CallbackCreateInput,
  CallerContact,
  CallerLookup,
  CallsPage,
  CallsQuery,
  CallUpdateInput,
  VerifyInput,
} from '../../../shared/callcenter.js';
import type { OutboxMessage } from '../../../shared/notifications.admin.js';
import type { Channel } from '../../../shared/notifications.js';
import type { Db } from '../../db/client.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { keptContact } from '../../privacy/contacts.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { phoneHasBookingCode } from '../booking/booking.staff.js';
import { bookingsOfPhone } from '../booking/bookings.of-phone.js';
import { caseByNumberForStaff, casesOfPhone, phoneHasCasePin } from '../cases/cases.of-phone.js';
import { isServicePublished, serviceTitles } from '../catalog/catalog.service.js';
import { toOutboxMessageDto } from '../notifications/notifications.mappers.js';
import { messagesTo, openMessage, resendLatest } from '../notifications/notifications.service.js';
import type { OutboxDeps } from '../notifications/outbox.enqueue.js';
import type { ActorScope } from '../staff/auth.policy.js';
import type { Client } from '../staff/auth.service.js';
import { recordSecurityEvent, recordSecurityEventAlone } from '../staff/security-log.js';
import { contactRefusal } from './call-access.js';
import * as callbackRepo from './callbacks.repository.js';
import { toCallbackDto, toCallDto } from './callcenter.mappers.js';
import type { CallbackRow, CallRow } from './callcenter.schema.js';
import * as callRepo from './calls.repository.js';

/** The call center's use cases: calls, what okno knows of a caller, the logged full view, call-backs. */

export type CallcenterDeps = { db: Db; cipher: PersonalDataCipher; now?: () => Date };
/** The staff member on the phone: their account, whether they are an admin of the region, their client. */
export type Operator = {
  userId: string;
  login: string;
  /** The name a case's trail records (the login when not given). */
  name?: string;
  admin: boolean;
  client: Client;
};

/** How many earlier calls, messages and call-backs a lookup and the full view show. */
const shown = { calls: 20, messages: 20, callbacks: 50, fullMessages: 10 } as const;

const nowOf = (deps: CallcenterDeps) => deps.now?.() ?? new Date();

/** A phone as okno keeps it: sealed, its keyed hash, masked. The input has passed `phoneInputSchema`. */
function sealPhone(cipher: PersonalDataCipher, input: string) {
  const phone = callerPhone(cipher, input);
  return { phone: cipher.seal(phone.normalized), phoneHash: phone.hash, phoneMasked: phone.masked };
}

function callerPhone(cipher: PersonalDataCipher, input: string) {
  const phone = keptContact(cipher, 'phone', input);
  if (!phone) throw invalidField('phone', 'not a Russian phone number', 'invalid_format');
  return phone;
}

async function callDtos(db: Db, rows: CallRow[], now: Date): Promise<Call[]> {
  const codes = [...new Set(rows.flatMap((r) => (r.serviceCode ? [r.serviceCode] : [])))];
  const titles = new Map((await serviceTitles(db, codes)).map((s) => [s.code, s.title]));
  return rows.map((r) => toCallDto(r, now, titles));
}
const callDto = async (db: Db, row: CallRow, now: Date) => (await callDtos(db, [row], now))[0];

/** The operator's own call, locked for a change; another operator's is refused, a missing one is 404. */
async function ownCall(tx: Db, id: string, operator: Operator): Promise<CallRow> {
  const call = await callRepo.findCall(tx, id, true);
  if (!call) throw notFound('call');
  if (call.operatorId !== operator.userId) throw new AppError('FORBIDDEN', 'the call is another operator’s');
  return call;
}

// ── calls ───────────────────────────────────────────────────────────────────────────────────────────────

export async function startCall(deps: CallcenterDeps, operator: Operator, phone?: string): Promise<Call> {
  const row = await callRepo.insertCall(deps.db, {
    operatorId: operator.userId,
    operatorLogin: operator.login,
    ...(phone ? sealPhone(deps.cipher, phone) : {}),
  });
  return callDto(deps.db, row, nowOf(deps));
}

/**
 * Changes a call: a different phone clears the verification (it was for the number before); the outcome
 * comes with the end (`end: true`), or corrects an ended call's. Ending an ended call keeps its end.
 */
export async function updateCall(
  deps: CallcenterDeps,
  operator: Operator,
  id: string,
  input: CallUpdateInput,
): Promise<Call> {
  const row = await deps.db.transaction(async (tx) => {
    const call = await ownCall(tx, id, operator);
    const change: callRepo.CallChange = {};
    if (input.phone === null) {
      Object.assign(change, { phone: null, phoneHash: null, phoneMasked: null });
    } else if (input.phone !== undefined) {
      const sealed = sealPhone(deps.cipher, input.phone);
      if (sealed.phoneHash !== call.phoneHash) Object.assign(change, sealed);
    }
    if (change.phoneHash !== undefined) Object.assign(change, { verifiedAt: null, verifiedQuestion: null });
    if (input.serviceCode !== undefined) {
      if (input.serviceCode !== null && !(await isServicePublished(tx, input.serviceCode)))
        throw invalidField('serviceCode', 'no published service has this code');
      change.serviceCode = input.serviceCode;
    }
    if (input.note !== undefined) change.note = input.note;
    if (input.outcome !== undefined) {
      if (call.endedAt === null && !input.end)
        throw invalidField('outcome', 'the outcome is set when the call ends', 'call_running');
      change.outcome = input.outcome;
    }
    if (input.end && call.endedAt === null)
      change.endedAt = sql`greatest(now(), ${call.startedAt}::timestamptz)`;
    if (Object.keys(change).length === 0) return call;
    return callRepo.updateCall(tx, id, change);
  });
  return callDto(deps.db, row, nowOf(deps));
}

/** The log: newest first; an operator's own calls, an admin's own or (without `mine`) everyone's. */
export async function listCalls(
  deps: CallcenterDeps,
  operator: Operator,
  query: CallsQuery,
): Promise<CallsPage> {
  const everyone = operator.admin && query.mine !== 'true';
  const { rows, total } = await callRepo.findCalls(deps.db, {
    operatorId: everyone ? undefined : operator.userId,
    from: query.from,
    to: query.to,
    offset: (query.page - 1) * query.limit,
    limit: query.limit,
  });
  return { items: await callDtos(deps.db, rows, nowOf(deps)), total };
}

/** Records that the caller answered (or, `answered: false`, could not answer) the verification question. */
export async function verifyCall(
  deps: CallcenterDeps,
  operator: Operator,
  id: string,
  input: VerifyInput,
): Promise<Call> {
  const row = await deps.db.transaction(async (tx) => {
    const call = await ownCall(tx, id, operator);
    if (call.endedAt !== null) throw new AppError('CONFLICT', 'the call has ended');
    if (call.phone === null) throw new AppError('CONFLICT', 'the call has no phone to verify');
    if (input.answered && input.question === 'booking_code') {
      // the caller read out a code: it must be one of this number's bookings (any status)
      const code = parseBookingCode(input.bookingCode ?? '');
      if (code === null || call.phoneHash === null || !(await phoneHasBookingCode(tx, call.phoneHash, code)))
        throw invalidField('bookingCode', 'not the code of a booking of this number', 'wrong_booking_code');
    }
    if (input.answered && input.question === 'case_pin') {
      // the caller read out a receipt's PIN: it must be the PIN of one of this number's cases
      if (
        call.phoneHash === null ||
        !(await phoneHasCasePin(tx, call.phoneHash, input.casePin ?? '', deps.cipher))
      )
        throw invalidField('casePin', 'not the PIN of a case of this number', 'wrong_case_pin');
    }
    return callRepo.updateCall(
      tx,
      id,
      input.answered
        ? { verifiedAt: sql`now()`, verifiedQuestion: input.question }
        : { verifiedAt: null, verifiedQuestion: null },
    );
  });
  return callDto(deps.db, row, nowOf(deps));
}

// ── the caller ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Everything okno knows of a phone number, masked — not a view of personal data, so not logged. With the
 * operator's own running call on this number whose caller answered the verification question, the
 * bookings come in full: that read and its `personal_data_view` entry go in one transaction.
 */
export async function lookupCaller(
  deps: CallcenterDeps,
  operator: Operator,
  phoneInput: string,
  callId?: string,
): Promise<CallerLookup> {
  const phone = callerPhone(deps.cipher, phoneInput);
  const now = nowOf(deps);
  const [calls, messages, callbacks, records] = await Promise.all([
    callRepo.callsFromPhone(deps.db, phone.hash, shown.calls),
    messagesTo(deps.db, deps.cipher, phone.normalized, shown.messages),
    callbackRepo.openCallbacksTo(deps.db, phone.hash, shown.callbacks),
    callerRecords(deps, operator, phone.hash, callId),
  ]);
  return {
    phone: phone.masked,
    calls: await callDtos(deps.db, calls, now),
    messages,
    callbacks: callbacks.map((c) => toCallbackDto(c, now)),
    ...records,
  };
}

/**
 * The number's bookings and cases: in full (and logged — the security log, and each case's trail) on the
 * operator's verified call on that number, else masked.
 */
async function callerRecords(deps: CallcenterDeps, operator: Operator, phoneHash: string, callId?: string) {
  if (callId) {
    const full = await deps.db.transaction(async (tx) => {
      const call = await callRepo.findCall(tx, callId);
      if (!call || call.phoneHash !== phoneHash || contactRefusal(call, operator.userId) !== null)
        return null;
      const who = { userId: operator.userId, login: operator.login, ...operator.client };
      const why = `verified_call:${call.verifiedQuestion}`;
      const bookings = await bookingsOfPhone(tx, phoneHash, deps.cipher, { full: true });
      await recordSecurityEvent(tx, {
        event: 'personal_data_view',
        result: 'ok',
        ...who,
        details: { what: 'caller_bookings', why, ref: call.id, bookings: bookings.length },
      });
      const cases = await casesOfPhone(tx, phoneHash, deps.cipher, {
        full: true,
        viewer: { userId: operator.userId, name: operator.name ?? operator.login },
        ref: call.id,
        now: nowOf(deps),
      });
      if (cases.length > 0)
        await recordSecurityEvent(tx, {
          event: 'personal_data_view',
          result: 'ok',
          ...who,
          details: { what: 'caller_cases', why, ref: call.id, cases: cases.length },
        });
      return { bookings, cases };
    });
    if (full) return { bookings: full.bookings, bookingsFull: true, cases: full.cases, casesFull: true };
  }
  const [bookings, cases] = await Promise.all([
    bookingsOfPhone(deps.db, phoneHash, deps.cipher, { full: false }),
    casesOfPhone(deps.db, phoneHash, deps.cipher, { full: false }),
  ]);
  return { bookings, bookingsFull: false, cases, casesFull: false };
}

/** A case by its number for the operator: its status and the applicant masked (the call center's scope). */
export const caseByNumber = (deps: CallcenterDeps, number: string, scope: ActorScope) =>
  caseByNumberForStaff(deps.db, deps.cipher, number, scope);

/**
 * The full view of the caller on a verified call: the phone and the texts of the latest messages to it.
 * The read and its `personal_data_view` entry go in one transaction; a refusal is logged as well.
 */
export async function callerContact(
  deps: CallcenterDeps,
  operator: Operator,
  id: string,
): Promise<CallerContact> {
  const who = { userId: operator.userId, login: operator.login, ...operator.client };
  const what = 'caller_phone_and_messages';
  const answer = await deps.db.transaction(async (tx) => {
    const call = await callRepo.findCall(tx, id);
    if (!call) throw notFound('call');
    const refusal = contactRefusal(call, operator.userId);
    if (refusal || call.phone === null) return { ok: false as const, refusal: refusal ?? 'no_phone' };
    const phone = deps.cipher.open(call.phone);
    const recent = await messagesTo(tx, deps.cipher, phone, shown.fullMessages);
    const messages = [];
    for (const m of recent) {
      const opened = await openMessage(tx, deps.cipher, m.id);
      if (opened) messages.push(opened);
    }
    await recordSecurityEvent(tx, {
      event: 'personal_data_view',
      result: 'ok',
      ...who,
      details: {
        what,
        why: `verified_call:${call.verifiedQuestion}`,
        ref: call.id,
        messages: messages.length,
      },
    });
    return { ok: true as const, contact: { callId: call.id, phone, messages } };
  });
  if (answer.ok) return answer.contact;
  await recordSecurityEventAlone(deps.db, {
    event: 'personal_data_view',
    result: 'refused',
    ...who,
    details: { what, why: answer.refusal, ref: id },
  });
  const reasons = {
    not_own: 'only the operator on the call may see the caller in full',
    ended: 'the call has ended',
    no_phone: 'the call has no phone',
    not_verified: 'the caller has not answered the verification question',
  } as const;
  throw new AppError('NOT_VERIFIED', reasons[answer.refusal]);
}

/** Sends the latest message to the call's phone again (of a channel, if given); 404 when there is none. */
export async function resendToCaller(
  deps: CallcenterDeps,
  outbox: OutboxDeps,
  operator: Operator,
  id: string,
  channel?: Channel,
): Promise<OutboxMessage> {
  const made = await deps.db.transaction(async (tx) => {
    const call = await ownCall(tx, id, operator);
    if (call.endedAt !== null) throw new AppError('CONFLICT', 'the call has ended');
    if (call.phone === null) throw new AppError('CONFLICT', 'the call has no phone');
    return resendLatest(tx, outbox, deps.cipher.open(call.phone), channel);
  });
  if (!made) throw notFound('message to this phone');
  return toOutboxMessageDto(made);
}

// ── call-backs ──────────────────────────────────────────────────────────────────────────────────────────

/** A call-back due a little in the past is still accepted (the form took a while); earlier is a mistake. */
const pastGraceMs = 5 * 60_000;

export async function createCallback(
  deps: CallcenterDeps,
  operator: Operator,
  input: CallbackCreateInput,
): Promise<Callback> {
  const now = nowOf(deps);
  const due = Date.parse(input.dueAt);
  if (due < now.getTime() - pastGraceMs) throw invalidField('dueAt', 'the time has passed', 'in_past');
  const row = await deps.db.transaction(async (tx) => {
    if (input.callId && !(await callRepo.findCall(tx, input.callId)))
      throw invalidField('callId', 'no such call');
    return callbackRepo.insertCallback(tx, {
      callId: input.callId ?? null,
      ...sealPhone(deps.cipher, input.phone),
      dueAt: new Date(due).toISOString(),
      note: input.note ?? '',
      createdBy: operator.userId,
    });
  });
  return toCallbackDto(row, now);
}

export async function listCallbacks(
  deps: CallcenterDeps,
  query: { status: CallbackRow['status']; limit: number },
): Promise<Callback[]> {
  const now = nowOf(deps);
  return (await callbackRepo.findCallbacks(deps.db, query.status, query.limit)).map((c) =>
    toCallbackDto(c, now),
  );
}

/** Marks an open call-back done or cancelled; doing it again changes nothing, the other way is a conflict. */
export async function closeCallback(
  deps: CallcenterDeps,
  operator: Operator,
  id: string,
  status: 'done' | 'cancelled',
): Promise<Callback> {
  const now = nowOf(deps);
  const row = await deps.db.transaction(async (tx) => {
    const found = await callbackRepo.findCallback(tx, id, true);
    if (!found) throw notFound('call-back');
    if (found.status === status) return found;
    if (found.status !== 'open') throw new AppError('CONFLICT', `the call-back is already ${found.status}`);
    return callbackRepo.closeCallback(tx, id, status, operator.userId, now.toISOString());
  });
  return toCallbackDto(row, now);
}
