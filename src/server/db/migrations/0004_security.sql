-- Sign-in throttling and the account lock that cannot be turned against an account (see login-guard.ts),
-- and the change log made append-only like the security log.

-- Failures in a row from one address to one login (a hash of it: unknown logins are throttled alike).
create table login_throttle (
  login_key text not null,
  ip text not null,
  failures integer not null check (failures > 0),
  last_failure_at timestamptz not null,
  blocked_until timestamptz not null,
  primary key (login_key, ip)
);
create index login_throttle_at_idx on login_throttle (last_failure_at);

-- The addresses an account signed in from: a lock does not refuse them.
create table login_addresses (
  user_id uuid not null references users(id) on delete cascade,
  ip text not null,
  last_success_at timestamptz not null,
  primary key (user_id, ip)
);

-- One trigger function for every append-only table from here on (the change log, the event logs to come).
create function append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end $$;
create trigger change_log_no_change before update or delete on change_log
  for each row execute function append_only();
create trigger change_log_no_truncate before truncate on change_log
  for each statement execute function append_only();
