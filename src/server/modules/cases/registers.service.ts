import { addWorkingDays, type Calendar } from '../../../shared/calendar.js';
import type {
  Register,
  RegisterCandidates,
  RegisterCandidatesQuery,
  RegisterCase,
  RegisterCreate,
  RegisterKind,
  RegisterListQuery,
  RegisterPage,
  RegisterStatus,
  RegisterSummary,
} from '../../../shared/case-registers.js';
import { readyStage, returnedStage, sentStage, stageWords } from '../../../shared/case-route.js';
import { instantToLocal } from '../../../shared/zoned-time.js';
import type { Db } from '../../db/client.js';
import { decodeCursor, pageOf } from '../../db/keyset.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { renderRegister } from '../../pdf/case-register.js';
import { listAgencies } from '../catalog/agencies.service.js';
import { officeCard, productionCalendar } from '../network/network.service.js';
import { type ActorScope, actorScopeCovers } from '../staff/auth.policy.js';
import { staffNames } from '../staff/staff-names.js';
import { appendCaseEvents, type CaseActor } from './case-trail.js';
import type { CaseRegisterRow, CaseRow } from './cases.schema.js';
import { type CaseDeps, moveCase } from './cases.service.js';
import {
  countPrint,
  deleteItem,
  findRegister,
  insertRegister,
  listRegisters,
  lockCases,
  nextRegisterNumber,
  type RegisterCaseRow,
  registerCandidates,
  registerItems,
  setItemLate,
  updateRegister,
} from './registers.repository.js';

/**
 * Registers (issue 11): the back office lists what an agency should get (or send back) from an office,
 * builds a register of it, prints it, records the courier's handover and the other side's acceptance.
 * Every case of a register has each of these on its trail, written in the transaction of the change on the
 * case's locked row; a handover of a transfer register moves its cases to `sent`, the acceptance of a
 * results register moves them to `ready`, of a return register to `returned`.
 */

export type RegisterDeps = CaseDeps;

type Office = NonNullable<Awaited<ReturnType<typeof officeCard>>>;

/** The office in the scope, else 404 (an office out of scope reads as one that does not exist). */
async function officeInScope(db: Db, scope: ActorScope, code: string): Promise<Office> {
  const office = await officeCard(db, code);
  if (!office || !actorScopeCovers(scope, office.code, office.districtCode)) throw notFound('office');
  return office;
}

async function agencyNamed(db: Db, code: string): Promise<{ code: string; shortName: string } | undefined> {
  const found = (await listAgencies({ db })).find((a) => a.code === code);
  return found ? { code: found.code, shortName: found.shortName } : undefined;
}

const localToday = (now: Date, zone: string) => instantToLocal(now.getTime(), zone).date;

/**
 * Transfer: a package must go to the agency by the working day after acceptance (the law's rule); on
 * `day`, a case accepted on `acceptedOn` that has not gone yet is late.
 */
export const sentLate = (cal: Calendar, acceptedOn: string, day: string) =>
  day > addWorkingDays(cal, acceptedOn, 1);

const lateOf = (kind: RegisterKind, cal: Calendar, row: CaseRow, day: string) =>
  kind === 'transfer' && sentLate(cal, row.acceptedOn, day);

function toRegisterCase(r: RegisterCaseRow, late: boolean): RegisterCase {
  const stage = stageWords(r.row.card.stages, r.row.stage);
  return {
    id: r.row.id,
    number: r.row.number,
    service: { code: r.row.serviceCode, title: r.row.card.title },
    applicant: r.applicant,
    stage: { code: r.row.stage, title: stage?.title ?? r.row.stage },
    acceptedAt: isoTimestamp(r.row.acceptedAt),
    dueDate: r.row.dueDate,
    storageUntil: r.row.storageUntil,
    late,
  };
}

const actionsOf: Record<RegisterStatus, Register['actions']> = {
  draft: ['print', 'handover'],
  handed_over: ['print', 'accept'],
  accepted: ['print'],
};

