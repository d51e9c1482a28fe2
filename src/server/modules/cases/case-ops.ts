import { and, eq, isNull, sql } from 'drizzle-orm';
import { caseDeadline } from '../../../shared/case-deadline.js';
import { allowedTransitions, stageWords } from '../../../shared/case-route.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { productionCalendar } from '../network/network.service.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import { appendCaseEvents, type CaseActor } from './case-trail.js';
import { type CaseRow, caseSuspensions, cases } from './cases.schema.js';

/**
 * The case operations registers and requests build on: lock a case, move it along its route, suspend it
 * and end a suspension. They stand in for the core service's (cases.service.ts) until it lands; then this
 * file only re-exports those.
 */

export type CaseOpsDeps = { db: Db; now: Date };

/** The case, locked for update; 404 when it does not exist or lies outside the scope. */
export async function lockCaseInScope(tx: Db, id: string, scope: ActorScope): Promise<CaseRow> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), officeInScope(scope, sql`${cases.officeCode}`, sql`${cases.districtCode}`)))
    .for('update');
  if (!row) throw notFound('case');
  return row;
}

const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Moves a locked case to `to` (one of its allowed transitions) and records the transition. */
export async function moveCase(
  tx: Db,
  deps: CaseOpsDeps,
  row: CaseRow,
  to: string,
  actor: CaseActor,
  opts: { comment?: string; via?: Record<string, unknown> } = {},
): Promise<CaseRow> {
  const allowed = allowedTransitions(row.card.stages, row.stage);
  if (!allowed.includes(to))
    throw new AppError('INVALID_TRANSITION', `a case at ${row.stage} cannot move to ${to}`, {
      stage: row.stage,
      allowed,
    });
  const at = deps.now.toISOString();
  const [moved] = await tx
    .update(cases)
    .set({
      stage: to,
      stageAt: at,
      stageLog: [...row.stageLog, { code: to, at }],
      final: to === 'refused' || to === 'returned' || row.card.stages.at(-1)?.code === to,
      ...(to === 'ready' ? { resultAt: at } : {}),
    })
    .where(eq(cases.id, row.id))
    .returning();
  const head = await appendCaseEvents(
    tx,
    row,
    [
      {
        kind: 'transition',
        actor,
        office: row.officeCode,
        details: {
          from: row.stage,
          to,
          title: stageWords(row.card.stages, to)?.title ?? to,
          ...(opts.comment ? { comment: opts.comment } : {}),
          ...(opts.via ? { via: opts.via } : {}),
        },
      },
    ],
    deps.now,
  );
  return { ...moved, ...head };
}

/** Suspends a locked case from today: its deadline stands still until the suspension ends. */
export async function suspendCase(
  tx: Db,
  deps: CaseOpsDeps,
  row: CaseRow,
  s: { reason: 'request' | 'applicant'; note: string | null; requestId: string | null },
  actor: CaseActor,
): Promise<{ row: CaseRow; suspensionId: string }> {
  const today = todayOf(deps.now);
  const [made] = await tx
    .insert(caseSuspensions)
    .values({
      caseId: row.id,
      reason: s.reason,
      note: s.note,
      requestId: s.requestId,
      fromDate: today,
      createdAt: deps.now.toISOString(),
    })
    .returning({ id: caseSuspensions.id });
  const [updated] = await tx
    .update(cases)
    .set({ pausedSince: row.pausedSince ?? today })
    .where(eq(cases.id, row.id))
    .returning();
  const head = await appendCaseEvents(
    tx,
    row,
    [
      {
        kind: 'suspended',
        actor,
        office: row.officeCode,
        details: { suspension: made.id, reason: s.reason, note: s.note, request: s.requestId, from: today },
      },
    ],
    deps.now,
  );
  return { row: { ...updated, ...head }, suspensionId: made.id };
}

/** Ends a suspension of a locked case today; the due date moves by the pause, explained on the trail. */
export async function endSuspension(
  tx: Db,
  deps: CaseOpsDeps,
  row: CaseRow,
  suspensionId: string,
  actor: CaseActor,
): Promise<CaseRow> {
  const today = todayOf(deps.now);
  const [ended] = await tx
    .update(caseSuspensions)
    .set({ toDate: today, endedAt: deps.now.toISOString() })
    .where(
      and(
        eq(caseSuspensions.id, suspensionId),
        eq(caseSuspensions.caseId, row.id),
        isNull(caseSuspensions.toDate),
      ),
    )
    .returning();
  if (!ended) throw notFound('suspension');
  const all = await tx.select().from(caseSuspensions).where(eq(caseSuspensions.caseId, row.id));
  const cal = await productionCalendar(deps.db);
  const deadline = caseDeadline(
    cal,
    row.acceptedOn,
    { days: row.termDays, kind: row.termKind },
    all.map((x) => ({ from: x.fromDate, to: x.toDate, reason: x.reason })),
    today,
  );
  const [updated] = await tx
    .update(cases)
    .set({ dueDate: deadline.due, pausedSince: deadline.pausedSince })
    .where(eq(cases.id, row.id))
    .returning();
  const change = deadline.changes.find((c) => c.from <= ended.fromDate && c.to >= today);
  const head = await appendCaseEvents(
    tx,
    row,
    [
      {
        kind: 'resumed',
        actor,
        office: row.officeCode,
        details: { suspension: suspensionId, from: ended.fromDate, to: today },
      },
      ...(deadline.due !== row.dueDate
        ? [
            {
              kind: 'deadline_changed' as const,
              actor,
              office: row.officeCode,
              details: { before: row.dueDate, after: deadline.due, ...(change ?? {}) },
            },
          ]
        : []),
    ],
    deps.now,
  );
  return { ...updated, ...head };
}
