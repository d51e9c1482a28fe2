import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { addCalendarDays, addWorkingDays } from '../../../shared/calendar.js';
import { caseDeadline } from '../../../shared/case-deadline.js';
import { formatCaseNumber } from '../../../shared/case-number.js';
import {
  allowedTransitions,
  isFinalStage,
  issuedStage,
  readyStage,
  resultReached,
  stageWords,
} from '../../../shared/case-route.js';
import type { Case, CaseCreate, CaseCreated, FullApplicant } from '../../../shared/cases.js';
import { nowInTimeZone } from '../../../shared/office-hours.js';
import type { Db } from '../../db/client.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { publishedCardForCase } from '../catalog/services.lookup.js';
import { officeCard, officeOffers, productionCalendar } from '../network/network.service.js';
import type { OutboxDeps } from '../notifications/outbox.enqueue.js';
import { finishTicketWithCase } from '../queue/windows.service.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { scopeCoversOffice } from '../staff/scope-office.js';
import { recordSecurityEvent } from '../staff/security-log.js';
import { staffNames } from '../staff/staff-names.js';
import { applicantRow, openApplicant } from './case-applicant.js';
import { freezeCard } from './case-card.js';
import { notifyStage } from './case-notify.js';
import { caseSettingsOf, nextCaseSequence } from './case-settings.js';
import { appendCaseEvents, type CaseActor, type CaseEventInput, caseGenesis } from './case-trail.js';
import { toCaseDto } from './cases.mappers.js';
import * as repo from './cases.repository.js';
import {
  type CaseRow,
  caseApplicants,
  caseDocuments,
  caseScans,
  caseSuspensions,
  cases,
} from './cases.schema.js';

/** Cases: acceptance, the route, the deadline's suspensions, documents, the full applicant, the result's issue. */

export type CaseDeps = { db: Db; cipher: PersonalDataCipher; outbox: () => OutboxDeps; now: Date };

/** A signed-in staff member acting on cases, with the scope of the roles the route allows. */
export type CaseStaff = {
  userId: string;
  login: string;
  name: string;
  scope: ActorScope;
  client?: { ip?: string | null; userAgent?: string | null };
};

const actorOf = (s: CaseStaff): CaseActor => ({ userId: s.userId, name: s.name });

/** The office's local date now. */
export async function officeToday(db: Db, officeCode: string, now: Date): Promise<string> {
  const office = await officeCard(db, officeCode);
  return nowInTimeZone(office?.timeZone ?? 'Europe/Moscow', now).date;
}

const newPin = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A case the staff member's scope covers, locked for the change (404 otherwise: no hint it exists). */
export async function lockCaseInScope(tx: Db, id: string, scope: ActorScope): Promise<CaseRow> {
  const row = await repo.findCaseInScope(tx, id, scope, true);
  if (!row) throw notFound('case');
  return row;
}

// ── acceptance ──────────────────────────────────────────────────────────────────────────────────────────

