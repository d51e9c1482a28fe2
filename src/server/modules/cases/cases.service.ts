import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { caseDeadline } from '../../../shared/case-deadline.js';
import { formatCaseNumber } from '../../../shared/case-number.js';
import type { Case, CaseCreate, CaseCreated } from '../../../shared/cases.js';
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
import { staffNames } from '../staff/staff-names.js';
import { applicantRow } from './case-applicant.js';
import { freezeCard } from './case-card.js';
import { notifyStage } from './case-notify.js';
import { caseSettingsOf, nextCaseSequence } from './case-settings.js';
import { appendCaseEvents, type CaseActor, caseGenesis } from './case-trail.js';
import { toCaseDto } from './cases.mappers.js';
import * as repo from './cases.repository.js';
import { type CaseRow, caseApplicants, caseDocuments, cases } from './cases.schema.js';

/** Cases: acceptance and reading; the route, suspensions, documents and the full applicant have files of their own. */

export type CaseDeps = { db: Db; cipher: PersonalDataCipher; outbox: () => OutboxDeps; now: Date };

/** A signed-in staff member acting on cases, with the scope of the roles the route allows. */
export type CaseStaff = {
  userId: string;
  login: string;
  name: string;
  scope: ActorScope;
  client?: { ip?: string | null; userAgent?: string | null };
};

export const actorOf = (s: CaseStaff): CaseActor => ({ userId: s.userId, name: s.name });

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

/** What a rating of a case is tied to (modules/quality): its office, service and title, acceptance date. */
export async function caseForRating(db: Db, id: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) return undefined;
  return {
    id: row.id,
    number: row.number,
    officeCode: row.officeCode,
    districtCode: row.districtCode,
    serviceCode: row.serviceCode,
    title: row.card.title,
    acceptedOn: row.acceptedOn,
  };
}
