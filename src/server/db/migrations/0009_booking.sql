-- Pre-booking (modules/booking): the region's booking settings, per-office shares and service minutes, the
-- bookings, the seats they take, idempotent requests, and each booking's trail. Times are derived from the
-- network's hours; only taken seats are stored. A booking's name, phone and e-mail are personal data
-- (152-ФЗ): sealed (AES-GCM), found by a keyed hash of the phone.

create table booking_settings (
  id boolean primary key default true check (id),
  grid_minutes integer not null default 15 check (grid_minutes between 5 and 120),
  default_service_minutes integer not null default 15 check (default_service_minutes between 5 and 480),
  booking_share real not null default 0.5 check (booking_share between 0 and 1),
  notice_minutes integer not null default 120 check (notice_minutes between 0 and 10080),
  horizon_days integer not null default 30 check (horizon_days between 1 and 365),
  max_active_per_phone integer not null default 3 check (max_active_per_phone between 1 and 50),
  no_show_limit integer not null default 3 check (no_show_limit between 1 and 100),
  no_show_within_days integer not null default 90 check (no_show_within_days between 1 and 3650),
  no_show_block_days integer not null default 30 check (no_show_block_days between 1 and 3650),
  check_in_early_minutes integer not null default 30 check (check_in_early_minutes between 0 and 240),
  check_in_late_minutes integer not null default 15 check (check_in_late_minutes between 0 and 240),
  late_check_in text not null default 'walk_in' check (late_check_in in ('walk_in', 'refuse')),
  confirm_by_phone boolean not null default false,
  hold_minutes integer not null default 10 check (hold_minutes between 1 and 60),
  reminder_time text not null default '12:00' check (reminder_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
insert into booking_settings default values;

-- An office's own share of window time open to booking (null: the region's).
create table booking_office_settings (
  office_code text primary key references offices (code),
  booking_share real check (booking_share between 0 and 1)
);

-- A service's minutes at the window for booking: the region's (office_code '*') or an office's own.
create table booking_service_minutes (
  office_code text not null,
  service_code text not null,
  minutes integer not null check (minutes between 5 and 480),
  primary key (office_code, service_code)
);

create table bookings (
  id uuid primary key default gen_random_uuid(),
  -- Random, from an alphabet without look-alikes; never sequential.
  code text not null unique,
  office_code text not null references offices (code),
  service_code text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- The office's own date of the visit (its time zone).
  local_date date not null,
  -- The cells it holds in booking_seats (epoch ms of their starts), so that releasing it gives back exactly those.
  cells jsonb not null,
  status text not null default 'booked'
    check (status in ('held', 'booked', 'checked_in', 'cancelled', 'no_show', 'expired')),
  name text not null,
  phone text not null,
  phone_hash text not null,
  email text,
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  consent_sms boolean not null default false,
  channel text not null check (channel in ('portal', 'kiosk', 'callcenter', 'operator')),
  created_by uuid references users (id),
  kiosk_id uuid references kiosks (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  hold_expires_at timestamptz,
  confirm_hash text,
  confirm_attempts smallint not null default 0,
  cancelled_at timestamptz,
  cancel_reason text check (cancel_reason in ('citizen', 'staff', 'office_closed')),
  -- Whether the cancellation's message was queued (the office head's list of closures shows it).
  cancel_notified boolean not null default false,
  reminded_at timestamptz,
  checked_in_at timestamptz,
  ticket_id uuid references tickets (id),
  no_show_at timestamptz,
  check (ends_at > starts_at),
  check ((status = 'cancelled') = (cancel_reason is not null)),
  check ((status = 'held') = (hold_expires_at is not null))
);
-- One active booking per service per phone: the database refuses a second, whatever the race.
create unique index bookings_one_per_service on bookings (phone_hash, service_code) where status in ('held', 'booked');
create index bookings_phone on bookings (phone_hash, created_at);
create index bookings_office_day on bookings (office_code, local_date);
create index bookings_active_start on bookings (starts_at) where status in ('held', 'booked');
create index bookings_held on bookings (hold_expires_at) where status = 'held';

-- Seats taken per cell of an office's grid: scope '*' counts every service (the office's capacity), a
-- service code that service's. The conditional increment (`used < capacity`) and the check make the
-- database — not a check-then-insert — refuse the seat past capacity.
create table booking_seats (
  office_code text not null,
  cell_start timestamptz not null,
  scope text not null,
  used integer not null check (used >= 0),
  capacity integer not null check (capacity >= 0),
  primary key (office_code, cell_start, scope),
  check (used <= capacity)
);

-- A client's Idempotency-Key: a retry with the same key and body gets the same booking.
create table booking_requests (
  key text primary key,
  fingerprint text not null,
  booking_id uuid references bookings (id),
  created_at timestamptz not null default now()
);
create index booking_requests_created on booking_requests (created_at);

-- Every step of a booking (the trail the office head and the call center read).
create table booking_events (
  id bigserial primary key,
  booking_id uuid not null references bookings (id),
  at timestamptz not null default now(),
  kind text not null check (kind in (
    'booked', 'held', 'confirmed', 'rescheduled', 'cancelled', 'reminded', 'checked_in', 'no_show', 'expired'
  )),
  actor_id uuid references users (id),
  details jsonb
);
create index booking_events_booking on booking_events (booking_id, id);
