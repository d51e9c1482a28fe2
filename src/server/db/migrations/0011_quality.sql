-- Quality and analytics (issue 12, modules/quality and modules/analytics): the citizens' ratings on the five
-- official criteria with the office head's follow-ups, and the rollups every analytics figure is read from.
--
-- The rollups are kept up to date in the transaction of each change by the triggers below (a ticket
-- reaching its end, a booking counted or no longer counted, a case accepted or its result ready, a rating):
-- each adds one delta to five rows — the day and the month of the office for all services ('*') and for
-- the one service, then the region's month of the service — always in that order, so that two changes of
-- one office never lock them crosswise.
-- A whole-period query reads whole months from the monthly rows and the edge days from the daily ones.
-- `modules/analytics/rollups.rebuild.ts` recomputes the same rows from the sources set by set (the
-- simulation's bulk load, and the test that the incremental rows equal a recomputation). A session that
-- sets `okno.rollups = 'off'` (the simulation, then rebuilding) is skipped by the triggers.

-- ── ratings ──────────────────────────────────────────────────────────────────────────────────────────────

create table ratings (
  id uuid primary key default gen_random_uuid(),
  subject text not null check (subject in ('visit', 'case')),
  ticket_id uuid unique references tickets (id),
  case_id uuid unique references cases (id),
  office_code text not null references offices (code),
  district_code text not null,
  service_code text,
  -- Who served: for the office's own analysis in aggregate; never shown to the operator per rating.
  window_number integer,
  operator_id uuid,
  -- The office's date of the visit (of acceptance, for a case) and of the rating.
  visit_on date not null,
  rated_on date not null,
  rated_at timestamptz not null default now(),
  score_time smallint not null check (score_time between 1 and 5),
  score_waiting smallint not null check (score_waiting between 1 and 5),
  score_staff smallint not null check (score_staff between 1 and 5),
  score_comfort smallint not null check (score_comfort between 1 and 5),
  score_information smallint not null check (score_information between 1 and 5),
  comment text,
  source text check (source in ('kiosk', 'sms', 'email', 'qr', 'portal')),
  simulated boolean not null default false,
  check ((subject = 'visit') = (ticket_id is not null)),
  check ((subject = 'case') = (case_id is not null))
);
create index ratings_office_rated on ratings (office_code, rated_at desc, id desc);
create index ratings_rated on ratings (rated_at desc, id desc);

-- A low score with a comment: the office head answers within 30 days and records the outcome.
create table rating_follow_ups (
  id uuid primary key default gen_random_uuid(),
  rating_id uuid not null unique references ratings (id),
  office_code text not null references offices (code),
  district_code text not null,
  opened_on date not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  outcome text,
  closed_at timestamptz,
  closed_by uuid references users (id),
  check ((status = 'closed') = (outcome is not null and closed_at is not null))
);
create index rating_follow_ups_open on rating_follow_ups (office_code, due_on) where status = 'open';
create index rating_follow_ups_office on rating_follow_ups (office_code, opened_on desc);

-- Rows `okno simulate` wrote: a database with real visits is refused unless told otherwise.
alter table tickets add column simulated boolean not null default false;
alter table bookings add column simulated boolean not null default false;
alter table cases add column simulated boolean not null default false;
create index tickets_real on tickets (day) where not simulated;

-- ── rollups ──────────────────────────────────────────────────────────────────────────────────────────────

-- grain 'd' (a day) or 'm' (a month: period is its first day); service_code '*' sums all services of the
-- office; office_code '*' (monthly only) sums a service over the region; '' is a ticket without a service (a collection, a consultation). Waits in seconds, from the ticket
-- (or the booked time, if later) to its first call; the histogram's buckets are src/shared/analytics-kpi.ts's.
create table analytics_rollups (
  grain text not null check (grain in ('d', 'm')),
  period date not null,
  office_code text not null,
  service_code text not null,
  visits integer not null default 0,
  visits_booked integer not null default 0,
  visits_portal integer not null default 0,
  served integer not null default 0,
  no_show integer not null default 0,
  waited integer not null default 0,
  wait_seconds bigint not null default 0,
  wait_over integer not null default 0,
  waited_booked integer not null default 0,
  wait_seconds_booked bigint not null default 0,
  wait_over_booked integer not null default 0,
  serviced integer not null default 0,
  service_seconds bigint not null default 0,
  window_days integer not null default 0,
  bookings integer not null default 0,
  bookings_portal integer not null default 0,
  bookings_no_show integer not null default 0,
  cases integer not null default 0,
  cases_on_time integer not null default 0,
  cases_overdue integer not null default 0,
  ratings integer not null default 0,
  wait_hist integer[] not null default '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}',
  wait_hist_booked integer[] not null default '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}',
  -- Per criterion in ratingCriteria's order: the sum of scores and the count of 4–5.
  score_sum integer[] not null default '{0,0,0,0,0}',
  satisfied integer[] not null default '{0,0,0,0,0}',
  primary key (service_code, grain, period, office_code)
);
create index analytics_rollups_period on analytics_rollups (grain, period, office_code);

-- The windows that served on a day (visits per window per day).
create table analytics_window_days (
  office_code text not null,
  day date not null,
  window_number integer not null,
  primary key (office_code, day, window_number)
);

create function analytics_add_arrays(a integer[], b integer[]) returns integer[] immutable language sql as $$
  select array_agg(coalesce(x, 0) + coalesce(y, 0) order by i) from unnest(a, b) with ordinality as u(x, y, i)
$$;

-- 1-based bucket of a wait in minutes (src/shared/analytics-kpi.ts waitBucket + 1).
create function analytics_wait_bucket(minutes double precision) returns integer immutable language sql as $$
  select coalesce(
    (select min(i)::int from unnest(array[2,4,6,8,10,12,15,20,25,30,40,50,60,90,120]) with ordinality as b(bound, i) where minutes < bound),
    16)
$$;

-- A zero delta for an office's service and day.
create function analytics_blank(p_office text, p_service text, p_day date) returns analytics_rollups
language sql stable as $$
  select 'd'::text, p_day, p_office, p_service, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}'::integer[], '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}'::integer[], '{0,0,0,0,0}'::integer[], '{0,0,0,0,0}'::integer[]
