-- Cases (modules/cases): an application from acceptance to the issued result. The region's case settings,
-- the applicants (personal data kept apart from the case, sealed), the cases with the service's card frozen
-- into them, their documents and scans, suspensions of the deadline, the append-only trail chained by hash
-- per case, transfer / results / return registers, interagency requests, and the status lookups' limits.

create table case_settings (
  id boolean primary key default true check (id),
  -- The region's two-digit code, the first part of every case number (48-2026-0001234).
  number_prefix text not null default '00' check (number_prefix ~ '^[0-9]{2}$'),
  -- Working days a request to an agency may wait before it must go out, and for its answer.
  request_send_days integer not null default 1 check (request_send_days between 0 and 30),
  request_answer_days integer not null default 5 check (request_answer_days between 1 and 60),
  request_attempt_limit integer not null default 8 check (request_attempt_limit between 1 and 100),
  -- Working days before the storage term ends that the applicant is reminded (case.return_soon).
  return_soon_days integer not null default 3 check (return_soon_days between 0 and 30),
  -- Storage term of a result when the service names none.
  default_keep_days integer not null default 30 check (default_keep_days between 1 and 3650),
  -- Status lookups: failed attempts per case number in a window before it is locked for the window.
  status_failures_per_number integer not null default 10 check (status_failures_per_number between 1 and 1000),
  status_failure_window_minutes integer not null default 60 check (status_failure_window_minutes between 1 and 10080)
);
insert into case_settings default values;

-- One sequence per year numbers the cases accepted in it (created ahead by the app: case_number_<year>);
-- nextval never waits for another transaction, so acceptance in every office at once does not serialise.

create table case_applicants (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('person', 'business')),
  -- Everything that identifies the person (names, birth date, identity document, СНИЛС, contacts,
  -- a business's representative), sealed as one JSON text (AES-256-GCM).
  sealed text not null,
  -- What lists show: «Иванов И. И.» or the organisation's name; the masked phone.
  display_name text not null,
  masked_phone text,
  masked_email text,
  masked_document text,
  -- Keyed hashes for search: the surname (a person) or the name (a business) in normal form; the phone.
  name_hash text,
  phone_hash text,
  -- A business's ИНН is not personal data: found as it is.
  inn text,
  consent_sms boolean not null default false,
  consent_email boolean not null default false,
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  created_at timestamptz not null default now()
);
create index case_applicants_name_hash on case_applicants (name_hash) where name_hash is not null;
create index case_applicants_phone_hash on case_applicants (phone_hash) where phone_hash is not null;
create index case_applicants_inn on case_applicants (inn) where inn is not null;

create table cases (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  -- The PIN, sealed: checked by the status lookup, printed again on a re-printed receipt.
  pin text not null,
  office_code text not null references offices (code),
  district_code text not null,
  service_code text not null,
  service_version integer not null,
  agency_code text,
  -- The service's published card as it was at acceptance: title, agency, term, stages, documents, results, fee.
  card jsonb not null,
  applicant_id uuid not null references case_applicants (id),
  channel text not null check (channel in ('window', 'backoffice', 'outreach')),
  ticket_id uuid,
  fee_paid boolean not null default false,
  stage text not null,
  stage_at timestamptz not null,
  -- Each stage reached: [{code, at}] in order (the status page reads one row).
  stage_log jsonb not null,
  final boolean not null default false,
  accepted_at timestamptz not null,
  accepted_on date not null,
  accepted_by uuid,
  term_days integer not null,
  term_kind text not null check (term_kind in ('working', 'calendar')),
  base_due_date date not null,
  due_date date not null,
  paused_since date,
  result_at timestamptz,
  storage_until date,
  return_soon_sent boolean not null default false,
  issued_at timestamptz,
  issued_to jsonb,
  -- The trail's head: its last event's number and hash (each new event is chained to it under this row's lock).
  event_seq integer not null default 0,
  event_hash text not null
);
create index cases_office_accepted on cases (office_code, accepted_at desc, id desc);
create index cases_accepted on cases (accepted_at desc, id desc);
create index cases_applicant on cases (applicant_id);
create index cases_open_due on cases (due_date) where result_at is null and not final;
create index cases_to_send on cases (office_code, accepted_on) where stage = 'accepted' and not final;
create index cases_ready on cases (office_code, storage_until) where stage = 'ready';
create index cases_agency_due on cases (agency_code, due_date) where result_at is null and not final;

create table case_documents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  position integer not null,
  name text not null,
  form text not null check (form in ('original', 'copy')),
  pages integer check (pages between 1 and 10000),
  replaces uuid references case_documents (id),
  replaced_at timestamptz,
  added_at timestamptz not null,
  added_by uuid
);
create index case_documents_case on case_documents (case_id, position);

-- Scans of documents, sealed (they show the person's papers).
create table case_scans (
  document_id uuid primary key references case_documents (id),
  content_type text not null,
  size integer not null,
  sha256 text not null,
  sealed text not null
);

create table case_suspensions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  reason text not null check (reason in ('request', 'applicant')),
  note text,
  request_id uuid,
  from_date date not null,
  to_date date,
  created_at timestamptz not null,
  ended_at timestamptz
);
create index case_suspensions_case on case_suspensions (case_id);

-- The trail: every operation on a case and its documents, append-only, chained by hash per case.
create table case_events (
  case_id uuid not null references cases (id),
  seq integer not null,
  at timestamptz not null,
  kind text not null,
  actor_id uuid,
  actor_name text,
  office_code text,
  details jsonb not null,
  prev_hash text not null,
  hash text not null,
  primary key (case_id, seq)
);

create function case_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'case_events is append-only';
end $$;
create trigger case_events_append_only before update or delete on case_events
  for each row execute function case_events_append_only();

-- Registers: packages handed to an agency (transfer), results brought back (results), unclaimed results
-- returned (return). Built per office and agency; printed, handed to the courier, accepted on the other side.
create table case_registers (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  kind text not null check (kind in ('transfer', 'results', 'return')),
  office_code text not null references offices (code),
  district_code text not null,
  agency_code text not null,
  status text not null default 'draft' check (status in ('draft', 'handed_over', 'accepted')),
  created_at timestamptz not null,
  created_by uuid,
  handed_over_at timestamptz,
  handed_over_by uuid,
  courier text,
  accepted_at timestamptz,
  accepted_by text,
  printed integer not null default 0
);
create index case_registers_office on case_registers (office_code, created_at desc);

create table case_register_items (
  register_id uuid not null references case_registers (id),
  case_id uuid not null references cases (id),
  -- Not handed over by the working day after acceptance.
  late boolean not null default false,
  primary key (register_id, case_id)
);
create index case_register_items_case on case_register_items (case_id);

-- Interagency requests (СМЭВ-like): sent by the adapter with retries, answered within the term.
create table agency_requests (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  office_code text not null,
  district_code text not null,
  agency_code text not null,
  subject text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'answered', 'failed')),
  created_at timestamptz not null,
  created_by uuid,
  -- The last working day it may go out, and (once sent) the one its answer is due by.
  send_by date not null,
  answer_due date,
  sent_at timestamptz,
  external_id text,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  answered_at timestamptz,
  answer jsonb
);
create index agency_requests_due on agency_requests (next_attempt_at) where status in ('queued', 'sent');
create index agency_requests_case on agency_requests (case_id);

-- Failed status lookups per case number (known or not) in the current window.
create table status_lookup_failures (
  number text primary key,
  window_start timestamptz not null,
  failures integer not null
);
