-- 013: objections (异议) to credit records. The record's own status (异议中 …) is kept by the
-- lifecycle module; this table keeps the case: who filed it, its steps and their due dates.

create table objections (
  id text primary key,
  record_id text not null references credit_records (id),
  subject_id text not null references subjects (id),
  filed_by_user_id text not null references users (id),
  reason text not null check (reason in ('wrong_info', 'not_me', 'revoked_or_changed', 'publicity_over', 'other')),
  description text not null,
  status text not null default '已提交' check (status in ('已提交', '核查中', '已转办', '已办结')),
  filed_at timestamptz not null default now(),
  -- the China date the working-day deadlines count from
  filed_on date not null,
  -- due dates as last computed (recomputed when an officer loads a year's official arrangement);
  -- estimated: the date rests on a year whose arrangement was not yet published
  decision_due date not null,
  decision_due_estimated boolean not null,
  transfer_due date not null,
  transfer_due_estimated boolean not null,
  -- the officer handling the case (the one who accepted it): the only officer who reads its evidence
  officer_user_id text references users (id),
  officer_name text,
  accepted_at timestamptz,
  transferred_at timestamptz,
  transferred_on date,
  department text,
  transfer_note text,
  department_due date,
  department_due_estimated boolean,
  decided_at timestamptz,
  outcome text check (outcome in ('correct', 'revoke', 'uphold')),
  decision_reasons text,
  -- for 更正: the record's fields before and after
  correction jsonb
);
-- One open objection per record; a race between two filings ends here at the latest.
create unique index objections_one_open on objections (record_id) where status <> '已办结';
create index objections_subject_page on objections (subject_id, filed_at desc, id desc);
create index objections_open on objections (status) where status <> '已办结';