async function summaries(
  db: Db,
  list: (CaseRegisterRow & { count: number; lateCount: number })[],
): Promise<RegisterSummary[]> {
  const offices = new Map<string, string>();
  for (const code of new Set(list.map((r) => r.officeCode)))
    offices.set(code, (await officeCard(db, code))?.name ?? code);
  const agencies = new Map((await listAgencies({ db })).map((a) => [a.code, a.shortName]));
  const names = await staffNames(
    db,
    list.flatMap((r) => (r.createdBy ? [r.createdBy] : [])),
  );
  return list.map((r) => {
    const by = r.createdBy ? names.get(r.createdBy) : undefined;
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      office: { code: r.officeCode, name: offices.get(r.officeCode) ?? r.officeCode },
      agency: { code: r.agencyCode, shortName: agencies.get(r.agencyCode) ?? r.agencyCode },
      createdAt: isoTimestamp(r.createdAt),
      createdBy: r.createdBy && by ? { id: r.createdBy, name: by.fullName } : null,
      handedOverAt: r.handedOverAt ? isoTimestamp(r.handedOverAt) : null,
      courier: r.courier,
      acceptedAt: r.acceptedAt ? isoTimestamp(r.acceptedAt) : null,
      acceptedBy: r.acceptedBy,
      printed: r.printed,
      count: r.count,
      lateCount: r.lateCount,
    };
  });
}

/** A register with its cases, as the API shows it. */
async function presentRegister(db: Db, register: CaseRegisterRow): Promise<Register> {
  const items = await registerItems(db, register.id);
  const [summary] = await summaries(db, [
    { ...register, count: items.length, lateCount: items.filter((i) => i.late).length },
  ]);
  return {
    ...summary,
    items: items.map((i) => toRegisterCase(i, i.late)),
    actions: actionsOf[register.status],
  };
}

export async function candidatesOf(
  deps: RegisterDeps,
  scope: ActorScope,
  q: RegisterCandidatesQuery,
): Promise<RegisterCandidates> {
  const office = await officeInScope(deps.db, scope, q.office);
  const today = localToday(deps.now, office.timeZone);
  const cal = await productionCalendar(deps.db);
  const found = await registerCandidates(deps.db, { ...q, today });
  return {
    office: q.office,
    agency: q.agency,
    kind: q.kind,
    items: found.map((r) => toRegisterCase(r, lateOf(q.kind, cal, r.row, today))),
  };
}

/** Builds a register of the candidates (all of them, or those named): each case's trail says so. */
export async function createRegister(
  deps: RegisterDeps,
  scope: ActorScope,
  actor: CaseActor,
  input: RegisterCreate,
): Promise<Register> {
  const { db, now } = deps;
  const office = await officeInScope(db, scope, input.office);
  if (!(await agencyNamed(db, input.agency))) throw invalidField('agency', `no agency ${input.agency}`);
  const today = localToday(now, office.timeZone);
  const cal = await productionCalendar(db);
  const made = await db.transaction(async (tx) => {
    const p = { office: input.office, agency: input.agency, kind: input.kind, today, ids: input.cases };
    // lock what looks like a candidate, then ask again: a register built meanwhile took its cases first
    await lockCases(
      tx,
      (await registerCandidates(tx, p)).map((r) => r.row.id),
    );
    const found = await registerCandidates(tx, p);
    if (input.cases) {
      const taken = new Set(found.map((r) => r.row.id));
      const missing = input.cases.filter((id) => !taken.has(id));
      if (missing.length)
        throw new AppError(
          'CONFLICT',
          `${missing.length} of the cases cannot go on this register (not candidates, or on another one)`,
          { cases: missing },
        );
    }
    if (found.length === 0) throw new AppError('CONFLICT', 'no case to put on this register', { cases: [] });
    const number = await nextRegisterNumber(tx, {
      office: input.office,
      kind: input.kind,
      year: Number(today.slice(0, 4)),
    });
    const items = found.map((r) => ({ caseId: r.row.id, late: lateOf(input.kind, cal, r.row, today) }));
    const register = await insertRegister(
      tx,
      {
        number,
        kind: input.kind,
        officeCode: office.code,
        districtCode: office.districtCode,
        agencyCode: input.agency,
        status: 'draft',
        createdAt: now.toISOString(),
        createdBy: actor?.userId ?? null,
      },
      items,
    );
    for (const [i, r] of found.entries())
      await appendCaseEvents(
        tx,
        r.row,
        [
          {
            kind: 'register_added',
            actor,
            office: office.code,
            details: { register: register.id, number, kind: input.kind, late: items[i].late },
          },
        ],
        now,
      );
    return register;
  });
  return presentRegister(db, made);
}