$$;

-- Adds a delta (grain 'd', period its day) to the office's four rows, the '*' rows first, then to the
-- region's month of the service (office_code '*': the top services and a service's figures across the region
-- read a row per month, not one per office).
create function analytics_apply(d analytics_rollups) returns void language plpgsql as $$
declare
  g record;
  service text := d.service_code;
  office text := d.office_code;
  day date := d.period;
begin
  for g in
    select * from (values (1, 'd', day, office, '*'), (2, 'm', date_trunc('month', day)::date, office, '*'),
      (3, 'd', day, office, service), (4, 'm', date_trunc('month', day)::date, office, service),
      (5, 'm', date_trunc('month', day)::date, '*', service)) as v(n, grain, period, office_code, service_code)
    order by n
  loop
    d.grain := g.grain;
    d.period := g.period;
    d.office_code := g.office_code;
    d.service_code := g.service_code;
    if g.n = 3 then d.window_days := 0; end if;
    insert into analytics_rollups as r values (d.*)
    on conflict (service_code, grain, period, office_code) do update set
      visits = r.visits + excluded.visits,
      visits_booked = r.visits_booked + excluded.visits_booked,
      visits_portal = r.visits_portal + excluded.visits_portal,
      served = r.served + excluded.served,
      no_show = r.no_show + excluded.no_show,
      waited = r.waited + excluded.waited,
      wait_seconds = r.wait_seconds + excluded.wait_seconds,
      wait_over = r.wait_over + excluded.wait_over,
      waited_booked = r.waited_booked + excluded.waited_booked,
      wait_seconds_booked = r.wait_seconds_booked + excluded.wait_seconds_booked,
      wait_over_booked = r.wait_over_booked + excluded.wait_over_booked,
      serviced = r.serviced + excluded.serviced,
      service_seconds = r.service_seconds + excluded.service_seconds,
      window_days = r.window_days + excluded.window_days,
      bookings = r.bookings + excluded.bookings,
      bookings_portal = r.bookings_portal + excluded.bookings_portal,
      bookings_no_show = r.bookings_no_show + excluded.bookings_no_show,
      cases = r.cases + excluded.cases,
      cases_on_time = r.cases_on_time + excluded.cases_on_time,
      cases_overdue = r.cases_overdue + excluded.cases_overdue,
      ratings = r.ratings + excluded.ratings,
      wait_hist = analytics_add_arrays(r.wait_hist, excluded.wait_hist),
      wait_hist_booked = analytics_add_arrays(r.wait_hist_booked, excluded.wait_hist_booked),
      score_sum = analytics_add_arrays(r.score_sum, excluded.score_sum),
      satisfied = analytics_add_arrays(r.satisfied, excluded.satisfied);
  end loop;
end $$;

create function analytics_rollups_on() returns boolean stable language sql as $$
  select coalesce(current_setting('okno.rollups', true), '') <> 'off'
$$;

