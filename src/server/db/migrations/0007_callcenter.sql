-- The call center (modules/callcenter): each phone call an operator takes, and the call-backs promised to
-- callers. A caller's phone is personal data (152-ФЗ): `phone` holds AES-GCM ciphertext, `phone_hash` the
-- keyed hash a lookup finds it by (the same hash the outbox uses), `phone_masked` what lists show.
create table calls (
  id uuid primary key default gen_random_uuid(),
  -- The operator's id and login as they were (the login for the log; no name of a citizen is kept here).
  operator_id uuid not null references users (id),
  operator_login text not null,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  -- Set when the call ends, never while it runs.
  outcome text check (outcome in ('information', 'booking', 'status', 'complaint', 'other')),
  phone text,
  phone_hash text,
  phone_masked text,
  service_code text,
  note text not null default '',
  -- When the caller answered the verification question, and which: the full view needs it. A new phone
  -- clears it.
  verified_at timestamptz,
  verified_question text check (verified_question in ('name_and_date', 'booking_code', 'case_pin', 'other')),
  check ((phone is null) = (phone_hash is null) and (phone is null) = (phone_masked is null)),
  check ((ended_at is null) = (outcome is null)),
  check (ended_at is null or ended_at >= started_at),
  check ((verified_at is null) = (verified_question is null)),
  check (verified_at is null or phone is not null)
);
-- The operator's log, newest first; the admin's log of everyone; a caller's earlier calls.
create index calls_operator on calls (operator_id, started_at desc);
create index calls_started on calls (started_at desc);
create index calls_phone on calls (phone_hash, started_at desc) where phone_hash is not null;

-- A promise to call someone back: the call center's shared list, by due time.
create table callbacks (
  id uuid primary key default gen_random_uuid(),
  call_id uuid references calls (id),
  phone text not null,
  phone_hash text not null,
  phone_masked text not null,
  due_at timestamptz not null,
  note text not null default '',
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  created_by uuid not null references users (id),
  done_by uuid references users (id),
  done_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'open') = (done_at is null)),
  check ((status = 'open') = (done_by is null))
);
create index callbacks_open on callbacks (due_at) where status = 'open';
create index callbacks_status on callbacks (status, due_at);
create index callbacks_phone on callbacks (phone_hash, due_at) where status = 'open';