export async function registersOf(
  deps: RegisterDeps,
  scope: ActorScope,
  q: RegisterListQuery,
): Promise<RegisterPage> {
  const cursor = q.after === undefined ? undefined : decodeCursor(q.after);
  if (q.after !== undefined && !cursor) throw invalidField('after', 'not a page cursor', 'cursor');
  const found = await listRegisters(deps.db, scope, q, cursor);
  const page = pageOf(found, q.limit, (r) => ({ key: r.createdAt, id: r.id }));
  return { items: await summaries(deps.db, page.items), next: page.next };
}

export async function registerOf(deps: RegisterDeps, scope: ActorScope, id: string): Promise<Register> {
  const found = await findRegister(deps.db, id, scope);
  if (!found) throw notFound('register');
  return presentRegister(deps.db, found);
}

/** The printable register (counted on its row), and its number for the file name. */
export async function printRegister(
  deps: RegisterDeps,
  scope: ActorScope,
  id: string,
): Promise<{ number: string; pdf: Buffer }> {
  const found = await findRegister(deps.db, id, scope);
  if (!found) throw notFound('register');
  const printed = await deps.db.transaction((tx) => countPrint(tx, found.id));
  const register = await presentRegister(deps.db, printed);
  const office = await officeCard(deps.db, found.officeCode);
  const pdf = await renderRegister(register, {
    generatedAt: deps.now,
    timeZone: office?.timeZone ?? 'UTC',
    address: office?.address ?? null,
  });
  return { number: register.number, pdf };
}

/** The register, locked, in the scope and in one of the statuses; 404 / 409 otherwise. */
async function lockRegisterIn(
  tx: Db,
  scope: ActorScope,
  id: string,
  statuses: RegisterStatus[],
  action: string,
): Promise<CaseRegisterRow> {
  const register = await findRegister(tx, id, scope, true);
  if (!register) throw notFound('register');
  if (!statuses.includes(register.status))
    throw new AppError('INVALID_TRANSITION', `a register that is ${register.status} cannot be ${action}`, {
      status: register.status,
      allowed: actionsOf[register.status],
    });
  return register;
}

/**
 * Moves a locked case along its route up to `target` (each stage between passed on the trail); a case
 * already there or past it is left as it is.
 */
async function walkTo(
  tx: Db,
  deps: RegisterDeps,
  row: CaseRow,
  target: string,
  actor: CaseActor,
  via: Record<string, unknown>,
): Promise<CaseRow> {
  const codes = row.card.stages.map((s) => s.code);
  const goal = codes.indexOf(target);
  let current = row;
  for (let at = codes.indexOf(current.stage); at >= 0 && at < goal; at++)
    current = await moveCase(tx, deps, current, codes[at + 1], actor, { via: 'register', details: via });
  return current;
}

