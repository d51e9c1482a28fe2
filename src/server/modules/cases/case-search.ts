import { addWorkingDays } from '../../../shared/calendar.js';
import type { CasePage, CaseSearchQuery, CaseWorkCounts } from '../../../shared/cases.js';
import { nowInTimeZone } from '../../../shared/office-hours.js';
import type { Db } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../db/keyset.js';
import { badRequest } from '../../errors.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { productionCalendar, regionTimeZone } from '../network/network.service.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { normalName } from './case-applicant.js';
import { toCaseListItem } from './cases.mappers.js';
import { searchCases, workCounts } from './cases.repository.js';

/**
 * Search and work lists of cases for staff, newest first, keyset-paginated, narrowed to the scope by the
 * database. The applicant is found by keyed hashes (a person's surname, the phone) or a business's ИНН; the
 * answer shows them masked. Dates of the lists are the region's (each office's zone differs by minutes of
 * the day at most in one region).
 */
export async function findCases(
  deps: { db: Db; cipher: PersonalDataCipher; now: Date },
  scope: ActorScope,
  q: CaseSearchQuery,
): Promise<CasePage> {
  const { db, cipher, now } = deps;
  const cursor = q.after === undefined ? undefined : decodeCursor(q.after);
  if (q.after !== undefined && !cursor) throw badRequest('invalid querystring.after: not a page cursor');
  const days = await listDays(db, now);
  const applicant = q.applicant?.trim();
  const inn = applicant && /^\d{10}(\d{2})?$/.test(applicant) ? applicant : undefined;
  const search = {
    ...q,
    cursor,
    phoneHash: q.phone ? cipher.lookupHash('phone', q.phone) : undefined,
    nameHash: applicant && !inn ? cipher.lookupHash('name', normalName(applicant)) : undefined,
    inn,
    ...days,
  };
  const found = await searchCases(db, scope, search, q.limit);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toCaseListItem(r, days)),
    next: found.length > q.limit && last ? encodeCursor({ key: last.row.acceptedAt, id: last.row.id }) : null,
  };
}

/** The dates the work lists are drawn by: today (the region's), two working days ahead, the sending rule's. */
async function listDays(db: Db, now: Date) {
  const calendar = await productionCalendar(db);
  const today = nowInTimeZone(await regionTimeZone(db), now).date;
  return {
    today,
    soon: addWorkingDays(calendar, today, 2),
    // accepted before the previous working day: the next working day after acceptance has passed
    sendLateBefore: addWorkingDays(calendar, today, -1),
  };
}

export async function caseWorkCounts(
  deps: { db: Db; now: Date },
  scope: ActorScope,
  q: { office?: string; agency?: string },
): Promise<CaseWorkCounts> {
  const days = await listDays(deps.db, deps.now);
  return { today: days.today, items: await workCounts(deps.db, scope, { ...q, ...days }) };
}
