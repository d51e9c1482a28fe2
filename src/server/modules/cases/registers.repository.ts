import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { RegisterKind, RegisterStatus } from '../../../shared/case-registers.js';
import { readyStage, sentStage } from '../../../shared/case-route.js';
import { type Db, rows } from '../../db/client.js';
import { qualified } from '../../db/columns.js';
import { afterCursor, type Cursor } from '../../db/keyset.js';
import { lockKeyForTransaction } from '../../db/locks.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import {
  type CaseRegisterRow,
  type CaseRow,
  caseApplicants,
  caseRegisterItems,
  caseRegisters,
  cases,
} from './cases.schema.js';

/**
 * Registers of cases: the candidates of a new one, the registers and their items. Scope is a WHERE clause
 * on the register's (or case's) office and district.
 */

const registerScope = (scope: ActorScope) =>
  officeInScope(scope, qualified(caseRegisters.officeCode), qualified(caseRegisters.districtCode));

/** The position (1-based) of a stage code in the case's frozen route; null when the route has none. */
const stagePosition = (code: SQL) =>
  sql`(select s.i from jsonb_array_elements(${qualified(cases.card)}->'stages') with ordinality as s(v, i)
    where s.v->>'code' = ${code})`;

/** What makes a case a candidate of each kind of register (besides office, agency and open registers). */
function kindCondition(kind: RegisterKind, today: string): SQL {
  const here = stagePosition(qualified(cases.stage));
  const sent = stagePosition(sql`${sentStage}`);
  const ready = stagePosition(sql`${readyStage}`);
  switch (kind) {
    // accepted at the office, not yet gone to the agency: any stage of the route before `sent`
    case 'transfer':
      return sql`not ${qualified(cases.final)} and ${here} < ${sent}`;
    // at the agency: from `sent` up to (not including) `ready`
    case 'results':
      return sql`not ${qualified(cases.final)} and ${here} >= ${sent} and ${here} < ${ready}`;
    // waiting at the office past the storage term
    case 'return':
      return sql`${qualified(cases.stage)} = ${readyStage} and ${qualified(cases.storageUntil)} < ${today}`;
  }
}

/** In a register of this kind that is not closed yet (a draft, or handed over and not accepted). */
const inOpenRegister = (kind: RegisterKind) =>
  sql`exists (select 1 from ${caseRegisterItems} i join ${caseRegisters} r on r.id = i.register_id
    where i.case_id = ${qualified(cases.id)} and r.kind = ${kind} and r.status <> 'accepted')`;

export type RegisterCaseRow = { row: CaseRow; applicant: string };

/** The cases a new register of this kind would take, oldest first (at most `limit`). */
export async function registerCandidates(
  db: Db,
  p: { office: string; agency: string; kind: RegisterKind; today: string; ids?: readonly string[] },
  limit = 1000,
): Promise<RegisterCaseRow[]> {
  const found = await db
    .select({ row: cases, applicant: caseApplicants.displayName })
    .from(cases)
    .innerJoin(caseApplicants, eq(caseApplicants.id, cases.applicantId))
    .where(
      and(
        eq(cases.officeCode, p.office),
        eq(cases.agencyCode, p.agency),
        kindCondition(p.kind, p.today),
        sql`not ${inOpenRegister(p.kind)}`,
        p.ids ? inArray(cases.id, [...p.ids]) : undefined,
      ),
    )
    .orderBy(asc(cases.acceptedAt), asc(cases.id))
    .limit(limit);
  return found;
}

