-- Staff accounts, their roles on scopes, sessions, and the append-only, hash-chained security log.
-- Runs on PostgreSQL 15+ and on PGlite alike.

create table users (
  id uuid primary key default gen_random_uuid(),
  -- stored lowercased: logins are case-insensitive
  login text not null unique check (login = lower(login) and length(login) between 1 and 100),
  full_name text not null default '',
  password_hash text not null,
  disabled boolean not null default false,
  must_change_password boolean not null default false,
  failed_attempts integer not null default 0 check (failed_attempts >= 0),
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- A role on a scope: the whole region, one district, or a list of offices.
create table user_grants (
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('operator', 'backoffice', 'callcenter', 'office_head', 'analyst', 'catalog_editor', 'admin')),
  scope_kind text not null check (scope_kind in ('region', 'district', 'offices')),
  district_code text,
  office_codes text[] not null default '{}',
  check (
    (scope_kind = 'region' and district_code is null and cardinality(office_codes) = 0) or
    (scope_kind = 'district' and district_code is not null and cardinality(office_codes) = 0) or
    (scope_kind = 'offices' and district_code is null and cardinality(office_codes) > 0)
  )
);
create index user_grants_user_idx on user_grants(user_id);

-- Only a hash of the session token is kept: a copy of this table does not sign anyone in.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions(user_id);
create index sessions_expires_idx on sessions(expires_at);

-- hash = sha256(prev_hash || canonical JSON of the entry): a changed, removed or inserted entry breaks the chain.
create table security_log (
  id bigserial primary key,
  at timestamptz not null,
  user_id uuid,
  login text,
  event text not null,
  ip text,
  user_agent text,
  result text not null,
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index security_log_at_idx on security_log(at);
create index security_log_user_idx on security_log(user_id);
create index security_log_event_idx on security_log(event);

-- Append-only for every role, the owner included (REVOKE alone would not bind the owner, nor PGlite).
create function security_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'security_log is append-only: % refused', tg_op using errcode = '42501';
end $$;
create trigger security_log_no_change before update or delete on security_log
  for each row execute function security_log_append_only();
create trigger security_log_no_truncate before truncate on security_log
  for each statement execute function security_log_append_only();
