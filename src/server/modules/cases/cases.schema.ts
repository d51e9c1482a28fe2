import { boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { CaseChannel, CaseEventKind } from '../../../shared/cases.js';
import { isoDate, timestamptz } from '../../db/columns.js';
import type { CaseCard } from './case-card.js';

/**
 * The cases module's tables (migration 0010): settings, applicants (sealed), cases with their frozen card,
 * documents and scans, suspensions, the hash-chained trail, registers and interagency requests.
 */

export const caseSettings = pgTable('case_settings', {
  id: boolean('id').primaryKey().default(true),
  numberPrefix: text('number_prefix').notNull().default('00'),
  requestSendDays: integer('request_send_days').notNull().default(1),
  requestAnswerDays: integer('request_answer_days').notNull().default(5),
  requestAttemptLimit: integer('request_attempt_limit').notNull().default(8),
  returnSoonDays: integer('return_soon_days').notNull().default(3),
  defaultKeepDays: integer('default_keep_days').notNull().default(30),
  statusFailuresPerNumber: integer('status_failures_per_number').notNull().default(10),
  statusFailureWindowMinutes: integer('status_failure_window_minutes').notNull().default(60),
});
export type CaseSettingsRow = typeof caseSettings.$inferSelect;

export const caseApplicants = pgTable('case_applicants', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'person' | 'business'>().notNull(),
  sealed: text('sealed').notNull(),
  displayName: text('display_name').notNull(),
  maskedPhone: text('masked_phone'),
  maskedEmail: text('masked_email'),
  maskedDocument: text('masked_document'),
  nameHash: text('name_hash'),
  phoneHash: text('phone_hash'),
  inn: text('inn'),
  consentSms: boolean('consent_sms').notNull().default(false),
  consentEmail: boolean('consent_email').notNull().default(false),
  locale: text('locale').$type<'ru' | 'en'>().notNull().default('ru'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
export type CaseApplicantRow = typeof caseApplicants.$inferSelect;

export type StageLogEntry = { code: string; at: string };

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  /** Sealed. */
  pin: text('pin').notNull(),
  officeCode: text('office_code').notNull(),
  districtCode: text('district_code').notNull(),
  serviceCode: text('service_code').notNull(),
  serviceVersion: integer('service_version').notNull(),
  agencyCode: text('agency_code'),
  card: jsonb('card').$type<CaseCard>().notNull(),
  applicantId: uuid('applicant_id').notNull(),
  channel: text('channel').$type<CaseChannel>().notNull(),
  ticketId: uuid('ticket_id'),
  feePaid: boolean('fee_paid').notNull().default(false),
  stage: text('stage').notNull(),
  stageAt: timestamptz('stage_at').notNull(),
  stageLog: jsonb('stage_log').$type<StageLogEntry[]>().notNull(),
  final: boolean('final').notNull().default(false),
  acceptedAt: timestamptz('accepted_at').notNull(),
  acceptedOn: isoDate('accepted_on').notNull(),
  acceptedBy: uuid('accepted_by'),
  termDays: integer('term_days').notNull(),
  termKind: text('term_kind').$type<'working' | 'calendar'>().notNull(),
  baseDueDate: isoDate('base_due_date').notNull(),
  dueDate: isoDate('due_date').notNull(),
  pausedSince: isoDate('paused_since'),
  resultAt: timestamptz('result_at'),
  storageUntil: isoDate('storage_until'),
  returnSoonSent: boolean('return_soon_sent').notNull().default(false),
  issuedAt: timestamptz('issued_at'),
  issuedTo: jsonb('issued_to').$type<Record<string, unknown>>(),
  eventSeq: integer('event_seq').notNull().default(0),
  eventHash: text('event_hash').notNull(),
  /** Written by `okno simulate` (migration 0011). */
  simulated: boolean('simulated').notNull().default(false),
});
export type CaseRow = typeof cases.$inferSelect;

export const caseDocuments = pgTable('case_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  form: text('form').$type<'original' | 'copy'>().notNull(),
  pages: integer('pages'),
  replaces: uuid('replaces'),
  replacedAt: timestamptz('replaced_at'),
  addedAt: timestamptz('added_at').notNull(),
  addedBy: uuid('added_by'),
});
export type CaseDocumentRow = typeof caseDocuments.$inferSelect;

export const caseScans = pgTable('case_scans', {
  documentId: uuid('document_id').primaryKey(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  sealed: text('sealed').notNull(),
});

export const caseSuspensions = pgTable('case_suspensions', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  reason: text('reason').$type<'request' | 'applicant'>().notNull(),
  note: text('note'),
  requestId: uuid('request_id'),
  fromDate: isoDate('from_date').notNull(),
  toDate: isoDate('to_date'),
  createdAt: timestamptz('created_at').notNull(),
  endedAt: timestamptz('ended_at'),
});
export type CaseSuspensionRow = typeof caseSuspensions.$inferSelect;

export const caseEvents = pgTable(
  'case_events',
  {
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    at: timestamptz('at').notNull(),
    kind: text('kind').$type<CaseEventKind>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    officeCode: text('office_code'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);
export type CaseEventRow = typeof caseEvents.$inferSelect;

export const caseRegisters = pgTable('case_registers', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  kind: text('kind').$type<'transfer' | 'results' | 'return'>().notNull(),
  officeCode: text('office_code').notNull(),
  districtCode: text('district_code').notNull(),
  agencyCode: text('agency_code').notNull(),
  status: text('status').$type<'draft' | 'handed_over' | 'accepted'>().notNull().default('draft'),
  createdAt: timestamptz('created_at').notNull(),
  createdBy: uuid('created_by'),
  handedOverAt: timestamptz('handed_over_at'),
  handedOverBy: uuid('handed_over_by'),
  courier: text('courier'),
  acceptedAt: timestamptz('accepted_at'),
  acceptedBy: text('accepted_by'),
  printed: integer('printed').notNull().default(0),
});
export type CaseRegisterRow = typeof caseRegisters.$inferSelect;

export const caseRegisterItems = pgTable(
  'case_register_items',
  {
    registerId: uuid('register_id').notNull(),
    caseId: uuid('case_id').notNull(),
    late: boolean('late').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.registerId, t.caseId] })],
);

export const agencyRequests = pgTable('agency_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  officeCode: text('office_code').notNull(),
  districtCode: text('district_code').notNull(),
  agencyCode: text('agency_code').notNull(),
  subject: text('subject').notNull(),
  status: text('status').$type<'queued' | 'sent' | 'answered' | 'failed'>().notNull().default('queued'),
  createdAt: timestamptz('created_at').notNull(),
  createdBy: uuid('created_by'),
  sendBy: isoDate('send_by').notNull(),
  answerDue: isoDate('answer_due'),
  sentAt: timestamptz('sent_at'),
  externalId: text('external_id'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamptz('next_attempt_at').notNull(),
  lastError: text('last_error'),
  answeredAt: timestamptz('answered_at'),
  answer: jsonb('answer').$type<Record<string, unknown>>(),
});
export type AgencyRequestRow = typeof agencyRequests.$inferSelect;

export const statusLookupFailures = pgTable('status_lookup_failures', {
  number: text('number').primaryKey(),
  windowStart: timestamptz('window_start').notNull(),
  failures: integer('failures').notNull(),
});
