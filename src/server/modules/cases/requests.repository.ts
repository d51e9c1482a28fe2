import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { RequestStatus } from '../../../shared/case-registers.js';
import { type Db, rows } from '../../db/client.js';
import { qualified } from '../../db/columns.js';
import { afterCursor, type Cursor } from '../../db/keyset.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import { type AgencyRequestRow, agencyRequests, caseSuspensions, cases } from './cases.schema.js';

/** Interagency requests: the staff's lists and reads (scope as a WHERE clause) and the worker's claims. */

const requestScope = (scope: ActorScope) =>
  officeInScope(scope, qualified(agencyRequests.officeCode), qualified(agencyRequests.districtCode));

/** Not sent by its send-by day, or sent and not answered by its due day (`today` excluded from both). */
export const sendOverdueSql = (today: string) =>
  sql`(${qualified(agencyRequests.status)} in ('queued', 'failed') and ${qualified(agencyRequests.sentAt)} is null
    and ${qualified(agencyRequests.sendBy)} < ${today})`;
export const answerOverdueSql = (today: string) =>
  sql`(${qualified(agencyRequests.status)} = 'sent' and ${qualified(agencyRequests.answerDue)} < ${today})`;

export async function insertRequest(
  tx: Db,
  r: typeof agencyRequests.$inferInsert,
): Promise<AgencyRequestRow> {
  const [made] = await tx.insert(agencyRequests).values(r).returning();
  return made;
}

export type RequestWithCase = { request: AgencyRequestRow; caseNumber: string };

export async function listRequests(
  db: Db,
  scope: ActorScope,
  q: {
    case?: string;
    office?: string;
    agency?: string;
    status?: RequestStatus;
    overdue?: 'true' | 'false';
    limit: number;
  },
  today: string,
  cursor: Cursor | undefined,
): Promise<RequestWithCase[]> {
  const overdue: SQL = sql`(${sendOverdueSql(today)} or ${answerOverdueSql(today)})`;
  return db
    .select({ request: agencyRequests, caseNumber: cases.number })
    .from(agencyRequests)
    .innerJoin(cases, eq(cases.id, agencyRequests.caseId))
    .where(
      and(
        requestScope(scope),
        q.case ? eq(agencyRequests.caseId, q.case) : undefined,
        q.office ? eq(agencyRequests.officeCode, q.office) : undefined,
        q.agency ? eq(agencyRequests.agencyCode, q.agency) : undefined,
        q.status ? eq(agencyRequests.status, q.status) : undefined,
        q.overdue === 'true' ? overdue : q.overdue === 'false' ? sql`not ${overdue}` : undefined,
        afterCursor(qualified(agencyRequests.createdAt), qualified(agencyRequests.id), cursor, 'desc'),
      ),
    )
    .orderBy(desc(agencyRequests.createdAt), desc(agencyRequests.id))
    .limit(q.limit + 1);
}

/** A request in the scope with its case's number (locked for update when asked), or undefined. */
export async function findRequest(
  db: Db,
  id: string,
  scope: ActorScope,
  lock = false,
): Promise<RequestWithCase | undefined> {
  const query = db
    .select({ request: agencyRequests, caseNumber: cases.number })
    .from(agencyRequests)
    .innerJoin(cases, eq(cases.id, agencyRequests.caseId))
    .where(and(eq(agencyRequests.id, id), requestScope(scope)));
  const [found] = lock ? await query.for('update', { of: agencyRequests }) : await query;
  return found;
}

export type ClaimedRequest = AgencyRequestRow & { caseNumber: string };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Takes up to `limit` due requests in `status` for this worker: holds them until `holdUntil` (a worker
 * that dies leaves them due again then) and, for sends, counts the attempt. `SKIP LOCKED`: any number of
 * workers on any number of instances claim at once without waiting on or sharing a row.
 */
export async function claimDue(
  db: Db,
  p: { status: 'queued' | 'sent'; now: Date; holdUntil: Date; limit: number },
): Promise<ClaimedRequest[]> {
  const r = agencyRequests;
  const attempts = p.status === 'queued' ? sql`${r}.attempts + 1` : sql`${r}.attempts`;
  return rows<ClaimedRequest>(
    db,
    sql`with due as (
          select ${r.id} from ${r}
          where ${r.status} = ${p.status} and ${r.nextAttemptAt} <= ${ts(p.now)}
          order by ${r.nextAttemptAt}
          limit ${p.limit}
          for update skip locked
        )
        update ${r} set attempts = ${attempts}, next_attempt_at = ${ts(p.holdUntil)}
        from due where ${r}.id = due.id
        returning ${r}.id, ${r}.case_id as "caseId", ${r}.office_code as "officeCode",
          ${r}.district_code as "districtCode", ${r}.agency_code as "agencyCode", ${r}.subject, ${r}.status,
          ${r}.created_at as "createdAt", ${r}.created_by as "createdBy", ${r}.send_by as "sendBy",
          ${r}.answer_due as "answerDue", ${r}.sent_at as "sentAt", ${r}.external_id as "externalId",
          ${r}.attempts, ${r}.next_attempt_at as "nextAttemptAt", ${r}.last_error as "lastError",
          ${r}.answered_at as "answeredAt", ${r}.answer,
          (select c.number from ${cases} c where c.id = ${r}.case_id) as "caseNumber"`,
  );
}

/** The request, locked, when it is still as the worker claimed it (status and attempt); else undefined. */
export async function lockClaimed(
  tx: Db,
  claimed: Pick<AgencyRequestRow, 'id' | 'status' | 'attempts'>,
): Promise<AgencyRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(agencyRequests)
    .where(
      and(
        eq(agencyRequests.id, claimed.id),
        eq(agencyRequests.status, claimed.status),
        eq(agencyRequests.attempts, claimed.attempts),
      ),
    )
    .for('update');
  return row;
}

export async function updateRequest(
  tx: Db,
  id: string,
  set: Partial<typeof agencyRequests.$inferInsert>,
): Promise<AgencyRequestRow> {
  const [row] = await tx.update(agencyRequests).set(set).where(eq(agencyRequests.id, id)).returning();
  return row;
}

/** The suspension a request put on its case, while it is on. */
export async function openSuspensionOf(
  tx: Db,
  caseId: string,
  requestId: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: caseSuspensions.id })
    .from(caseSuspensions)
    .where(
      and(
        eq(caseSuspensions.caseId, caseId),
        eq(caseSuspensions.requestId, requestId),
        isNull(caseSuspensions.toDate),
      ),
    );
  return row?.id;
}
