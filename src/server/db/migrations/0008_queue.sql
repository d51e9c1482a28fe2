-- The electronic queue (modules/queue): the region's queue settings and priority categories, enrolled
-- kiosks, tickets with their append-only events, the windows operators hold, and each office's board
-- sequence. A ticket's phone is personal data (152-ФЗ): sealed (AES-GCM) like the outbox's, never shown.

-- One row: what the region configures (issue 9 names each as configurable).
create table queue_settings (
  id boolean primary key default true check (id),
  -- No ticket when the office closes within this many minutes.
  closing_margin_minutes integer not null default 15 check (closing_margin_minutes between 0 and 240),
  -- A ticket waiting longer overtakes the priority order, so that no one starves.
  starvation_minutes integer not null default 25 check (starvation_minutes between 1 and 600),
  -- No-show may be marked once a ticket was called this many times.
  no_show_after_calls integer not null default 2 check (no_show_after_calls between 1 and 10),
  postpone_minutes integer not null default 10 check (postpone_minutes between 1 and 240),
  -- The office head's alert: a ticket waiting longer than this.
  alert_wait_minutes integer not null default 12 check (alert_wait_minutes between 1 and 600),
  -- The law's target (Decree 601): nobody waits longer.
  target_wait_minutes integer not null default 15 check (target_wait_minutes between 1 and 600),
  -- Tickets still waiting this long after closing are closed with the reason `day_end`.
  day_end_grace_minutes integer not null default 30 check (day_end_grace_minutes between 0 and 600),
  -- "Your turn is near" goes when this many people or fewer are ahead.
  turn_near_ahead integer not null default 3 check (turn_near_ahead between 1 and 50),
  -- A service's time at the window before okno has measured it.
  default_service_minutes integer not null default 12 check (default_service_minutes between 1 and 240),
  -- The ticket's letter: {"category:<code>": "Н", "purpose:collect": "В", "default": "А"}.
  letters jsonb not null default '{}'::jsonb
);
insert into queue_settings default values;

-- Served before the ordinary queue (без очереди): the federal list and the region's own; `rank` orders
-- them (higher first).
create table priority_categories (
  code text primary key,
  title text not null,
  title_en text,
  federal boolean not null default false,
  rank smallint not null default 1 check (rank between 1 and 100),
  position integer not null default 0,
  active boolean not null default true
);

-- Per office: the board's sequence (every call and recall takes the next; the row lock orders calls and
-- their commits the same way, so a board catching up by `seq > Last-Event-ID` never misses one) and the
-- office message line.
create table office_queue_state (
  office_code text primary key references offices (code),
  board_seq bigint not null default 0,
  message text
);

-- A kiosk is enrolled by an admin (a one-time code) and then holds a device token; only hashes are kept.
create table kiosks (
  id uuid primary key default gen_random_uuid(),
  office_code text not null references offices (code),
  label text not null,
  code_hash text unique,
  code_expires_at timestamptz,
  token_hash text unique,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  enrolled_at timestamptz,
  revoked_at timestamptz,
  last_seen_at timestamptz,
  check ((code_hash is null) = (code_expires_at is null))
);
create index kiosks_office on kiosks (office_code, created_at);

-- A ticket's number restarts each day per office and letter.
create table ticket_counters (
  office_code text not null references offices (code),
  day date not null,
  letter text not null,
  last integer not null,
  primary key (office_code, day, letter)
);

create table tickets (
  id uuid primary key default gen_random_uuid(),
  office_code text not null references offices (code),
  -- The office's own date when issued (its time zone).
  day date not null,
  letter text not null,
  seq integer not null check (seq > 0),
  -- The ticket page's key (128 random bits): unguessable, never the id.
  track text not null unique,
  service_code text,
  category_code text,
  purpose text check (purpose in ('submit', 'collect', 'consult')),
  priority_code text references priority_categories (code),
  priority_rank smallint not null default 0,
  phone text,
  phone_hash text,
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  channel text not null check (channel in ('kiosk', 'staff', 'booking')),
  kiosk_id uuid references kiosks (id),
  issued_by uuid references users (id),
  status text not null default 'waiting'
    check (status in ('waiting', 'called', 'serving', 'done', 'no_show', 'closed')),
  issued_at timestamptz not null default now(),
  -- What the wait is counted from: kept on postpone and redirect.
  queued_at timestamptz not null default now(),
  -- A postponed ticket is not called before.
  due_at timestamptz,
  booked_for timestamptz,
  booking_id uuid,
  target_window integer,
  return_window integer,
  window_number integer,
  operator_id uuid references users (id),
  calls smallint not null default 0,
  called_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  outcome text check (outcome in ('application_accepted', 'consultation_given', 'refused')),
  outcome_note text,
  case_id uuid,
  -- The wait predicted when it was issued (analytics measures the prediction with it).
  estimated_wait_minutes integer,
  turn_near_sent boolean not null default false,
  unique (office_code, day, letter, seq),
  check ((phone is null) = (phone_hash is null)),
  check (service_code is not null or purpose is not null),
  check ((status = 'done') = (outcome is not null))
);
create index tickets_waiting on tickets (office_code, queued_at) where status = 'waiting';
create index tickets_active on tickets (office_code, window_number) where status in ('called', 'serving');
create index tickets_office_day on tickets (office_code, day);

-- Append-only: every state change of a ticket. `board_seq` is set on calls and recalls (the board's
-- event id). Analytics reads waits and service times from here.
create table ticket_events (
  id bigserial primary key,
  ticket_id uuid not null references tickets (id),
  office_code text not null,
  at timestamptz not null default now(),
  kind text not null check (kind in (
    'issued', 'called', 'recalled', 'started', 'finished', 'no_show', 'postponed', 'redirected', 'returned', 'closed'
  )),
  window_number integer,
  operator_id uuid references users (id),
  board_seq bigint,
  details jsonb
);
create index ticket_events_ticket on ticket_events (ticket_id, id);
create unique index ticket_events_board on ticket_events (office_code, board_seq) where board_seq is not null;
create index ticket_events_office_at on ticket_events (office_code, at);

create function ticket_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'ticket_events is append-only';
end $$;
create trigger ticket_events_append_only before update or delete on ticket_events
  for each row execute function ticket_events_append_only();

-- Who holds which window: one operator per window, one window per operator.
create table window_states (
  office_code text not null references offices (code),
  number integer not null,
  status text not null default 'closed' check (status in ('closed', 'open', 'paused')),
  operator_id uuid references users (id),
  since timestamptz,
  pause_reason text,
  primary key (office_code, number),
  check ((status = 'closed') = (operator_id is null)),
  check ((status = 'paused') = (pause_reason is not null))
);
create unique index window_states_operator on window_states (operator_id) where operator_id is not null;