-- A ticket at its end (done, no-show, closed) counts once.
create function analytics_ticket() returns trigger language plpgsql as $$
declare
  d analytics_rollups;
  w double precision;
  b integer;
  booked boolean := new.channel = 'booking';
begin
  if not analytics_rollups_on() or new.status not in ('done', 'no_show', 'closed') then return null; end if;
  if tg_op = 'UPDATE' and old.status in ('done', 'no_show', 'closed') then return null; end if;
  d := analytics_blank(new.office_code, coalesce(new.service_code, ''), new.day);
  d.visits := 1;
  if booked then
    d.visits_booked := 1;
    if exists (select 1 from bookings where id = new.booking_id and channel = 'portal') then d.visits_portal := 1; end if;
  end if;
  if new.status = 'done' then d.served := 1; end if;
  if new.status = 'no_show' then d.no_show := 1; end if;
  if new.called_at is not null then
    w := greatest(0, extract(epoch from new.called_at - greatest(new.issued_at, coalesce(new.booked_for, new.issued_at))));
    b := analytics_wait_bucket(w / 60);
    d.waited := 1;
    d.wait_seconds := round(w);
    d.wait_over := (w > 900)::int;
    d.wait_hist[b] := 1;
    if booked then
      d.waited_booked := 1;
      d.wait_seconds_booked := round(w);
      d.wait_over_booked := (w > 900)::int;
      d.wait_hist_booked[b] := 1;
    end if;
  end if;
  if new.status = 'done' and new.started_at is not null and new.finished_at is not null then
    d.serviced := 1;
    d.service_seconds := round(greatest(0, extract(epoch from new.finished_at - new.started_at)));
  end if;
  if new.status = 'done' and new.window_number is not null then
    insert into analytics_window_days values (new.office_code, new.day, new.window_number) on conflict do nothing;
    if found then d.window_days := 1; end if;
  end if;
  perform analytics_apply(d);
  return null;
end $$;
create trigger analytics_ticket after insert or update of status on tickets
  for each row execute function analytics_ticket();

-- A booking counts while booked, checked in or not kept; a no-show counts apart.
create function analytics_booking() returns trigger language plpgsql as $$
declare
  d analytics_rollups;
  counted integer := (new.status in ('booked', 'checked_in', 'no_show'))::int;
  no_show integer := (new.status = 'no_show')::int;
begin
  if not analytics_rollups_on() then return null; end if;
  if tg_op = 'UPDATE' then
    counted := counted - (old.status in ('booked', 'checked_in', 'no_show'))::int;
    no_show := no_show - (old.status = 'no_show')::int;
  end if;
  if counted = 0 and no_show = 0 then return null; end if;
  d := analytics_blank(new.office_code, new.service_code, new.local_date);
  d.bookings := counted;
  d.bookings_portal := counted * (new.channel = 'portal')::int;
  d.bookings_no_show := no_show;
  perform analytics_apply(d);
  return null;
end $$;
create trigger analytics_booking after insert or update of status on bookings
  for each row execute function analytics_booking();

-- A case counts when accepted, and once more when its result is ready (or refused): on time or late.
create function analytics_case() returns trigger language plpgsql as $$
declare
  d analytics_rollups;
  done_on date;
begin
  if not analytics_rollups_on() then return null; end if;
  if tg_op = 'INSERT' then
    d := analytics_blank(new.office_code, new.service_code, new.accepted_on);
    d.cases := 1;
    perform analytics_apply(d);
  end if;
  if new.result_at is not null and (tg_op = 'INSERT' or old.result_at is null) then
    select (new.result_at at time zone coalesce(o.time_zone, r.time_zone))::date into done_on
      from offices o cross join region r where o.code = new.office_code;
    d := analytics_blank(new.office_code, new.service_code, done_on);
    if done_on <= new.due_date then d.cases_on_time := 1; else d.cases_overdue := 1; end if;
    perform analytics_apply(d);
  end if;
  return null;
end $$;
create trigger analytics_case after insert or update of result_at on cases
  for each row execute function analytics_case();

create function analytics_rating() returns trigger language plpgsql as $$
declare
  d analytics_rollups;
  s integer[] := array[new.score_time, new.score_waiting, new.score_staff, new.score_comfort, new.score_information];
begin
  if not analytics_rollups_on() then return null; end if;
  d := analytics_blank(new.office_code, coalesce(new.service_code, ''), new.rated_on);
  d.ratings := 1;
  d.score_sum := s;
  d.satisfied := array(select (x >= 4)::int from unnest(s) with ordinality as u(x, i) order by i);
  perform analytics_apply(d);
  return null;
end $$;
create trigger analytics_rating after insert on ratings
  for each row execute function analytics_rating();
