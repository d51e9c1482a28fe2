import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { CaseSearchQuery } from '../../../shared/cases.js';
import type { Db } from '../../db/client.js';
import { afterCursor, type Cursor } from '../../db/keyset.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import {
  type CaseApplicantRow,
  type CaseDocumentRow,
  type CaseRow,
  type CaseSuspensionRow,
  caseApplicants,
  caseDocuments,
  caseScans,
  caseSuspensions,
  cases,
} from './cases.schema.js';

/** The cases module's named queries. Scope is always a WHERE clause on the case's office and district. */

export const caseScope = (scope: ActorScope): SQL =>
  officeInScope(scope, sql`${cases.officeCode}`, sql`${cases.districtCode}`);

/** A case the actor's scope covers (locked for update when asked), else undefined. */
export async function findCaseInScope(
  db: Db,
  id: string,
  scope: ActorScope,
  lock = false,
): Promise<CaseRow | undefined> {
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), caseScope(scope)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function findCaseByNumber(db: Db, number: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.number, number));
  return row;
}

export async function findApplicant(db: Db, id: string): Promise<CaseApplicantRow> {
  const [row] = await db.select().from(caseApplicants).where(eq(caseApplicants.id, id));
  if (!row) throw new Error(`case applicant ${id} is missing`);
  return row;
}

export const applicantsByIds = async (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? new Map<string, CaseApplicantRow>()
    : new Map(
        (
          await db
            .select()
            .from(caseApplicants)
            .where(inArray(caseApplicants.id, [...new Set(ids)]))
        ).map((a) => [a.id, a]),
      );

export const documentsOf = (db: Db, caseId: string) =>
  db
    .select({
      doc: caseDocuments,
      hasScan: sql<boolean>`exists (select 1 from ${caseScans} s where s.document_id = ${caseDocuments.id})`,
    })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.position), asc(caseDocuments.addedAt));

export async function findDocument(db: Db, caseId: string, id: string): Promise<CaseDocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, id)));
  return row;
}

export async function findScan(db: Db, documentId: string) {
  const [row] = await db.select().from(caseScans).where(eq(caseScans.documentId, documentId));
  return row;
}

export const suspensionsOf = (db: Db, caseId: string): Promise<CaseSuspensionRow[]> =>
  db
    .select()
    .from(caseSuspensions)
    .where(eq(caseSuspensions.caseId, caseId))
    .orderBy(asc(caseSuspensions.fromDate), asc(caseSuspensions.createdAt));

export async function openSuspension(
  db: Db,
  caseId: string,
  id: string,
): Promise<CaseSuspensionRow | undefined> {
  const [row] = await db
    .select()
    .from(caseSuspensions)
    .where(
      and(eq(caseSuspensions.caseId, caseId), eq(caseSuspensions.id, id), isNull(caseSuspensions.toDate)),
    );
  return row;
}

export type CaseSearch = Omit<CaseSearchQuery, 'after' | 'phone' | 'applicant'> & {
  phoneHash?: string;
  /** A person's surname hash, or a business's name / ИНН as typed. */
  nameHash?: string;
  businessName?: string;
  inn?: string;
  cursor?: Cursor;
  /** The office's local today for work lists (the region's, for region-wide lists). */
  today: string;
  /** The date two working days ahead (due_soon). */
  soon: string;
  /** The last acceptance date still on time for sending (the working day before today). */
  sendLateBefore: string;
};

/** Conditions of a work list. */
function listCondition(list: CaseSearch['list'], q: CaseSearch): SQL | undefined {
  switch (list) {
    case 'to_send':
      return sql`${cases.stage} = 'accepted' and not ${cases.final}`;
    case 'overdue':
      return sql`${cases.resultAt} is null and not ${cases.final} and ${cases.pausedSince} is null and ${cases.dueDate} < ${q.today}`;
    case 'due_soon':
      return sql`${cases.resultAt} is null and not ${cases.final} and ${cases.pausedSince} is null and ${cases.dueDate} between ${q.today} and ${q.soon}`;
    case 'to_issue':
      return sql`${cases.stage} = 'ready'`;
    case 'suspended':
      return sql`${cases.pausedSince} is not null and not ${cases.final}`;
    case 'open':
      return sql`not ${cases.final}`;
    default:
      return undefined;
  }
}

