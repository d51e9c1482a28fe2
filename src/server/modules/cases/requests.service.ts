import { addWorkingDays } from '../../../shared/calendar.js';
import type {
  AgencyRequest,
  RequestAnswer,
  RequestCreate,
  RequestListQuery,
  RequestPage,
} from '../../../shared/case-registers.js';
import { instantToLocal } from '../../../shared/zoned-time.js';
import type { Db } from '../../db/client.js';
import { decodeCursor, pageOf } from '../../db/keyset.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { listAgencies } from '../catalog/agencies.service.js';
import { officeCard, productionCalendar } from '../network/network.service.js';
import { regionTimeZone } from '../network/service-offices.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { staffNames } from '../staff/staff-names.js';
import { caseSettingsOf } from './case-settings.js';
import { endSuspension, suspendCase } from './case-suspensions.js';
import { appendCaseEvents, type CaseActor } from './case-trail.js';
import type { AgencyRequestRow, CaseRow } from './cases.schema.js';
import { type CaseDeps, lockCaseInScope } from './cases.service.js';
import {
  findRequest,
  insertRequest,
  listRequests,
  openSuspensionOf,
  type RequestWithCase,
  updateRequest,
} from './requests.repository.js';

/**
 * Interagency requests (issue 11, СМЭВ-like): staff ask an agency for what a case needs; the case is
 * suspended from that day (its deadline stands still); the worker (requests.worker.ts) sends the request
 * through the agency's adapter within `request_send_days` working days, retrying with backoff, and polls
 * for the answer, due `request_answer_days` working days after sending. The answer — from the adapter, or
 * typed by staff for an agency without one — goes on the case's trail and ends the suspension: the due
 * date moves by the pause, explained. Every step is on the case's trail in the transaction of the change.
 */

export type RequestDeps = CaseDeps;

const localToday = (now: Date, zone: string) => instantToLocal(now.getTime(), zone).date;

async function agencyNames(db: Db): Promise<Map<string, string>> {
  return new Map((await listAgencies({ db })).map((a) => [a.code, a.shortName]));
}

function toRequestDto(
  r: RequestWithCase,
  today: string,
  agencies: Map<string, string>,
  names: Map<string, { fullName: string }>,
): AgencyRequest {
  const q = r.request;
  const sendOverdue =
    (q.status === 'queued' || q.status === 'failed') && q.sentAt === null && today > q.sendBy;
  const answerOverdue = q.status === 'sent' && q.answerDue !== null && today > q.answerDue;
  const by = q.createdBy ? names.get(q.createdBy) : undefined;
  const answer = q.answer as { text?: unknown; via?: unknown; reference?: unknown } | null;
  return {
    id: q.id,
    case: { id: q.caseId, number: r.caseNumber },
    office: q.officeCode,
    agency: { code: q.agencyCode, shortName: agencies.get(q.agencyCode) ?? q.agencyCode },
    subject: q.subject,
    status: q.status,
    createdAt: isoTimestamp(q.createdAt),
    createdBy: q.createdBy && by ? { id: q.createdBy, name: by.fullName } : null,
    sendBy: q.sendBy,
    answerDue: q.answerDue,
    sentAt: q.sentAt ? isoTimestamp(q.sentAt) : null,
    externalId: q.externalId,
    attempts: q.attempts,
    nextAttemptAt: q.status === 'queued' || q.status === 'sent' ? isoTimestamp(q.nextAttemptAt) : null,
    lastError: q.lastError,
    answeredAt: q.answeredAt ? isoTimestamp(q.answeredAt) : null,
    answer:
      answer && typeof answer.text === 'string'
        ? {
            text: answer.text,
            via: answer.via === 'manual' ? 'manual' : 'adapter',
            reference: typeof answer.reference === 'string' ? answer.reference : null,
          }
        : null,
    sendOverdue,
    answerOverdue,
    overdue: sendOverdue || answerOverdue,
  };
}

async function present(db: Db, now: Date, list: RequestWithCase[]): Promise<AgencyRequest[]> {
  const today = localToday(now, await regionTimeZone(db));
  const agencies = await agencyNames(db);
  const names = await staffNames(
    db,
    list.flatMap((r) => (r.request.createdBy ? [r.request.createdBy] : [])),
  );
  return list.map((r) => toRequestDto(r, today, agencies, names));
}

