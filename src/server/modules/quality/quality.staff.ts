import { nowInTimeZone } from '../../../shared/office-hours.js';
import {
  type FollowUp,
  type RatingItem,
  type RatingListQuery,
  type RatingPage,
  ratingCriteria,
} from '../../../shared/ratings.js';
import type { Db } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../db/keyset.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { AppError, notFound } from '../../errors.js';
import type { Table } from '../../export/send-table.js';
import { regionTimeZone } from '../network/network.service.js';
import type { ActorScope } from '../staff/auth.policy.js';
import {
  closeFollowUp,
  type FollowUpRow,
  listFollowUps,
  listRatings,
  type RatingListRow,
} from './ratings.repository.js';

/** The staff side of ratings: the list and its flat export, the office head's follow-ups. */

const ts = (v: string | Date) => (v instanceof Date ? v.toISOString() : isoTimestamp(v));
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function toRatingItem(r: RatingListRow): RatingItem {
  return {
    id: r.id,
    subject: r.subject,
    ratedAt: ts(r.rated_at),
    date: r.visit_on,
    office: { code: r.office_code, name: r.office_name },
    service: r.service_code ? { code: r.service_code, title: r.service_title ?? r.service_code } : null,
    window: r.window_number,
    scores: {
      time: r.score_time,
      waiting: r.score_waiting,
      staff: r.score_staff,
      comfort: r.score_comfort,
      information: r.score_information,
    },
    comment: r.comment,
    source: r.source as RatingItem['source'],
    followUp: r.follow_up,
  };
}

export async function ratingPage(db: Db, scope: ActorScope, q: RatingListQuery): Promise<RatingPage> {
  const cursor = q.after === undefined ? undefined : decodeCursor(q.after);
  // only a cursor this list made: an instant and a uuid (anything else would reach the database's casts)
  if (
    q.after !== undefined &&
    (!cursor ||
      !uuidLike.test(cursor.id) ||
      typeof cursor.key !== 'string' ||
      !isoInstant.test(cursor.key) ||
      Number.isNaN(Date.parse(cursor.key)))
  )
    throw new AppError('VALIDATION', 'invalid querystring.after: not a page cursor', [
      { field: 'querystring.after', path: 'after', message: 'not a page cursor', code: 'cursor' },
    ]);
  const rows = await listRatings(db, scope, { ...q, low: q.low === 'true' }, cursor, q.limit + 1);
  const items = rows.slice(0, q.limit).map(toRatingItem);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > q.limit && last ? encodeCursor({ key: last.ratedAt, id: last.id }) : null,
  };
}

/** The flat export for the federal monitoring system: one row per rating, the criteria as columns. */
export async function ratingsTable(db: Db, scope: ActorScope, q: RatingListQuery): Promise<Table> {
  const rows: RatingListRow[] = [];
  let cursor: { key: string; id: string } | undefined;
  // the whole filtered set, a page at a time (the export has no page size)
  for (;;) {
    const page = await listRatings(db, scope, { ...q, low: q.low === 'true' }, cursor, 5000);
    rows.push(...page);
    const last = page.at(-1);
    if (page.length < 5000 || !last) break;
    cursor = { key: ts(last.rated_at), id: last.id };
  }
  return {
    name: 'ratings',
    header: [
      'rated_at',
      'visit_date',
      'subject',
      'office_code',
      'office',
      'service_code',
      'service',
      'window',
      ...ratingCriteria,
      'comment',
      'source',
    ],
    rows: rows.map((r) => [
      ts(r.rated_at),
      r.visit_on,
      r.subject,
      r.office_code,
      r.office_name,
      r.service_code,
      r.service_title,
      r.window_number,
      r.score_time,
      r.score_waiting,
      r.score_staff,
      r.score_comfort,
      r.score_information,
      r.comment,
      r.source,
    ]),
  };
}

function toFollowUp(r: FollowUpRow, today: string): FollowUp {
  const { followUp: _, ...rating } = toRatingItem(r);
  return {
    id: r.follow_up_id,
    office: { code: r.office_code, name: r.office_name },
    rating,
    openedOn: r.opened_on,
    dueOn: r.due_on,
    overdue: r.fu_status === 'open' && r.due_on < today,
    status: r.fu_status,
    outcome: r.outcome,
    closedAt: r.closed_at === null ? null : ts(r.closed_at),
    closedBy: r.closed_by_name,
  };
}

export async function followUps(
  deps: { db: Db; now: Date },
  scope: ActorScope,
  q: { status?: 'open' | 'overdue' | 'closed'; office?: string },
): Promise<{ items: FollowUp[] }> {
  const today = nowInTimeZone(await regionTimeZone(deps.db), deps.now).date;
  const rows = await listFollowUps(deps.db, scope, { ...q, today });
  return { items: rows.map((r) => toFollowUp(r, today)) };
}

/** The office head records what was done; a closed follow-up stays closed (409 ALREADY_CLOSED). */
export async function closeFollowUpOf(
  deps: { db: Db; now: Date },
  scope: ActorScope,
  id: string,
  outcome: string,
  userId: string,
): Promise<FollowUp> {
  const done = await closeFollowUp(deps.db, scope, id, outcome, userId, deps.now.toISOString());
  if (!done) throw notFound('follow-up');
  if (done === 'already') throw new AppError('ALREADY_CLOSED', 'this follow-up was closed already');
  const today = nowInTimeZone(await regionTimeZone(deps.db), deps.now).date;
  const [row] = await listFollowUps(deps.db, scope, { id, today });
  if (!row) throw notFound('follow-up');
  return toFollowUp(row, today);
}
