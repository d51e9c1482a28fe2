import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.js';
import { afterCursor, type Cursor } from '../../db/keyset.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import { ratingFollowUps, ratings } from './quality.schema.js';

/** The quality module's named queries; the scope is always a WHERE clause on the rating's office. */

export async function ratedAlready(db: Db, subject: 'visit' | 'case', id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ratings.id })
    .from(ratings)
    .where(subject === 'visit' ? eq(ratings.ticketId, id) : eq(ratings.caseId, id));
  return row !== undefined;
}

export type RatingFilter = {
  from?: string;
  to?: string;
  district?: string;
  office?: string;
  service?: string;
  low?: boolean;
};

const ratingScope = (scope: ActorScope): SQL =>
  officeInScope(scope, sql`r.office_code`, sql`r.district_code`);

const ratingColumns = sql`r.id, r.subject, r.rated_at, r.rated_on, r.visit_on, r.office_code, o.name as office_name,
  r.service_code, coalesce(v.title, r.service_code) as service_title, r.window_number, r.score_time, r.score_waiting,
  r.score_staff, r.score_comfort, r.score_information, r.comment, r.source`;
const ratingJoins = sql`join offices o on o.code = r.office_code
  left join services s on s.code = r.service_code
  left join service_versions v on v.service_code = s.code and v.version = s.published_version`;

export type RatingListRow = {
  id: string;
  subject: 'visit' | 'case';
  rated_at: string | Date;
  rated_on: string;
  visit_on: string;
  office_code: string;
  office_name: string;
  service_code: string | null;
  service_title: string | null;
  window_number: number | null;
  score_time: number;
  score_waiting: number;
  score_staff: number;
  score_comfort: number;
  score_information: number;
  comment: string | null;
  source: string | null;
  follow_up: 'open' | 'closed' | null;
};

/** Ratings in the scope, newest first (keyset by rated_at, id). */
export async function listRatings(
  db: Db,
  scope: ActorScope,
  f: RatingFilter,
  cursor: Cursor | undefined,
  limit: number,
): Promise<RatingListRow[]> {
  const where = [
    ratingScope(scope),
    f.from ? sql`r.rated_on >= ${f.from}` : undefined,
    f.to ? sql`r.rated_on <= ${f.to}` : undefined,
    f.office ? sql`r.office_code = ${f.office}` : undefined,
    f.district ? sql`r.district_code = ${f.district}` : undefined,
    f.service ? sql`r.service_code = ${f.service}` : undefined,
    f.low
      ? sql`least(r.score_time, r.score_waiting, r.score_staff, r.score_comfort, r.score_information) < 3`
      : undefined,
    afterCursor(sql`r.rated_at`, sql`r.id`, cursor, 'desc'),
  ].filter((c): c is SQL => c !== undefined);
  return rows<RatingListRow>(
    db,
    sql`select ${ratingColumns}, fu.status as follow_up
    from ratings r ${ratingJoins} left join rating_follow_ups fu on fu.rating_id = r.id
    where ${sql.join(where, sql` and `)}
    order by r.rated_at desc, r.id desc limit ${limit}`,
  );
}

export type FollowUpRow = RatingListRow & {
  follow_up_id: string;
  opened_on: string;
  due_on: string;
  fu_status: 'open' | 'closed';
  outcome: string | null;
  closed_at: string | Date | null;
  closed_by_name: string | null;
};

/** Follow-ups in the scope: open (due first), overdue (open past due), closed (latest first). */
export async function listFollowUps(
  db: Db,
  scope: ActorScope,
  q: { status?: 'open' | 'overdue' | 'closed'; office?: string; id?: string; today: string },
): Promise<FollowUpRow[]> {
  const where = [
    officeInScope(scope, sql`fu.office_code`, sql`fu.district_code`),
    q.office ? sql`fu.office_code = ${q.office}` : undefined,
    q.id ? sql`fu.id = ${q.id}` : undefined,
    q.status === 'open' ? sql`fu.status = 'open'` : undefined,
    q.status === 'overdue' ? sql`fu.status = 'open' and fu.due_on < ${q.today}` : undefined,
    q.status === 'closed' ? sql`fu.status = 'closed'` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return rows<FollowUpRow>(
    db,
    sql`select ${ratingColumns}, fu.status as follow_up, fu.id as follow_up_id,
      fu.opened_on, fu.due_on, fu.status as fu_status, fu.outcome, fu.closed_at, u.full_name as closed_by_name
    from rating_follow_ups fu join ratings r on r.id = fu.rating_id ${ratingJoins}
    left join users u on u.id = fu.closed_by
    where ${sql.join(where, sql` and `)}
    order by (fu.status = 'open') desc, case when fu.status = 'open' then fu.due_on end asc, fu.closed_at desc, fu.id
    limit 500`,
  );
}

/** Closes a follow-up in the scope with its outcome; undefined when not found, 'closed' when it was already. */
export async function closeFollowUp(
  db: Db,
  scope: ActorScope,
  id: string,
  outcome: string,
  by: string,
  at: string,
): Promise<'closed' | 'already' | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: ratingFollowUps.status })
      .from(ratingFollowUps)
      .where(
        and(
          eq(ratingFollowUps.id, id),
          officeInScope(scope, sql`${ratingFollowUps.officeCode}`, sql`${ratingFollowUps.districtCode}`),
        ),
      )
      .for('update');
    if (!row) return undefined;
    if (row.status === 'closed') return 'already';
    await tx
      .update(ratingFollowUps)
      .set({ status: 'closed', outcome, closedAt: at, closedBy: by })
      .where(eq(ratingFollowUps.id, id));
    return 'closed';
  });
}