export async function acceptCase(deps: CaseDeps, staff: CaseStaff, input: CaseCreate): Promise<CaseCreated> {
  const { db, now } = deps;
  const office = await officeCard(db, input.office);
  if (!office || !(await scopeCoversOffice(db, staff.scope, input.office))) throw notFound('office');
  const found = await publishedCardForCase(db, input.service);
  if (!found) throw notFound('service');
  const card = freezeCard(found);
  if (!card) throw invalidField('service', `service ${input.service} has no term or stages to run a case on`);
  if (!found.applicantKinds.includes(input.applicant.kind)) {
    throw new AppError(
      'VALIDATION',
      `invalid body.applicant.kind: the service is not for a ${input.applicant.kind}`,
      [
        {
          field: 'body.applicant.kind',
          path: 'applicant.kind',
          message: `the service takes applications from: ${found.applicantKinds.join(', ')}`,
          code: 'custom',
          params: { rule: 'applicant_kind', allowed: found.applicantKinds },
        },
      ],
    );
  }
  if (!(await officeOffers(db, office, input.service))) {
    throw new AppError(
      'SERVICE_NOT_OFFERED',
      `office ${office.code} does not offer service ${input.service}`,
    );
  }
  const settings = await caseSettingsOf(db);
  const calendar = await productionCalendar(db);
  const local = nowInTimeZone(office.timeZone, now);
  const acceptedOn = local.date;
  const year = Number(acceptedOn.slice(0, 4));
  const deadline = caseDeadline(calendar, acceptedOn, card.term, [], acceptedOn);
  const pin = newPin();
  const at = now.toISOString();
  const firstStage = card.stages[0].code;
  const channel = input.channel ?? (input.ticket ? 'window' : 'backoffice');

  const created = await db.transaction(async (tx) => {
    const [applicant] = await tx
      .insert(caseApplicants)
      .values(applicantRow(input.applicant, deps.cipher))
      .returning();
    const number = formatCaseNumber(settings.numberPrefix, year, await nextCaseSequence(tx, db, year));
    const [row] = await tx
      .insert(cases)
      .values({
        number,
        pin: deps.cipher.seal(pin),
        officeCode: office.code,
        districtCode: office.districtCode,
        serviceCode: input.service,
        serviceVersion: card.version,
        agencyCode: card.agency?.code ?? null,
        card,
        applicantId: applicant.id,
        channel,
        ticketId: input.ticket ?? null,
        feePaid: input.feePaid ?? false,
        stage: firstStage,
        stageAt: at,
        stageLog: [{ code: firstStage, at }],
        acceptedAt: at,
        acceptedOn,
        acceptedBy: staff.userId,
        termDays: card.term.days,
        termKind: card.term.kind,
        baseDueDate: deadline.base,
        dueDate: deadline.due,
        eventHash: caseGenesis,
      })
      .returning();
    const documents = input.documents.length
      ? await tx
          .insert(caseDocuments)
          .values(
            input.documents.map((d, i) => ({
              caseId: row.id,
              position: i + 1,
              name: d.name,
              form: d.form,
              pages: d.pages ?? null,
              addedAt: at,
              addedBy: staff.userId,
            })),
          )
          .returning()
      : [];
    if (input.ticket) {
      await finishTicketWithCase(tx, staff, {
        ticketId: input.ticket,
        caseId: row.id,
        officeCode: office.code,
        now,
      });
    }
    await appendCaseEvents(
      tx,
      row,
      [
        {
          kind: 'accepted',
          actor: actorOf(staff),
          office: office.code,
          details: {
            number,
            service: input.service,
            version: card.version,
            channel,
            ticket: input.ticket ?? null,
            feePaid: input.feePaid ?? false,
            dueDate: deadline.due,
            documents: documents.map((d) => ({ id: d.id, name: d.name, form: d.form, pages: d.pages })),
            ...(input.comment ? { comment: input.comment } : {}),
          },
        },
      ],
      now,
    );
    await notifyStage(tx, deps, row, applicant, firstStage);
    return row;
  });
  return { ...(await caseDto(deps, created.id, 'region')), pin };
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────────────────

/** The case as staff see it (applicant masked). */
export async function caseDto(
  deps: Pick<CaseDeps, 'db' | 'now'>,
  id: string,
  scope: ActorScope,
): Promise<Case> {
  const { db, now } = deps;
  const row = await repo.findCaseInScope(db, id, scope);
  if (!row) throw notFound('case');
  return toDto(db, row, now);
}

export async function toDto(db: Db, row: CaseRow, now: Date): Promise<Case> {
  const [applicant, documents, suspensions, office, calendar, names] = await Promise.all([
    repo.findApplicant(db, row.applicantId),
    repo.documentsOf(db, row.id),
    repo.suspensionsOf(db, row.id),
    officeCard(db, row.officeCode),
    productionCalendar(db),
    staffNames(db, row.acceptedBy ? [row.acceptedBy] : []),
  ]);
  const accepter = row.acceptedBy ? names.get(row.acceptedBy) : undefined;
  return toCaseDto(row, {
    applicant,
    documents,
    suspensions,
    officeName: office?.name ?? row.officeCode,
    acceptedBy: row.acceptedBy && accepter ? { id: row.acceptedBy, name: accepter.fullName } : null,
    calendar,
    today: nowInTimeZone(office?.timeZone ?? 'Europe/Moscow', now).date,
  });
}

// ── the route ───────────────────────────────────────────────────────────────────────────────────────────

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

// ── the deadline's suspensions ──────────────────────────────────────────────────────────────────────────

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

// ── documents ───────────────────────────────────────────────────────────────────────────────────────────

export async function addDocument(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  input: {
    name: string;
    form: 'original' | 'copy';
    pages?: number;
    replaces?: string;
    scan?: { contentType: string; data: string };
  },
): Promise<Case> {
  const scan = input.scan ? Buffer.from(input.scan.data, 'base64') : null;
  if (scan && scan.length > 5 * 1024 * 1024) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'a scan is at most 5 MB');
  }
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    if (locked.final) {
      throw new AppError('INVALID_TRANSITION', 'documents of a closed case cannot change', {
        stage: locked.stage,
        allowed: [],
      });
    }
    const at = deps.now.toISOString();
    let replaced: { id: string; name: string } | null = null;
    if (input.replaces) {
      const old = await repo.findDocument(tx, locked.id, input.replaces);
      if (!old || old.replacedAt !== null)
        throw invalidField('replaces', 'no current document of this case has that id');
      await tx.update(caseDocuments).set({ replacedAt: at }).where(eq(caseDocuments.id, old.id));
      replaced = { id: old.id, name: old.name };
    }
    const existing = await repo.documentsOf(tx, locked.id);
    const position = replaced
      ? (existing.find((d) => d.doc.id === replaced?.id)?.doc.position ?? existing.length + 1)
      : existing.reduce((max, d) => Math.max(max, d.doc.position), 0) + 1;
    const [doc] = await tx
      .insert(caseDocuments)
      .values({
        caseId: locked.id,
        position,
        name: input.name,
        form: input.form,
        pages: input.pages ?? null,
        replaces: replaced?.id ?? null,
        addedAt: at,
        addedBy: staff.userId,
      })
      .returning();
    let scanFacts: Record<string, unknown> | null = null;
    if (scan && input.scan) {
      const sha256 = createHash('sha256').update(scan).digest('hex');
      await tx.insert(caseScans).values({
        documentId: doc.id,
        contentType: input.scan.contentType,
        size: scan.length,
        sha256,
        sealed: deps.cipher.seal(scan.toString('base64'), { compress: true }),
      });
      scanFacts = { contentType: input.scan.contentType, size: scan.length, sha256 };
    }
    const head = await appendCaseEvents(
      tx,
      locked,
      [
        {
          kind: replaced ? 'document_replaced' : 'document_added',
          actor: actorOf(staff),
          office: locked.officeCode,
          details: {
            ...(replaced ? { before: replaced } : {}),
            after: { id: doc.id, name: doc.name, form: doc.form, pages: doc.pages },
            ...(scanFacts ? { scan: scanFacts } : {}),
          },
        },
      ],
      deps.now,
    );
    return { ...locked, ...head };
  });
  return toDto(deps.db, row, deps.now);
}

