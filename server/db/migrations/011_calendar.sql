-- The working-day calendar behind legal deadlines: each year's official arrangement of public
-- holidays and make-up workdays. Years come from the chinese-days package at start-up ('package')
-- or are loaded by an officer when the State Council publishes them ('official'). A year missing
-- here is estimated from the statutory holidays (src/domain/statutory-holidays.ts).
create table calendar_years (
  year integer primary key check (year between 2000 and 2100),
  source text not null check (source in ('package', 'official')),
  loaded_at timestamptz not null default now(),
  loaded_by text
);

create table calendar_days (
  day date primary key,
  year integer not null references calendar_years (year) on delete cascade,
  kind text not null check (kind in ('holiday', 'workday')),
  name text
);
create index calendar_days_year on calendar_days (year);
