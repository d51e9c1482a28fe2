-- The change log of the admin console: every change to the network, the catalog, the calendar and the
-- staff accounts, with who made it and the values before and after. Written in the same transaction as
-- the change itself; rows are never updated or deleted.
create table change_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  -- The staff user's id and login as they were at the time (no foreign key: the log outlives accounts).
  user_id text,
  login text,
  entity text not null,
  entity_key text not null,
  action text not null,
  before jsonb,
  after jsonb
);
create index change_log_entity_idx on change_log (entity, entity_key, id desc);
create index change_log_at_idx on change_log (at desc);
