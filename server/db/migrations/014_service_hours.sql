-- 014: the ledger of confirmed public-service (公益服务) hours. Every hour a subject is credited has
-- exactly one row here, with where it came from: attendance at a task (confirmed or corrected by the
-- organizer) or a redeemed hour code. Repair eligibility and the score read the sum; the unique key
-- makes crediting the same source twice impossible, whatever the concurrency.
create table service_hours (
  id text primary key,
  subject_id text not null references subjects (id),
  source text not null check (source in ('attendance', 'hour_code')),
  -- the booking (attendance) or the hour code (hour_code) the hours are for
  source_id text not null,
  hours numeric(6, 1) not null check (hours >= 0 and hours <= 1000),
  -- shown in 我的公益时长: the task's title and organisation, or the code's note
  title text not null,
  organization text not null,
  credited_at timestamptz not null default now(),
  -- an organizer's correction replaces the hours of the same source (kept in the task's audit trail)
  corrected_at timestamptz,
  unique (source, source_id)
);
create index service_hours_subject on service_hours (subject_id, credited_at desc, id desc);
