import { addDays } from '../../../shared/analytics-period.js';
import { nowInTimeZone } from '../../../shared/office-hours.js';
import {
  followUpDays,
  needsFollowUp,
  type RatingCreate,
  type RatingSaved,
  type RatingTarget,
} from '../../../shared/ratings.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { caseForRating } from '../cases/cases.service.js';
import { serviceTitles } from '../catalog/services.lookup.js';
import { officeCard } from '../network/network.service.js';
import { ticketForRating } from '../queue/tickets.service.js';
import { ratingFollowUps, ratings } from './quality.schema.js';
import { parseRatingToken } from './rating-token.js';
import { ratedAlready } from './ratings.repository.js';

export type RatingDeps = { db: Db; cipher: PersonalDataCipher; now: Date };

/** What a token rates, resolved through the queue's and the cases' services; undefined when unknown. */
async function subjectOf(deps: RatingDeps, token: string) {
  const parsed = parseRatingToken(deps.cipher, token);
  if (!parsed) return undefined;
  if (parsed.subject === 'visit') {
    const t = await ticketForRating(deps.db, parsed.id);
    if (!t?.finished) return undefined;
    const office = await officeCard(deps.db, t.officeCode);
    if (!office) return undefined;
    const [service] = t.serviceCode ? await serviceTitles(deps.db, [t.serviceCode]) : [];
    return {
      subject: 'visit' as const,
      id: t.id,
      office,
      service: service ?? (t.serviceCode ? { code: t.serviceCode, title: t.serviceCode } : null),
      date: t.day,
      caseNumber: null,
      windowNumber: t.windowNumber,
      operatorId: t.operatorId,
    };
  }
  const c = await caseForRating(deps.db, parsed.id);
  if (!c) return undefined;
  const office = await officeCard(deps.db, c.officeCode);
  if (!office) return undefined;
  return {
    subject: 'case' as const,
    id: c.id,
    office,
    service: { code: c.serviceCode, title: c.title },
    date: c.acceptedOn,
    // the number without its last four digits: the token's holder knows which case, a bystander learns nothing
    caseNumber: `${c.number.slice(0, -4)}····`,
    windowNumber: null,
    operatorId: null,
  };
}

/** GET /api/ratings/{token}: what is rated and whether it was rated already. */
export async function ratingTarget(deps: RatingDeps, token: string): Promise<RatingTarget> {
  const s = await subjectOf(deps, token);
  if (!s) throw notFound('rating link');
  return {
    subject: s.subject,
    office: { code: s.office.code, name: s.office.name, timeZone: s.office.timeZone },
    service: s.service,
    date: s.date,
    caseNumber: s.caseNumber,
    rated: await ratedAlready(deps.db, s.subject, s.id),
  };
}

/**
 * POST /api/ratings/{token}: one rating per visit or case (the table's unique keys decide, whatever the race);
 * a low score with a comment opens the office head's follow-up in the same transaction.
 */
export async function rate(deps: RatingDeps, token: string, input: RatingCreate): Promise<RatingSaved> {
  const s = await subjectOf(deps, token);
  if (!s) throw notFound('rating link');
  const today = nowInTimeZone(s.office.timeZone, deps.now).date;
  const followUp = needsFollowUp(input.scores, input.comment);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ratings)
      .values({
        subject: s.subject,
        ticketId: s.subject === 'visit' ? s.id : null,
        caseId: s.subject === 'case' ? s.id : null,
        officeCode: s.office.code,
        districtCode: s.office.districtCode,
        serviceCode: s.service?.code ?? null,
        windowNumber: s.windowNumber,
        operatorId: s.operatorId,
        visitOn: s.date,
        ratedOn: today,
        ratedAt: deps.now.toISOString(),
        scoreTime: input.scores.time,
        scoreWaiting: input.scores.waiting,
        scoreStaff: input.scores.staff,
        scoreComfort: input.scores.comfort,
        scoreInformation: input.scores.information,
        comment: input.comment ?? null,
        source: input.source ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: ratings.id });
    if (!row) throw new AppError('ALREADY_RATED', `this ${s.subject} was rated already`);
    if (followUp) {
      await tx.insert(ratingFollowUps).values({
        ratingId: row.id,
        officeCode: s.office.code,
        districtCode: s.office.districtCode,
        openedOn: today,
        dueOn: addDays(today, followUpDays),
      });
    }
    return { ratedAt: deps.now.toISOString(), followUp };
  });
}
