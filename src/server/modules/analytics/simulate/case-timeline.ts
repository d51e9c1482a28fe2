import { issuedStage, readyStage, refusedStage, returnedStage } from '../../../../shared/case-route.js';
import type { CaseCard } from '../../cases/case-card.js';
import { caseEventHash, caseGenesis } from '../../cases/case-trail.js';
import type { FastCalendar } from './fast-calendar.js';
import type { Rng } from './prng.js';
import { caseLateShare, caseRefusedShare, collectDays, resultNeverCollectedShare } from './profiles.js';

/**
 * A simulated case's life (pure): the stages of its service's published card one at a time, the result on
 * time for most (a working day between acceptance and the due date), late for some, refused for a few; the
 * result collected some days later or, rarely, returned after the storage term. Whatever lies past the end of
 * the simulated period has not happened yet: the case stops at the stage it had reached by then.
 */

export type StageAt = { code: string; at: number };

export type CaseLife = {
  dueDate: string;
  stageLog: StageAt[];
  final: boolean;
  resultAt: number | null;
  resultOnTime: boolean | null;
  storageUntil: string | null;
  issuedAt: number | null;
};

/** Local wall-clock time of a date → epoch ms, for a zone with a fixed offset on that day. */
export type ToInstant = (date: string, minuteOfDay: number) => number;
export type ToLocalDate = (instant: number) => string;

export function caseLife(input: {
  card: CaseCard;
  calendar: FastCalendar;
  acceptedAt: number;
  acceptedOn: string;
  /** The end of the simulated period (epoch ms): nothing happens after it. */
  horizon: number;
  defaultKeepDays: number;
  rng: Rng;
  toInstant: ToInstant;
}): CaseLife {
  const { card, calendar, acceptedAt, acceptedOn, horizon, rng, toInstant } = input;
  const codes = card.stages.map((s) => s.code);
  const dueDate = calendar.dueDate(acceptedOn, card.term);
  const readyIndex = codes.indexOf(readyStage);
  const resultIndex = readyIndex >= 0 ? readyIndex : codes.length - 1;
  // services the МФЦ itself does on the spot (a Госуслуги account, a consultation): done at the visit
  const immediate = card.term.days <= 1 && card.agency?.code === 'mfc';
  const log: StageAt[] = [{ code: codes[0], at: acceptedAt }];

  let resultAt: number;
  let resultOn: string;
  if (immediate) {
    resultAt = acceptedAt + 60_000 * rng.between(1, 10);
    resultOn = acceptedOn;
  } else {
    const span = Math.max(1, calendar.countWorkingDays(calendar.addCalendarDays(acceptedOn, 1), dueDate));
    const late = rng.chance(caseLateShare);
    resultOn = late
      ? calendar.addWorkingDays(dueDate, rng.between(1, 6))
      : calendar.addWorkingDays(acceptedOn, Math.max(1, span - rng.int(Math.ceil(span * 0.6))));
    resultAt = toInstant(resultOn, rng.between(9 * 60, 17 * 60));
  }
  const refused = !immediate && rng.chance(caseRefusedShare);
  // the stages between acceptance and the result, spread over the time between them
  const lastBefore = refused ? Math.max(1, rng.int(resultIndex)) : resultIndex;
  for (let i = 1; i < lastBefore; i++) {
    const at = Math.round(acceptedAt + ((resultAt - acceptedAt) * i) / lastBefore);
    log.push({ code: codes[i], at });
  }
  log.push({ code: refused ? refusedStage : codes[resultIndex], at: resultAt });
  let storageUntil: string | null = null;
  let issuedAt: number | null = null;
  if (!refused && codes[resultIndex] === readyStage) {
    storageUntil = calendar.addCalendarDays(resultOn, card.keepResultDays ?? input.defaultKeepDays);
    const next = codes[resultIndex + 1];
    if (next !== undefined) {
      if (rng.chance(resultNeverCollectedShare)) {
        log.push({ code: returnedStage, at: toInstant(calendar.addCalendarDays(storageUntil, 1), 10 * 60) });
      } else {
        const day = calendar.addWorkingDays(resultOn, rng.between(collectDays[0], collectDays[1]));
        const drawn = immediate ? resultAt + 60_000 : toInstant(day, rng.between(9 * 60, 18 * 60));
        const at = drawn > resultAt ? drawn : resultAt + 60_000 * rng.between(10, 120);
        log.push({ code: next, at });
        if (next === issuedStage) issuedAt = at;
      }
    }
  } else if (!refused && immediate && codes.at(-1) !== codes[resultIndex]) {
    log.push({ code: codes[codes.length - 1], at: resultAt + 60_000 });
  }
  // what has happened by the end of the period
  const happened = log.filter((s) => s.at <= horizon);
  const reached = happened.at(-1)?.code ?? codes[0];
  const result = happened.find((s) => s.code === refusedStage || s.code === codes[resultIndex]);
  const stageIndex = codes.indexOf(reached);
  const final = reached === refusedStage || reached === returnedStage || stageIndex === codes.length - 1;
  if (happened.length < log.length && issuedAt !== null && issuedAt > horizon) issuedAt = null;
  return {
    dueDate,
    stageLog: happened,
    final,
    resultAt: result ? result.at : null,
    resultOnTime: result ? resultOn <= dueDate : null,
    storageUntil: result && !refused ? storageUntil : null,
    issuedAt: happened.some((s) => s.code === issuedStage) ? issuedAt : null,
  };
}

export type TrailEvent = {
  caseId: string;
  seq: number;
  at: number;
  kind: 'accepted' | 'transition' | 'issued';
  office: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

/**
 * The case's trail as `okno audit verify` checks it: the acceptance, then one event per stage reached,
 * chained by hash exactly as the cases module chains them (case-trail.ts). okno itself is the actor.
 */
export function caseTrail(input: {
  caseId: string;
  number: string;
  office: string;
  service: string;
  version: number;
  ticketId: string;
  life: CaseLife;
  toLocalDate: ToLocalDate;
}): TrailEvent[] {
  const { caseId, number, office, life } = input;
  const events: TrailEvent[] = [];
  let prev = caseGenesis;
  const push = (at: number, kind: TrailEvent['kind'], details: Record<string, unknown>) => {
    const seq = events.length + 1;
    const hash = caseEventHash(prev, {
      caseId,
      seq,
      at: new Date(at).toISOString(),
      kind,
      actorId: null,
      actorName: null,
      office,
      details,
    });
    events.push({ caseId, seq, at, kind, office, details, prevHash: prev, hash });
    prev = hash;
  };
  const [first, ...rest] = life.stageLog;
  push(first.at, 'accepted', {
    number,
    service: input.service,
    version: input.version,
    channel: 'window',
    ticket: input.ticketId,
    feePaid: false,
    dueDate: life.dueDate,
    documents: [],
    simulated: true,
  });
  let before = first.code;
  for (const stage of rest) {
    const reachesResult = life.resultAt === stage.at && stage.code !== returnedStage;
    const issue = stage.code === issuedStage && before === readyStage;
    push(stage.at, issue ? 'issued' : 'transition', {
      before,
      after: stage.code,
      via: issue ? 'issue' : 'transition',
      ...(reachesResult ? { resultOnTime: input.toLocalDate(stage.at) <= life.dueDate } : {}),
      ...(stage.code === readyStage ? { storageUntil: life.storageUntil } : {}),
      ...(issue ? { receivedBy: 'applicant' } : {}),
    });
    before = stage.code;
  }
  return events;
}
