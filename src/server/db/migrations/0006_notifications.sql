-- The outbox: every message to a citizen is written here in the transaction of the event that causes it,
-- and a worker delivers it (modules/notifications). The address and the text are sealed (personal data,
-- 152-ФЗ): `recipient` and `content` hold AES-GCM ciphertext, `recipient_hash` a keyed hash to find a
-- person's messages by phone or e-mail, `recipient_masked` what lists show.
create table outbox_messages (
  id uuid primary key default gen_random_uuid(),
  event text not null,
  channel text not null check (channel in ('sms', 'email')),
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'delivered', 'failed')),
  recipient text not null,
  recipient_hash text not null,
  recipient_masked text not null,
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  content text not null,
  office_code text,
  -- What the message is about, for the call center and the admin: a booking's code, a case's number.
  subject_kind text,
  subject_ref text,
  attempts integer not null default 0,
  attempt_limit integer not null,
  -- When a worker may take it next: now, after a retry's backoff, after the quiet hours; while a worker
  -- holds it (sending), when its hold lapses.
  next_attempt_at timestamptz not null default now(),
  -- Too late to matter after this (a "your turn" an hour on): failed as expired, never sent.
  expires_at timestamptz,
  -- The office's time zone for an SMS the quiet hours hold (null: e-mail, or an event sent at night too):
  -- the worker keeps retries, re-sends and retakes out of the night as well, not only the first send.
  quiet_zone text,
  provider text,
  provider_id text,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz,
  -- Set when the message was re-sent from another (the call center's "send it again").
  resent_from uuid references outbox_messages (id)
);
-- The worker's queue: only what may still be taken.
create index outbox_messages_due on outbox_messages (next_attempt_at) where status in ('queued', 'sending');
create index outbox_messages_recipient on outbox_messages (recipient_hash, created_at desc);
create index outbox_messages_created on outbox_messages (created_at desc, id desc);
create index outbox_messages_status on outbox_messages (status, created_at desc);
create index outbox_messages_provider on outbox_messages (provider_id) where provider_id is not null;
create index outbox_messages_subject on outbox_messages (subject_kind, subject_ref) where subject_ref is not null;

-- Every attempt to hand a message over, with its outcome.
create table outbox_attempts (
  message_id uuid not null references outbox_messages (id) on delete cascade,
  attempt integer not null,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  outcome text not null check (outcome in ('sent', 'retry', 'permanent', 'expired')),
  detail text,
  worker text not null,
  primary key (message_id, attempt)
);

-- Addresses that asked for no more messages on a channel (the unsubscribe link), by keyed hash.
create table notification_optouts (
  recipient_hash text not null,
  channel text not null check (channel in ('sms', 'email')),
  created_at timestamptz not null default now(),
  primary key (recipient_hash, channel)
);

-- New messages wake the outbox workers of every instance at commit (a NOTIFY, nothing for a rollback): a
-- trigger, so that no writer can forget it and the event's transaction spends no round trip on it.
create function notify_outbox() returns trigger language plpgsql as $$
begin
  perform pg_notify('outbox', '');
  return null;
end
$$;
create trigger outbox_wake after insert on outbox_messages
  for each statement execute function notify_outbox();
