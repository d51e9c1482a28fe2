import { bigserial, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../db/columns.js';

/**
 * The change log of the admin console: who changed what, the values before and after; written in the
 * change's transaction, append-only (a trigger refuses updates and deletes). Created by migration 0003.
 */
export const changeLog = pgTable('change_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamptz('at').notNull().defaultNow(),
  userId: text('user_id'),
  login: text('login'),
  entity: text('entity').notNull(),
  entityKey: text('entity_key').notNull(),
  action: text('action').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
});

export type ChangeRow = typeof changeLog.$inferSelect;
