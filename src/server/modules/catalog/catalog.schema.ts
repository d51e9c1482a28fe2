import { integer, jsonb, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz, tsvector } from '../../db/columns.js';

/**
 * The catalog's tables: agencies, categories, life situations, services with the versions of their
 * cards (the portal shows the published one; an edited copy waits as a draft), and the words of titles
 * for correcting typos. Created by the SQL migrations; `schema-drift.integration.test.ts` keeps these equal.
 */

/** A document as a service card stores it (jsonb). */
export type StoredDocument = {
  name: string;
  required: boolean;
  form: 'original' | 'copy' | 'original_and_copy';
  note?: string | null;
};
/** A stage as a service card stores it (jsonb). */
export type StoredStage = {
  code: string;
  title: string;
  citizenText: string;
  notify: boolean;
  durationDays?: number | null;
};

export const agencies = pgTable('agencies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  level: text('level', { enum: ['federal', 'regional', 'municipal'] }).notNull(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  sort: integer('sort').notNull().default(0),
});

export const situations = pgTable('situations', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  sort: integer('sort').notNull().default(0),
});

export const services = pgTable('services', {
  code: text('code').primaryKey(),
  popularity: integer('popularity').notNull().default(0),
  publishedVersion: integer('published_version'),
  draftVersion: integer('draft_version'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const serviceVersions = pgTable(
  'service_versions',
  {
    serviceCode: text('service_code').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published', 'archived'] }).notNull(),
    title: text('title').notNull(),
    shortTitle: text('short_title').notNull(),
    description: text('description').notNull().default(''),
    agencyCode: text('agency_code'),
    categoryCode: text('category_code'),
    situationCodes: text('situation_codes').array().notNull().default([]),
    applicantKinds: text('applicant_kinds', { enum: ['person', 'business'] })
      .array()
      .notNull()
      .default(['person']),
    feeAmount: numeric('fee_amount', { precision: 12, scale: 2, mode: 'number' }),
    feeNote: text('fee_note'),
    termDays: integer('term_days'),
    termKind: text('term_kind', { enum: ['working', 'calendar'] }),
    keepResultDays: integer('keep_result_days'),
    documents: jsonb('documents').$type<StoredDocument[]>().notNull().default([]),
    results: jsonb('results').$type<string[]>().notNull().default([]),
    refusalReasons: jsonb('refusal_reasons').$type<string[]>().notNull().default([]),
    stages: jsonb('stages').$type<StoredStage[]>().notNull().default([]),
    aliases: text('aliases').array().notNull().default([]),
    search: tsvector('search'),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: text('created_by'),
    publishedAt: timestamptz('published_at'),
  },
  (t) => [primaryKey({ columns: [t.serviceCode, t.version] })],
);

export const searchWords = pgTable('search_words', { word: text('word').primaryKey() });

export type AgencyRow = typeof agencies.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type ServiceVersionRow = typeof serviceVersions.$inferSelect;
