import { bigserial, boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../db/columns.js';

/**
 * The staff's tables: accounts, their roles on scopes, sessions (a hash of the token only), the
 * append-only hash-chained security log, and sign-in throttling. Created by the SQL migrations;
 * `schema-drift.integration.test.ts` keeps these equal.
 */

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  login: text('login').notNull().unique(),
  fullName: text('full_name').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const userGrants = pgTable('user_grants', {
  userId: uuid('user_id').notNull(),
  role: text('role', {
    enum: ['operator', 'backoffice', 'callcenter', 'office_head', 'analyst', 'catalog_editor', 'admin'],
  }).notNull(),
  scopeKind: text('scope_kind', { enum: ['region', 'district', 'offices'] }).notNull(),
  districtCode: text('district_code'),
  officeCodes: text('office_codes').array().notNull().default([]),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const securityLog = pgTable('security_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamptz('at').notNull(),
  userId: uuid('user_id'),
  login: text('login'),
  event: text('event').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  result: text('result').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const loginThrottle = pgTable(
  'login_throttle',
  {
    loginKey: text('login_key').notNull(),
    ip: text('ip').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamptz('last_failure_at').notNull(),
    blockedUntil: timestamptz('blocked_until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.loginKey, t.ip] })],
);

export const loginAddresses = pgTable(
  'login_addresses',
  {
    userId: uuid('user_id').notNull(),
    ip: text('ip').notNull(),
    lastSuccessAt: timestamptz('last_success_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ip] })],
);

export type UserRow = typeof users.$inferSelect;
export type UserGrantRow = typeof userGrants.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type SecurityLogRow = typeof securityLog.$inferSelect;
