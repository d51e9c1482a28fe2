import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CallcenterCase, CallerCase } from '../../../shared/callcenter.js';
import { parsePin } from '../../../shared/case-number.js';
import type { CaseStatus } from '../../../shared/cases.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { officeCard } from '../network/network.service.js';
import { caseRatingToken } from '../quality/rating-token.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { openApplicant, toMaskedApplicant } from './case-applicant.js';
import { appendCaseEvents, type CaseActor } from './case-trail.js';
import { currentStage, toCaseStatus } from './cases.mappers.js';
import { caseScope } from './cases.repository.js';
import { type CaseApplicantRow, type CaseRow, caseApplicants, cases } from './cases.schema.js';

/**
 * The cases module's answers to the call center (issue 8): the cases whose applicant gave a phone number
 * (found by the keyed phone hash the outbox and bookings use) — masked, or in full on a verified call, each
 * full view an operation on the case's trail — and a case by its number with its status and the applicant
 * masked. The call center never reads the cases' tables itself.
 */

/** How many closed cases are shown after the open ones (which a phone rarely has more than a few of). */
const closedShown = 5;
const openShown = 50;

/** `48-2026-•••1234`: the region and the year, and the sequence's last four digits. */
export const maskCaseNumber = (number: string) => {
  const [region, year, sequence] = number.split('-');
  return sequence
    ? `${region}-${year}-${'•'.repeat(Math.max(0, sequence.length - 4))}${sequence.slice(-4)}`
    : number;
};

type Office = { code: string; name: string; address: string; timeZone: string };

async function officesOf(db: Db, rows: readonly CaseRow[]): Promise<Map<string, Office>> {
  const codes = [...new Set(rows.map((r) => r.officeCode))];
  const cards = await Promise.all(codes.map((code) => officeCard(db, code)));
  return new Map(
    cards.flatMap((o) =>
      o ? [[o.code, { code: o.code, name: o.name, address: o.address, timeZone: o.timeZone }] as const] : [],
    ),
  );
}

/** The status as GET /api/status answers it (the same mapper and the same office's card). */
const statusOf = (row: CaseRow, office: Office | undefined, cipher: PersonalDataCipher): CaseStatus =>
  toCaseStatus(
    row,
    office ?? { code: row.officeCode, name: row.officeCode, address: '', timeZone: 'UTC' },
    caseRatingToken(cipher, row.id),
  );

async function casesWithPhone(db: Db, phoneHash: string, lock: boolean) {
  const query = (open: boolean) => {
    const q = db
      .select({ c: cases, a: caseApplicants })
      .from(cases)
      .innerJoin(caseApplicants, eq(caseApplicants.id, cases.applicantId))
      .where(and(eq(caseApplicants.phoneHash, phoneHash), eq(cases.final, !open)))
      .orderBy(desc(cases.acceptedAt), asc(cases.id))
      .limit(open ? openShown : closedShown);
    // a full view appends to each case's trail: its row is locked like every other operation's
    return lock ? q.for('update', { of: cases }) : q;
  };
  const [open, closed] = await Promise.all([query(true), query(false)]);
  return [...open, ...closed];
}

/**
 * The cases of a phone number. Masked unless `full`, which the caller (the call center, on the operator's
 * verified call, in one transaction with its own security-log entry) asks with the viewer: each case shown
 * in full gets a `personal_data_viewed` event on its trail.
 */
export async function casesOfPhone(
  db: Db,
  phoneHash: string,
  cipher: PersonalDataCipher,
  options: { full: false } | { full: true; viewer: CaseActor; ref: string; now: Date },
): Promise<CallerCase[]> {
  const rows = await casesWithPhone(db, phoneHash, options.full);
  if (rows.length === 0) return [];
  const offices = await officesOf(
    db,
    rows.map((r) => r.c),
  );
  const result: CallerCase[] = [];
  for (const { c, a } of rows) {
    const office = offices.get(c.officeCode);
    const stage = currentStage(c);
    const base: CallerCase = {
      id: c.id,
      number: options.full ? c.number : maskCaseNumber(c.number),
      service: { code: c.serviceCode, title: c.card.title },
      stage: { code: stage.code, title: stage.title },
      final: c.final,
      acceptedOn: c.acceptedOn,
      dueDate: c.dueDate,
      pausedSince: c.pausedSince,
      office: { code: c.officeCode, name: office?.name ?? c.officeCode },
      applicantMasked: a.kind === 'person' ? hiddenSurname(a.displayName) : a.displayName,
      status: null,
      applicant: null,
    };
    if (options.full) {
      const full = openApplicant(a, cipher);
      await appendCaseEvents(
        db,
        c,
        [
          {
            kind: 'personal_data_viewed',
            actor: options.viewer,
            office: null,
            details: { what: 'applicant_contacts', channel: 'callcenter', ref: options.ref },
          },
        ],
        options.now,
      );
      result.push({
        ...base,
        status: statusOf(c, office, cipher),
        applicant: { name: fullName(a, full), phone: full.phone, email: full.email },
      });
    } else result.push(base);
  }
  return result;
}

function fullName(row: CaseApplicantRow, full: ReturnType<typeof openApplicant>): string {
  if (row.kind === 'business') return [full.name, full.representative].filter(Boolean).join(', ');
  return [full.lastName, full.firstName, full.middleName].filter(Boolean).join(' ');
}

/** Whether `pin` (as the caller read it out) is the PIN of one of the number's cases: a verification answer. */
export async function phoneHasCasePin(
  db: Db,
  phoneHash: string,
  pin: string,
  cipher: PersonalDataCipher,
): Promise<boolean> {
  const wanted = parsePin(pin);
  if (!wanted) return false;
  const rows = await db
    .select({ pin: cases.pin })
    .from(cases)
    .where(
      inArray(
        cases.applicantId,
        db
          .select({ id: caseApplicants.id })
          .from(caseApplicants)
          .where(eq(caseApplicants.phoneHash, phoneHash)),
      ),
    );
  return rows.some((r) => cipher.open(r.pin) === wanted);
}

/**
 * A case by its number in the staff member's scope (the call center's is the region), for the operator:
 * the status as the citizen sees it and the applicant masked — no PIN, the operator is signed in. 404 when
 * there is none in the scope.
 */
export async function caseByNumberForStaff(
  db: Db,
  cipher: PersonalDataCipher,
  number: string,
  scope: ActorScope,
): Promise<CallcenterCase> {
  const [found] = await db
    .select({ c: cases, a: caseApplicants })
    .from(cases)
    .innerJoin(caseApplicants, eq(caseApplicants.id, cases.applicantId))
    .where(and(eq(cases.number, number), caseScope(scope)));
  if (!found) throw notFound('case');
  const offices = await officesOf(db, [found.c]);
  return {
    id: found.c.id,
    status: statusOf(found.c, offices.get(found.c.officeCode), cipher),
    applicant: toMaskedApplicant(found.a),
  };
}

/**
 * «С*** Д. А.»: before the caller is verified the call center sees no surname (a booking hides it the same
 * way); the initials are enough to tell two cases of one phone apart.
 */
export function hiddenSurname(displayName: string): string {
  const [surname, ...initials] = displayName.split(' ');
  return [`${surname[0] ?? ''}***`, ...initials].join(' ');
}
