import { and, eq, isNull } from 'drizzle-orm';
import { caseDeadline } from '../../../shared/case-deadline.js';
import type { Case } from '../../../shared/cases.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { productionCalendar } from '../network/network.service.js';
import { appendCaseEvents, type CaseActor } from './case-trail.js';
import * as repo from './cases.repository.js';
import { type CaseRow, caseSuspensions, cases } from './cases.schema.js';

import {
  actorOf,
  type CaseDeps,
  type CaseStaff,
  lockCaseInScope,
  officeToday,
  toDto,
} from './cases.service.js';

/** The deadline's suspensions: pauses that move the due date, each move explained on the trail. */

/**
 * Recomputes the due date of a locked case from its suspensions; a change is explained on the trail
 * ("+3 working days: request to Росреестр 12–15 Jan" as data: days, kind, from, to, reasons).
 */
async function refreshDeadline(tx: Db, deps: CaseDeps, row: CaseRow, actor: CaseActor): Promise<CaseRow> {
  const calendar = await productionCalendar(tx, deps.db);
  const today = await officeToday(tx, row.officeCode, deps.now);
  const suspensions = await repo.suspensionsOf(tx, row.id);
  const deadline = caseDeadline(
    calendar,
    row.acceptedOn,
    { days: row.termDays, kind: row.termKind },
    suspensions.map((s) => ({ from: s.fromDate, to: s.toDate, reason: s.note ?? s.reason })),
    today,
  );
  if (deadline.due === row.dueDate && deadline.pausedSince === row.pausedSince) return row;
  const [updated] = await tx
    .update(cases)
    .set({ dueDate: deadline.due, pausedSince: deadline.pausedSince })
    .where(eq(cases.id, row.id))
    .returning();
  if (deadline.due !== row.dueDate) {
    const change = deadline.changes.at(-1);
    const head = await appendCaseEvents(
      tx,
      row,
      [
        {
          kind: 'deadline_changed',
          actor,
          office: row.officeCode,
          details: {
            before: row.dueDate,
            after: deadline.due,
            ...(change
              ? {
                  days: change.days,
                  kind: change.kind,
                  from: change.from,
                  to: change.to,
                  reasons: change.reasons,
                }
              : {}),
          },
        },
      ],
      deps.now,
    );
    return { ...updated, ...head };
  }
  return updated;
}

/** Pauses the deadline of a locked case from today (a request to an agency, or the applicant must bring something). */
export async function suspendCase(
  tx: Db,
  deps: CaseDeps,
  row: CaseRow,
  s: { reason: 'request' | 'applicant'; note: string; requestId?: string },
  actor: CaseActor,
): Promise<{ row: CaseRow; suspensionId: string }> {
  if (row.final || row.resultAt !== null) {
    throw new AppError('INVALID_TRANSITION', 'the deadline of a case with its result cannot be suspended', {
      stage: row.stage,
      allowed: [],
    });
  }
  const today = await officeToday(tx, row.officeCode, deps.now);
  const [suspension] = await tx
    .insert(caseSuspensions)
    .values({
      caseId: row.id,
      reason: s.reason,
      note: s.note,
      requestId: s.requestId ?? null,
      fromDate: today,
      createdAt: deps.now.toISOString(),
    })
    .returning();
  const head = await appendCaseEvents(
    tx,
    row,
    [
      {
        kind: 'suspended',
        actor,
        office: row.officeCode,
        details: {
          suspension: suspension.id,
          reason: s.reason,
          note: s.note,
          from: today,
          request: s.requestId ?? null,
        },
      },
    ],
    deps.now,
  );
  const refreshed = await refreshDeadline(tx, deps, { ...row, ...head }, actor);
  return { row: refreshed, suspensionId: suspension.id };
}

/** Ends a suspension of a locked case today: the due date moves by the days it took, explained on the trail. */
export async function endSuspension(
  tx: Db,
  deps: CaseDeps,
  row: CaseRow,
  suspensionId: string,
  actor: CaseActor,
): Promise<CaseRow> {
  const open = await repo.openSuspension(tx, row.id, suspensionId);
  if (!open) throw notFound('suspension');
  const today = await officeToday(tx, row.officeCode, deps.now);
  await tx
    .update(caseSuspensions)
    .set({ toDate: today, endedAt: deps.now.toISOString() })
    .where(and(eq(caseSuspensions.id, suspensionId), isNull(caseSuspensions.toDate)));
  const head = await appendCaseEvents(
    tx,
    row,
    [
      {
        kind: 'resumed',
        actor,
        office: row.officeCode,
        details: { suspension: suspensionId, reason: open.reason, from: open.fromDate, to: today },
      },
    ],
    deps.now,
  );
  return refreshDeadline(tx, deps, { ...row, ...head }, actor);
}

export async function suspendForApplicant(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  note: string,
): Promise<Case> {
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    return (await suspendCase(tx, deps, locked, { reason: 'applicant', note }, actorOf(staff))).row;
  });
  return toDto(deps.db, row, deps.now);
}

export async function resumeCase(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  suspensionId: string,
): Promise<Case> {
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    return endSuspension(tx, deps, locked, suspensionId, actorOf(staff));
  });
  return toDto(deps.db, row, deps.now);
}