/** Asks an agency: the request waits for the worker, the case is suspended from today. */
export async function createRequest(
  deps: RequestDeps,
  scope: ActorScope,
  actor: CaseActor,
  input: RequestCreate,
): Promise<AgencyRequest> {
  const { db, now } = deps;
  const settings = await caseSettingsOf(db);
  const cal = await productionCalendar(db);
  const agencies = await agencyNames(db);
  const made = await db.transaction(async (tx) => {
    const row = await lockCaseInScope(tx, input.case, scope);
    if (row.final)
      throw new AppError('INVALID_TRANSITION', `case ${row.number} is closed (${row.stage})`, {
        stage: row.stage,
        allowed: [],
      });
    const agency = input.agency ?? row.agencyCode;
    if (!agency) throw invalidField('agency', 'the case has no agency: name the agency to ask', 'required');
    if (!agencies.has(agency)) throw invalidField('agency', `no agency ${agency}`);
    const office = await officeCard(tx, row.officeCode);
    const today = localToday(now, office?.timeZone ?? 'UTC');
    const request = await insertRequest(tx, {
      caseId: row.id,
      officeCode: row.officeCode,
      districtCode: row.districtCode,
      agencyCode: agency,
      subject: input.subject,
      status: 'queued',
      createdAt: now.toISOString(),
      createdBy: actor?.userId ?? null,
      sendBy: addWorkingDays(cal, today, settings.requestSendDays),
      nextAttemptAt: now.toISOString(),
    });
    const head = await appendCaseEvents(
      tx,
      row,
      [
        {
          kind: 'request_created',
          actor,
          office: row.officeCode,
          details: { request: request.id, agency, subject: input.subject, sendBy: request.sendBy },
        },
      ],
      now,
    );
    await suspendCase(
      tx,
      deps,
      { ...row, ...head },
      {
        reason: 'request',
        note: `запрос в ${agencies.get(agency)}: ${input.subject}`,
        requestId: request.id,
      },
      actor,
    );
    return { request, caseNumber: row.number };
  });
  const [dto] = await present(db, now, [made]);
  return dto;
}

export async function requestsOf(
  deps: RequestDeps,
  scope: ActorScope,
  q: RequestListQuery,
): Promise<RequestPage> {
  const cursor = q.after === undefined ? undefined : decodeCursor(q.after);
  if (q.after !== undefined && !cursor) throw invalidField('after', 'not a page cursor', 'cursor');
  const today = localToday(deps.now, await regionTimeZone(deps.db));
  const found = await listRequests(deps.db, scope, q, today, cursor);
  const page = pageOf(found, q.limit, (r) => ({ key: r.request.createdAt, id: r.request.id }));
  return { items: await present(deps.db, deps.now, page.items), next: page.next };
}

export async function requestOf(deps: RequestDeps, scope: ActorScope, id: string): Promise<AgencyRequest> {
  const found = await findRequest(deps.db, id, scope);
  if (!found) throw notFound('request');
  const [dto] = await present(deps.db, deps.now, [found]);
  return dto;
}

/**
 * Attaches an answer to a locked request and its locked case: on the trail, and the suspension it put on
 * the case ends (the due date moves by the pause, explained).
 */
export async function attachAnswer(
  tx: Db,
  deps: RequestDeps,
  request: AgencyRequestRow,
  row: CaseRow,
  answer: RequestAnswer,
  actor: CaseActor,
): Promise<AgencyRequestRow> {
  const updated = await updateRequest(tx, request.id, {
    status: 'answered',
    answeredAt: deps.now.toISOString(),
    answer,
    lastError: null,
  });
  const head = await appendCaseEvents(
    tx,
    row,
    [
      {
        kind: 'request_answered',
        actor,
        office: row.officeCode,
        details: {
          request: request.id,
          agency: request.agencyCode,
          subject: request.subject,
          answer: answer.text,
          reference: answer.reference,
          via: answer.via,
        },
      },
    ],
    deps.now,
  );
  await endRequestSuspension(tx, deps, request, { ...row, ...head }, actor);
  return updated;
}

/** Ends the suspension the request put on its case, if it is still on. */
export async function endRequestSuspension(
  tx: Db,
  deps: RequestDeps,
  request: AgencyRequestRow,
  row: CaseRow,
  actor: CaseActor,
): Promise<CaseRow> {
  const suspension = await openSuspensionOf(tx, row.id, request.id);
  return suspension ? endSuspension(tx, deps, row, suspension, actor) : row;
}

/** An answer that came on paper or by e-mail, typed by staff (also for a request the worker gave up on). */
export async function answerManually(
  deps: RequestDeps,
  scope: ActorScope,
  actor: CaseActor,
  id: string,
  text: string,
): Promise<AgencyRequest> {
  const { db, now } = deps;
  const done = await db.transaction(async (tx) => {
    const found = await findRequest(tx, id, scope);
    if (!found) throw notFound('request');
    // the case first, then the request: the worker locks in the same order
    const row = await lockCaseInScope(tx, found.request.caseId, scope);
    const locked = await findRequest(tx, id, scope, true);
    if (!locked) throw notFound('request');
    if (locked.request.status === 'answered')
      throw new AppError('INVALID_TRANSITION', 'the request is already answered', {
        status: 'answered',
        allowed: [],
      });
    const request = await attachAnswer(
      tx,
      deps,
      locked.request,
      row,
      { text, via: 'manual', reference: null },
      actor,
    );
    return { request, caseNumber: locked.caseNumber };
  });
  const [dto] = await present(db, now, [done]);
  return dto;
}