/** Search and work lists, newest acceptance first, keyset-paginated, narrowed to the scope. */
export async function searchCases(db: Db, scope: ActorScope, q: CaseSearch, limit: number) {
  const applicantFilter: SQL[] = [];
  if (q.phoneHash) applicantFilter.push(sql`a.phone_hash = ${q.phoneHash}`);
  if (q.nameHash || q.businessName || q.inn) {
    const either: SQL[] = [];
    if (q.nameHash) either.push(sql`a.name_hash = ${q.nameHash}`);
    if (q.inn) either.push(sql`a.inn = ${q.inn}`);
    applicantFilter.push(sql`(${sql.join(either, sql` or `)})`);
  }
  const conditions: (SQL | undefined)[] = [
    caseScope(scope),
    q.number ? eq(cases.number, q.number) : undefined,
    q.office ? eq(cases.officeCode, q.office) : undefined,
    q.agency ? eq(cases.agencyCode, q.agency) : undefined,
    q.service ? eq(cases.serviceCode, q.service) : undefined,
    q.stage ? eq(cases.stage, q.stage) : undefined,
    q.from ? sql`${cases.acceptedOn} >= ${q.from}` : undefined,
    q.to ? sql`${cases.acceptedOn} <= ${q.to}` : undefined,
    listCondition(q.list, q),
    applicantFilter.length
      ? sql`${cases.applicantId} in (select a.id from ${caseApplicants} a where ${sql.join(applicantFilter, sql` and `)})`
      : undefined,
    afterCursor(sql`${cases.acceptedAt}`, sql`${cases.id}`, q.cursor, 'desc'),
  ];
  return db
    .select({
      row: cases,
      applicantKind: caseApplicants.kind,
      applicantName: caseApplicants.displayName,
      applicantPhone: caseApplicants.maskedPhone,
    })
    .from(cases)
    .innerJoin(caseApplicants, eq(caseApplicants.id, cases.applicantId))
    .where(and(...conditions))
    .orderBy(desc(cases.acceptedAt), desc(cases.id))
    .limit(limit + 1);
}

/** The work lists' sizes per office and agency among the open cases of the scope (one pass over open cases). */
export async function workCounts(
  db: Db,
  scope: ActorScope,
  q: { office?: string; agency?: string; today: string; soon: string; sendLateBefore: string },
) {
  const open = sql`${cases.resultAt} is null and not ${cases.final} and ${cases.pausedSince} is null`;
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;
  return db
    .select({
      office: cases.officeCode,
      agency: cases.agencyCode,
      toSend: count(sql`${cases.stage} = 'accepted'`),
      sendLate: count(sql`${cases.stage} = 'accepted' and ${cases.acceptedOn} < ${q.sendLateBefore}`),
      overdue: count(sql`${open} and ${cases.dueDate} < ${q.today}`),
      dueSoon: count(sql`${open} and ${cases.dueDate} between ${q.today} and ${q.soon}`),
      toIssue: count(sql`${cases.stage} = 'ready'`),
      suspended: count(sql`${cases.pausedSince} is not null`),
    })
    .from(cases)
    .where(
      and(
        caseScope(scope),
        sql`not ${cases.final}`,
        q.office ? eq(cases.officeCode, q.office) : undefined,
        q.agency ? eq(cases.agencyCode, q.agency) : undefined,
      ),
    )
    .groupBy(cases.officeCode, cases.agencyCode)
    .orderBy(asc(cases.officeCode), asc(cases.agencyCode));
}
