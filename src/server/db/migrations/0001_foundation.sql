-- okno foundation: the region, its network of offices, the production calendar and the service catalog.
-- Runs on PostgreSQL 15+ and on PGlite alike: no PostgreSQL 16+ features.

create extension if not exists pg_trgm;

create table region (
  id boolean primary key default true check (id),
  code text not null,
  name text not null,
  time_zone text not null
);

create table districts (
  code text primary key,
  name text not null,
  kind text not null check (kind in ('city', 'rural')),
  population integer not null check (population >= 0),
  updated_at timestamptz not null default now()
);

create table offices (
  code text primary key,
  name text not null,
  kind text not null check (kind in ('main', 'remote', 'kiosk')),
  district_code text not null references districts(code),
  address text not null,
  lat double precision,
  lon double precision,
  phone text,
  email text,
  time_zone text,
  offers_all_services boolean not null default false,
  status text not null default 'open' check (status in ('open', 'closed')),
  updated_at timestamptz not null default now()
);
create index offices_district_idx on offices(district_code);

-- A window handles the listed services and service categories; both empty means every service of the office.
create table office_windows (
  office_code text not null references offices(code) on delete cascade,
  number integer not null check (number > 0),
  label text not null,
  service_codes text[] not null default '{}',
  category_codes text[] not null default '{}',
  primary key (office_code, number)
);

-- Weekly opening hours; weekday 1 = Monday … 7 = Sunday (ISO). No row: closed that weekday.
create table office_hours (
  office_code text not null references offices(code) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  opens time not null,
  closes time not null,
  break_start time,
  break_end time,
  primary key (office_code, weekday),
  check (closes > opens),
  check ((break_start is null) = (break_end is null)),
  check (break_start is null or (break_start >= opens and break_end > break_start and break_end <= closes))
);

-- Dated exceptions: closed, or open at other hours that day.
create table office_exceptions (
  office_code text not null references offices(code) on delete cascade,
  date date not null,
  kind text not null check (kind in ('closed', 'hours')),
  opens time,
  closes time,
  note text,
  primary key (office_code, date),
  check (kind = 'closed' or (opens is not null and closes is not null and closes > opens))
);

-- The production calendar: only the days that differ from the rule "Monday to Friday working,
-- Saturday and Sunday off": holidays, decree transfers, working Saturdays, shortened pre-holiday days.
create table calendar_days (
  date date primary key,
  kind text not null check (kind in ('working', 'dayoff', 'short')),
  note text
);

create table agencies (
  code text primary key,
  name text not null,
  short_name text not null,
  level text not null check (level in ('federal', 'regional', 'municipal')),
  updated_at timestamptz not null default now()
);

create table categories (
  code text primary key,
  title text not null,
  title_en text,
  sort integer not null default 0
);

create table situations (
  code text primary key,
  title text not null,
  title_en text,
  sort integer not null default 0
);

-- A service is an identity (code) with versions of its card; the portal shows the published version,
-- while an edited copy waits as a draft until it is published.
create table services (
  code text primary key,
  popularity integer not null default 0 check (popularity >= 0),
  published_version integer,
  draft_version integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table service_versions (
  service_code text not null references services(code) on delete cascade,
  version integer not null check (version > 0),
  status text not null check (status in ('draft', 'published', 'archived')),
  title text not null,
  short_title text not null,
  description text not null default '',
  agency_code text references agencies(code),
  category_code text references categories(code),
  situation_codes text[] not null default '{}',
  applicant_kinds text[] not null default '{person}',
  fee_amount numeric(12, 2) check (fee_amount is null or fee_amount >= 0),
  fee_note text,
  term_days integer check (term_days is null or term_days > 0),
  term_kind text check (term_kind in ('working', 'calendar')),
  keep_result_days integer check (keep_result_days is null or keep_result_days > 0),
  documents jsonb not null default '[]',
  results jsonb not null default '[]',
  refusal_reasons jsonb not null default '[]',
  stages jsonb not null default '[]',
  aliases text[] not null default '{}',
  search tsvector,
  search_text text not null default '',
  created_at timestamptz not null default now(),
  created_by text,
  published_at timestamptz,
  primary key (service_code, version)
);
create index service_versions_search_idx on service_versions using gin (search);
create index service_versions_search_text_idx on service_versions using gin (search_text gin_trgm_ops);
create index service_versions_agency_idx on service_versions(agency_code);
create index service_versions_category_idx on service_versions(category_code);

-- The search document: title and aliases weigh most, then the short title, then the description.
create function service_versions_search_refresh() returns trigger language plpgsql as $$
begin
  new.search :=
    setweight(to_tsvector('russian', coalesce(new.title, '')), 'A') ||
    setweight(to_tsvector('russian', array_to_string(new.aliases, ' ')), 'A') ||
    setweight(to_tsvector('russian', coalesce(new.short_title, '')), 'B') ||
    setweight(to_tsvector('russian', coalesce(new.description, '')), 'C');
  new.search_text := lower(coalesce(new.title, '') || ' ' || coalesce(new.short_title, '') || ' ' ||
    array_to_string(new.aliases, ' '));
  return new;
end $$;
create trigger service_versions_search_trg before insert or update on service_versions
  for each row execute function service_versions_search_refresh();

-- Words of titles and aliases, for correcting typos in a citizen's query by trigram similarity.
create table search_words (
  word text primary key
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

-- Which offices offer which services: main centers offer every published service (offers_all_services);
-- remote offices and kiosk points a listed subset.
create table office_services (
  office_code text not null references offices(code) on delete cascade,
  service_code text not null references services(code) on delete cascade,
  primary key (office_code, service_code)
);
create index office_services_service_idx on office_services(service_code);
