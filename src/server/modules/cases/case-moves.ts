import { eq } from 'drizzle-orm';
import { addCalendarDays } from '../../../shared/calendar.js';
import {
  allowedTransitions,
  isFinalStage,
  issuedStage,
  readyStage,
  resultReached,
} from '../../../shared/case-route.js';
import type { Case } from '../../../shared/cases.js';
import type { Db } from '../../db/client.js';
import { AppError, invalidField } from '../../errors.js';
import { notifyStage } from './case-notify.js';
import { caseSettingsOf } from './case-settings.js';
import { appendCaseEvents, type CaseActor, type CaseEventInput } from './case-trail.js';
import * as repo from './cases.repository.js';
import { type CaseRow, cases } from './cases.schema.js';

import {
  actorOf,
  type CaseDeps,
  type CaseStaff,
  lockCaseInScope,
  officeToday,
  toDto,
} from './cases.service.js';

/** The route: moving a case (the one way it moves), staff transitions, the result's issue. */

export type MoveOptions = {
  comment?: string;
  /** How the move came: a staff member's transition, a register, the result's issue, the adapter. */
  via?: 'transition' | 'register' | 'issue' | 'request';
  /** More to record on the transition event (the register, who received the result). */
  details?: Record<string, unknown>;
  /** Extra columns to set with the move (the issue's recipient). */
  set?: Partial<Pick<CaseRow, 'issuedAt' | 'issuedTo'>>;
};

/**
 * Moves a locked case to `to` when its route allows it: the stage, its time, the stage log, the result's
 * time and storage term on reaching the result, the trail event and the applicant's notification, in `tx`.
 */
export async function moveCase(
  tx: Db,
  deps: CaseDeps,
  row: CaseRow,
  to: string,
  actor: CaseActor,
  options: MoveOptions = {},
): Promise<CaseRow> {
  const allowed = allowedTransitions(row.card.stages, row.stage);
  if (!allowed.includes(to)) {
    throw new AppError(
      'INVALID_TRANSITION',
      allowed.length
        ? `a case at stage ${row.stage} can move to: ${allowed.join(', ')}`
        : `a case at stage ${row.stage} is closed`,
      { stage: row.stage, to, allowed },
    );
  }
  if (to === 'refused' && !options.comment?.trim()) {
    throw invalidField('comment', 'a refusal needs its reason in the comment', 'required');
  }
  const at = deps.now.toISOString();
  const today = await officeToday(tx, row.officeCode, deps.now);
  const settings = await caseSettingsOf(tx, deps.db);
  const reachesResult = row.resultAt === null && resultReached(row.card.stages, to);
  const storageUntil =
    to === readyStage
      ? addCalendarDays(today, row.card.keepResultDays ?? settings.defaultKeepDays)
      : row.storageUntil;
  const final = isFinalStage(row.card.stages, to);
  const [updated] = await tx
    .update(cases)
    .set({
      stage: to,
      stageAt: at,
      stageLog: [...row.stageLog, { code: to, at }],
      final,
      resultAt: reachesResult ? at : row.resultAt,
      storageUntil,
      ...(to === issuedStage && !options.set?.issuedAt ? { issuedAt: at } : {}),
      ...options.set,
    })
    .where(eq(cases.id, row.id))
    .returning();
  const events: CaseEventInput[] = [
    {
      kind: options.via === 'issue' ? 'issued' : 'transition',
      actor,
      office: row.officeCode,
      details: {
        before: row.stage,
        after: to,
        via: options.via ?? 'transition',
        ...(options.comment ? { comment: options.comment } : {}),
        ...(reachesResult ? { resultOnTime: today <= row.dueDate } : {}),
        ...(to === readyStage ? { storageUntil } : {}),
        ...options.details,
      },
    },
  ];
  const head = await appendCaseEvents(tx, row, events, deps.now);
  const applicant = await repo.findApplicant(tx, row.applicantId);
  await notifyStage(tx, deps, updated, applicant, to);
  return { ...updated, ...head };
}

export async function transitionCase(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  input: { to: string; comment?: string },
): Promise<Case> {
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    if (input.to === issuedStage && locked.card.stages.some((s) => s.code === readyStage)) {
      // the result is handed over through the issue action, which records who received it
      return moveCase(tx, deps, locked, input.to, actorOf(staff), {
        comment: input.comment,
        via: 'issue',
        details: { receivedBy: 'unrecorded' },
      });
    }
    return moveCase(tx, deps, locked, input.to, actorOf(staff), { comment: input.comment });
  });
  return toDto(deps.db, row, deps.now);
}

/** The result handed over, after the identity document was checked: who received it goes on the trail. */
export async function issueResult(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  input: { receivedBy: 'applicant' | 'representative'; representative?: string; comment?: string },
): Promise<Case> {
  if (input.receivedBy === 'representative' && !input.representative?.trim()) {
    throw invalidField('representative', 'name the representative and their power of attorney', 'required');
  }
  const issuedTo = {
    receivedBy: input.receivedBy,
    documentChecked: true,
    ...(input.representative ? { representative: input.representative } : {}),
    by: staff.userId,
  };
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    const to = allowedTransitions(locked.card.stages, locked.stage).includes(issuedStage)
      ? issuedStage
      : null;
    if (!to) {
      throw new AppError('INVALID_TRANSITION', `a case at stage ${locked.stage} has no result to issue`, {
        stage: locked.stage,
        to: issuedStage,
        allowed: allowedTransitions(locked.card.stages, locked.stage),
      });
    }
    return moveCase(tx, deps, locked, to, actorOf(staff), {
      comment: input.comment,
      via: 'issue',
      details: { receivedBy: input.receivedBy, documentChecked: true },
      set: { issuedAt: deps.now.toISOString(), issuedTo },
    });
  });
  return toDto(deps.db, row, deps.now);
}