/** The register's next number of its office, kind and year: readable and unique (writers take turns per office). */
export async function nextRegisterNumber(
  tx: Db,
  p: { office: string; kind: RegisterKind; year: number },
): Promise<string> {
  await lockKeyForTransaction(tx, 'caseRegisterNumbers', p.office);
  const prefix = `${registerLetters[p.kind]}-${p.office}-${p.year}-`;
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${caseRegisters}
      where ${caseRegisters.officeCode} = ${p.office} and starts_with(${caseRegisters.number}, ${prefix})`,
  );
  return `${prefix}${String(row.n + 1).padStart(6, '0')}`;
}

/** РП: реестр передачи, РР: реестр результатов, РВ: реестр возврата. */
export const registerLetters: Record<RegisterKind, string> = { transfer: 'РП', results: 'РР', return: 'РВ' };

export async function insertRegister(
  tx: Db,
  r: typeof caseRegisters.$inferInsert,
  items: readonly { caseId: string; late: boolean }[],
): Promise<CaseRegisterRow> {
  const [made] = await tx.insert(caseRegisters).values(r).returning();
  if (items.length)
    await tx
      .insert(caseRegisterItems)
      .values(items.map((i) => ({ registerId: made.id, caseId: i.caseId, late: i.late })));
  return made;
}

export type RegisterListRow = CaseRegisterRow & { count: number; lateCount: number };

const counts = {
  count: sql<number>`(select count(*)::int from ${caseRegisterItems} i where i.register_id = ${qualified(caseRegisters.id)})`,
  lateCount: sql<number>`(select count(*)::int from ${caseRegisterItems} i where i.register_id = ${qualified(caseRegisters.id)} and i.late)`,
};

/** Registers in the scope, newest first, one keyset page (`limit + 1` rows). */
export async function listRegisters(
  db: Db,
  scope: ActorScope,
  q: { office?: string; agency?: string; kind?: RegisterKind; status?: RegisterStatus; limit: number },
  cursor: Cursor | undefined,
): Promise<RegisterListRow[]> {
  const found = await db
    .select({ register: caseRegisters, ...counts })
    .from(caseRegisters)
    .where(
      and(
        registerScope(scope),
        q.office ? eq(caseRegisters.officeCode, q.office) : undefined,
        q.agency ? eq(caseRegisters.agencyCode, q.agency) : undefined,
        q.kind ? eq(caseRegisters.kind, q.kind) : undefined,
        q.status ? eq(caseRegisters.status, q.status) : undefined,
        afterCursor(qualified(caseRegisters.createdAt), qualified(caseRegisters.id), cursor, 'desc'),
      ),
    )
    .orderBy(desc(caseRegisters.createdAt), desc(caseRegisters.id))
    .limit(q.limit + 1);
  return found.map((f) => ({ ...f.register, count: f.count, lateCount: f.lateCount }));
}

/** A register in the scope (locked for update when asked), or undefined. */
export async function findRegister(
  db: Db,
  id: string,
  scope: ActorScope,
  lock = false,
): Promise<CaseRegisterRow | undefined> {
  const query = db
    .select()
    .from(caseRegisters)
    .where(and(eq(caseRegisters.id, id), registerScope(scope)));
  const [found] = lock ? await query.for('update') : await query;
  return found;
}

export type RegisterItemRow = RegisterCaseRow & { late: boolean };

/** A register's cases in the order they were accepted. */
export async function registerItems(db: Db, registerId: string): Promise<RegisterItemRow[]> {
  return db
    .select({ row: cases, applicant: caseApplicants.displayName, late: caseRegisterItems.late })
    .from(caseRegisterItems)
    .innerJoin(cases, eq(cases.id, caseRegisterItems.caseId))
    .innerJoin(caseApplicants, eq(caseApplicants.id, cases.applicantId))
    .where(eq(caseRegisterItems.registerId, registerId))
    .orderBy(asc(cases.acceptedAt), asc(cases.id));
}

export async function updateRegister(
  tx: Db,
  id: string,
  set: Partial<typeof caseRegisters.$inferInsert>,
): Promise<CaseRegisterRow> {
  const [row] = await tx.update(caseRegisters).set(set).where(eq(caseRegisters.id, id)).returning();
  return row;
}

export async function setItemLate(tx: Db, registerId: string, caseId: string, late: boolean): Promise<void> {
  await tx
    .update(caseRegisterItems)
    .set({ late })
    .where(and(eq(caseRegisterItems.registerId, registerId), eq(caseRegisterItems.caseId, caseId)));
}

export async function deleteItem(tx: Db, registerId: string, caseId: string): Promise<boolean> {
  const gone = await tx
    .delete(caseRegisterItems)
    .where(and(eq(caseRegisterItems.registerId, registerId), eq(caseRegisterItems.caseId, caseId)))
    .returning({ caseId: caseRegisterItems.caseId });
  return gone.length > 0;
}

/** Counts a print of the register. */
export async function countPrint(tx: Db, id: string): Promise<CaseRegisterRow> {
  const [row] = await tx
    .update(caseRegisters)
    .set({ printed: sql`${caseRegisters.printed} + 1` })
    .where(eq(caseRegisters.id, id))
    .returning();
  return row;
}

/** Locks the cases of a register (in id order: two writers never deadlock on them). */
export async function lockCases(tx: Db, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(cases)
    .where(inArray(cases.id, [...ids]))
    .orderBy(asc(cases.id))
    .for('update');
}