/** The courier took the register: its status, and on each case's trail; a transfer's cases go to `sent`. */
export async function handOverRegister(
  deps: RegisterDeps,
  scope: ActorScope,
  actor: CaseActor,
  id: string,
  courier: string,
): Promise<Register> {
  const { db, now } = deps;
  const cal = await productionCalendar(db);
  const updated = await db.transaction(async (tx) => {
    const register = await lockRegisterIn(tx, scope, id, ['draft'], 'handed over');
    const office = await officeCard(tx, register.officeCode);
    const today = localToday(now, office?.timeZone ?? 'UTC');
    const items = await registerItems(tx, register.id);
    const via = { register: register.id, number: register.number };
    for (const row of await lockCases(
      tx,
      items.map((i) => i.row.id),
    )) {
      // a package refused or already past `sent` meanwhile must not travel: take it off the draft first
      const codes = row.card.stages.map((s) => s.code);
      if (register.kind === 'transfer' && (row.final || codes.indexOf(row.stage) > codes.indexOf(sentStage)))
        throw new AppError(
          'INVALID_TRANSITION',
          `case ${row.number} is at ${row.stage}: take it off the register before the handover`,
          { case: row.id, number: row.number, stage: row.stage, allowed: [] },
        );
      const late = lateOf(register.kind, cal, row, today);
      if (register.kind === 'transfer') await setItemLate(tx, register.id, row.id, late);
      const head = await appendCaseEvents(
        tx,
        row,
        [
          {
            kind: 'register_handed_over',
            actor,
            office: register.officeCode,
            details: {
              ...via,
              kind: register.kind,
              courier,
              ...(register.kind === 'transfer' ? { late } : {}),
            },
          },
        ],
        now,
      );
      if (register.kind === 'transfer') await walkTo(tx, deps, { ...row, ...head }, sentStage, actor, via);
    }
    return updateRegister(tx, register.id, {
      status: 'handed_over',
      handedOverAt: now.toISOString(),
      handedOverBy: actor?.userId ?? null,
      courier,
    });
  });
  return presentRegister(db, updated);
}

/**
 * The receiving side signed the register: on each case's trail; a results register's cases are at the
 * office (`ready`), a return register's went back to the agency (`returned`).
 */
export async function acceptRegister(
  deps: RegisterDeps,
  scope: ActorScope,
  actor: CaseActor,
  id: string,
  acceptedBy: string,
): Promise<Register> {
  const { db, now } = deps;
  const updated = await db.transaction(async (tx) => {
    const register = await lockRegisterIn(tx, scope, id, ['handed_over'], 'accepted');
    const items = await registerItems(tx, register.id);
    const via = { register: register.id, number: register.number };
    for (const row of await lockCases(
      tx,
      items.map((i) => i.row.id),
    )) {
      // a result collected after the register was handed over stays issued: the trail says it did not go back
      const returning = register.kind === 'return' && row.stage === readyStage;
      const head = await appendCaseEvents(
        tx,
        row,
        [
          {
            kind: 'register_accepted',
            actor,
            office: register.officeCode,
            details: {
              ...via,
              kind: register.kind,
              acceptedBy,
              ...(register.kind === 'return' && !returning ? { returned: false, stage: row.stage } : {}),
            },
          },
        ],
        now,
      );
      const locked = { ...row, ...head };
      if (register.kind === 'results') await walkTo(tx, deps, locked, readyStage, actor, via);
      if (returning)
        await moveCase(tx, deps, locked, returnedStage, actor, { via: 'register', details: via });
    }
    return updateRegister(tx, register.id, { status: 'accepted', acceptedAt: now.toISOString(), acceptedBy });
  });
  return presentRegister(db, updated);
}

/** Takes a case off a draft register (it is a candidate again). */
export async function removeFromRegister(
  deps: RegisterDeps,
  scope: ActorScope,
  actor: CaseActor,
  id: string,
  caseId: string,
): Promise<Register> {
  const { db, now } = deps;
  const updated = await db.transaction(async (tx) => {
    const register = await lockRegisterIn(tx, scope, id, ['draft'], 'changed');
    const [row] = await lockCases(tx, [caseId]);
    if (!row || !(await deleteItem(tx, register.id, caseId))) throw notFound('case on this register');
    await appendCaseEvents(
      tx,
      row,
      [
        {
          kind: 'register_removed',
          actor,
          office: register.officeCode,
          details: { register: register.id, number: register.number, kind: register.kind },
        },
      ],
      now,
    );
    return register;
  });
  return presentRegister(db, updated);
}
