-- 016: public-service (公益服务) tasks published by organizers, citizens' bookings with their site
-- check-in / check-out, one-time hour codes (时长码) and the organizers' audit trail. Credited hours
-- are not kept here: every credited hour is a row of the service_hours ledger (014).

create table service_tasks (
  id text primary key,
  organizer_user_id text not null references users (id),
  title text not null,
  organization text not null,
  place text not null,
  description text not null,
  start_at timestamptz not null,
  end_at timestamptz not null,
  signup_deadline timestamptz not null,
  capacity integer not null check (capacity between 1 and 500),
  -- hours credited for attending (the organizer may correct a person's hours afterwards)
  hours numeric(4, 1) not null check (hours >= 0.5 and hours <= 24),
  -- seats taken: moved only by conditional updates, so concurrent bookings never exceed capacity
  booked integer not null default 0 check (booked >= 0 and booked <= capacity),
  created_at timestamptz not null default now(),
  check (end_at > start_at),
  check (signup_deadline <= start_at)
);
create index service_tasks_by_start on service_tasks (start_at, id);
create index service_tasks_by_organizer on service_tasks (organizer_user_id, start_at desc, id desc);

create table service_bookings (
  id text primary key,
  task_id text not null references service_tasks (id),
  subject_id text not null references subjects (id),
  user_id text not null references users (id),
  status text not null default 'booked' check (status in ('booked', 'cancelled')),
  booked_at timestamptz not null default now(),
  cancelled_at timestamptz,
  checked_in_at timestamptz,
  checked_out_at timestamptz,
  -- what the organizer confirmed (also in the service_hours ledger, source 'attendance')
  confirmed_hours numeric(4, 1),
  confirmed_at timestamptz,
  check (checked_out_at is null or checked_in_at is not null)
);
-- one live booking per person and task (cancelled ones stay as history)
create unique index service_bookings_one_live on service_bookings (task_id, subject_id) where status = 'booked';
create index service_bookings_by_subject on service_bookings (subject_id, booked_at desc, id desc);
create index service_bookings_by_task on service_bookings (task_id, booked_at, id);

create table service_hour_codes (
  id text primary key,
  code text not null unique,
  organizer_user_id text not null references users (id),
  organization text not null,
  hours numeric(4, 1) not null check (hours >= 0.5 and hours <= 24),
  note text not null,
  created_at timestamptz not null default now(),
  redeemed_by_subject_id text references subjects (id),
  redeemed_at timestamptz
);

-- every organizer action that changes something: who, what, on which task / booking / code
create table organizer_audit (
  id text primary key,
  organizer_user_id text not null references users (id),
  action text not null check (action in ('publish_task', 'confirm_attendance', 'correct_attendance', 'issue_hour_code')),
  task_id text references service_tasks (id),
  booking_id text references service_bookings (id),
  hour_code_id text references service_hour_codes (id),
  detail jsonb not null default '{}',
  at timestamptz not null default now()
);
create index organizer_audit_by_organizer on organizer_audit (organizer_user_id, at desc);