/** A document's scan; the view is an operation on the trail. */
export async function openScan(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  documentId: string,
): Promise<{ contentType: string; body: Buffer }> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    const doc = await repo.findDocument(tx, locked.id, documentId);
    const scan = doc ? await repo.findScan(tx, doc.id) : undefined;
    if (!doc || !scan) throw notFound('scan');
    await appendCaseEvents(
      tx,
      locked,
      [
        {
          kind: 'scan_viewed',
          actor: actorOf(staff),
          office: locked.officeCode,
          details: { document: doc.id, name: doc.name },
        },
      ],
      deps.now,
    );
    return { contentType: scan.contentType, body: Buffer.from(deps.cipher.open(scan.sealed), 'base64') };
  });
}

// ── the applicant in full ───────────────────────────────────────────────────────────────────────────────

/** The full personal data of a case's applicant: the view is on the case's trail and in the security log. */
export async function viewApplicant(deps: CaseDeps, staff: CaseStaff, id: string): Promise<FullApplicant> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    const applicant = await repo.findApplicant(tx, locked.applicantId);
    await appendCaseEvents(
      tx,
      locked,
      [
        {
          kind: 'personal_data_viewed',
          actor: actorOf(staff),
          office: locked.officeCode,
          details: { what: 'applicant' },
        },
      ],
      deps.now,
    );
    await recordSecurityEvent(tx, {
      event: 'personal_data_view',
      result: 'ok',
      userId: staff.userId,
      login: staff.login,
      ip: staff.client?.ip ?? null,
      userAgent: staff.client?.userAgent ?? null,
      details: { what: 'case_applicant', ref: locked.number },
    });
    return openApplicant(applicant, deps.cipher);
  });
}

/** The working day after `date` (the last day a package accepted on `date` may leave on time). */
export const nextWorkingDay = async (db: Db, date: string) =>
  addWorkingDays(await productionCalendar(db), date, 1);

export const stageTitle = (row: Pick<CaseRow, 'card'>, code: string) =>
  stageWords(row.card.stages, code)?.title ?? code;
