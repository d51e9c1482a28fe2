import type { Calendar } from '../../../shared/calendar.js';
import { caseDeadline, workingDaysLeft } from '../../../shared/case-deadline.js';
import { allowedTransitions, isFinalStage, type RouteStage, stageWords } from '../../../shared/case-route.js';
import type { Case, CaseEvent, CaseListItem, CaseStage, CaseStatus } from '../../../shared/cases.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { toMaskedApplicant } from './case-applicant.js';
import type {
  CaseApplicantRow,
  CaseDocumentRow,
  CaseEventRow,
  CaseRow,
  CaseSuspensionRow,
  StageLogEntry,
} from './cases.schema.js';

/** Case rows to DTOs. Timestamps become ISO 8601; the route reads the frozen card. */

/** The route as shown: the card's stages, and refused / returned when the case ended there. */
export function routeOf(
  card: { stages: RouteStage[] },
  stage: string,
  log: readonly StageLogEntry[],
): CaseStage[] {
  const at = new Map<string, string>();
  for (const entry of log) at.set(entry.code, isoTimestamp(entry.at));
  const codes = card.stages.map((s) => s.code);
  if (!codes.includes(stage)) codes.push(stage);
  return codes.map((code) => {
    const words = stageWords(card.stages, code) ?? { code, title: code, citizenText: code, notify: false };
    return { code, title: words.title, citizenText: words.citizenText, at: at.get(code) ?? null };
  });
}

export function currentStage(row: Pick<CaseRow, 'card' | 'stage' | 'stageAt'>): CaseStage {
  const words = stageWords(row.card.stages, row.stage);
  return {
    code: row.stage,
    title: words?.title ?? row.stage,
    citizenText: words?.citizenText ?? row.stage,
    at: isoTimestamp(row.stageAt),
  };
}

export type CaseFacts = {
  applicant: CaseApplicantRow;
  documents: { doc: CaseDocumentRow; hasScan: boolean }[];
  suspensions: CaseSuspensionRow[];
  officeName: string;
  acceptedBy: { id: string; name: string } | null;
  calendar: Calendar;
  today: string;
};

export function toCaseDto(row: CaseRow, f: CaseFacts): Case {
  const deadline = caseDeadline(
    f.calendar,
    row.acceptedOn,
    { days: row.termDays, kind: row.termKind },
    f.suspensions.map((s) => ({ from: s.fromDate, to: s.toDate, reason: s.note ?? s.reason })),
    f.today,
  );
  const done = row.resultAt !== null || row.final;
  return {
    id: row.id,
    number: row.number,
    office: { code: row.officeCode, name: f.officeName },
    service: { code: row.serviceCode, title: row.card.title, version: row.serviceVersion },
    agency: row.card.agency ? { code: row.card.agency.code, shortName: row.card.agency.shortName } : null,
    applicant: toMaskedApplicant(f.applicant),
    channel: row.channel,
    ticket: row.ticketId,
    feePaid: row.feePaid,
    fee: row.card.fee,
    stage: currentStage(row),
    stages: routeOf(row.card, row.stage, row.stageLog),
    allowedTransitions: allowedTransitions(row.card.stages, row.stage).map((code) => ({
      code,
      title: stageWords(row.card.stages, code)?.title ?? code,
    })),
    final: isFinalStage(row.card.stages, row.stage),
    term: { days: row.termDays, kind: row.termKind },
    acceptedAt: isoTimestamp(row.acceptedAt),
    acceptedBy: f.acceptedBy,
    baseDueDate: row.baseDueDate,
    dueDate: row.dueDate,
    pausedSince: row.pausedSince,
    overdue: !done && row.pausedSince === null && f.today > row.dueDate,
    daysLeft: done ? null : workingDaysLeft(f.calendar, row.dueDate, f.today),
    deadlineChanges: deadline.changes.filter((c) => row.pausedSince === null || c.from !== row.pausedSince),
    suspensions: f.suspensions.map((s) => ({
      id: s.id,
      reason: s.reason,
      note: s.note,
      from: s.fromDate,
      to: s.toDate,
      request: s.requestId,
    })),
    resultAt: row.resultAt ? isoTimestamp(row.resultAt) : null,
    storageUntil: row.storageUntil,
    issuedAt: row.issuedAt ? isoTimestamp(row.issuedAt) : null,
    documents: f.documents.map(({ doc, hasScan }) => ({
      id: doc.id,
      name: doc.name,
      form: doc.form,
      pages: doc.pages,
      hasScan,
      replaces: doc.replaces,
      replacedAt: doc.replacedAt ? isoTimestamp(doc.replacedAt) : null,
      addedAt: isoTimestamp(doc.addedAt),
    })),
    results: row.card.results,
  };
}

export function toCaseListItem(
  r: {
    row: CaseRow;
    applicantKind: 'person' | 'business';
    applicantName: string;
    applicantPhone: string | null;
  },
  p: { today: string; sendLateBefore: string },
): CaseListItem {
  const row = r.row;
  const done = row.resultAt !== null || row.final;
  return {
    id: row.id,
    number: row.number,
    office: row.officeCode,
    service: { code: row.serviceCode, title: row.card.title },
    agency: row.agencyCode,
    applicant: { kind: r.applicantKind, name: r.applicantName, phone: r.applicantPhone },
    stage: { code: row.stage, title: stageWords(row.card.stages, row.stage)?.title ?? row.stage },
    acceptedAt: isoTimestamp(row.acceptedAt),
    dueDate: row.dueDate,
    pausedSince: row.pausedSince,
    overdue: !done && row.pausedSince === null && p.today > row.dueDate,
    final: row.final,
    sendLate: row.stage === 'accepted' && !row.final && row.acceptedOn < p.sendLateBefore,
  };
}

export const toCaseEventDto = (e: CaseEventRow): CaseEvent => ({
  seq: e.seq,
  at: isoTimestamp(e.at),
  kind: e.kind,
  actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
  office: e.officeCode,
  details: e.details,
  prevHash: e.prevHash,
  hash: e.hash,
});

export function toCaseStatus(
  row: CaseRow,
  office: { code: string; name: string; address: string; timeZone: string },
  ratingToken: string | null,
): CaseStatus {
  const stages = routeOf(row.card, row.stage, row.stageLog);
  return {
    number: row.number,
    service: { code: row.serviceCode, title: row.card.title },
    agency: row.card.agency?.shortName ?? null,
    stage: currentStage(row),
    stages,
    final: isFinalStage(row.card.stages, row.stage),
    acceptedOn: row.acceptedOn,
    dueDate: row.dueDate,
    pausedSince: row.pausedSince,
    resultReady: row.stage === 'ready',
    issued: row.issuedAt !== null,
    collect: { office, until: row.storageUntil },
    ratingToken,
  };
}
