import { boolean, integer, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import type { RatingSource } from '../../../shared/ratings.js';
import { isoDate, timestamptz } from '../../db/columns.js';

/** The quality module's tables (migration 0011): ratings on the five criteria and their follow-ups. */

export const ratings = pgTable('ratings', {
  id: uuid('id').primaryKey().defaultRandom(),
  subject: text('subject').$type<'visit' | 'case'>().notNull(),
  ticketId: uuid('ticket_id'),
  caseId: uuid('case_id'),
  officeCode: text('office_code').notNull(),
  districtCode: text('district_code').notNull(),
  serviceCode: text('service_code'),
  windowNumber: integer('window_number'),
  operatorId: uuid('operator_id'),
  visitOn: isoDate('visit_on').notNull(),
  ratedOn: isoDate('rated_on').notNull(),
  ratedAt: timestamptz('rated_at').notNull().defaultNow(),
  scoreTime: smallint('score_time').notNull(),
  scoreWaiting: smallint('score_waiting').notNull(),
  scoreStaff: smallint('score_staff').notNull(),
  scoreComfort: smallint('score_comfort').notNull(),
  scoreInformation: smallint('score_information').notNull(),
  comment: text('comment'),
  source: text('source').$type<RatingSource>(),
  simulated: boolean('simulated').notNull().default(false),
});
export type RatingRow = typeof ratings.$inferSelect;

export const ratingFollowUps = pgTable('rating_follow_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  ratingId: uuid('rating_id').notNull(),
  officeCode: text('office_code').notNull(),
  districtCode: text('district_code').notNull(),
  openedOn: isoDate('opened_on').notNull(),
  dueOn: isoDate('due_on').notNull(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  outcome: text('outcome'),
  closedAt: timestamptz('closed_at'),
  closedBy: uuid('closed_by'),
});
export type RatingFollowUpRow = typeof ratingFollowUps.$inferSelect;
