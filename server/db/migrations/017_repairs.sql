-- 017: credit repair applications (信用修复申请). The record's own status (已修复) is kept by the
-- lifecycle module; this table keeps the case: which record, the proof (upload_attachments with
-- case_kind 'repair'), the signed 修复型 commitment, the due dates and the officer's decision.

create table repair_applications (
  id text primary key,
  record_id text not null references credit_records (id),
  subject_id text not null references subjects (id),
  filed_by_user_id text not null references users (id),
  -- the 信用修复承诺书 signed for this application; one commitment serves one application
  commitment_id text not null unique references commitments (id),
  status text not null default '审核中' check (status in ('审核中', '已通过', '未通过')),
  filed_at timestamptz not null default now(),
  -- the China date the working-day deadlines count from
  filed_on date not null,
  -- the platform's reply and the department's decision, as last computed from the calendar;
  -- estimated: the date rests on a year whose arrangement was not yet published
  reply_due date not null,
  reply_due_estimated boolean not null,
  decision_due date not null,
  decision_due_estimated boolean not null,
  -- what the planner showed when the citizen applied: the score the repair should bring
  score_expected integer not null,
  decided_at timestamptz,
  officer_user_id text references users (id),
  officer_name text,
  outcome text check (outcome in ('approve', 'reject')),
  decision_reasons text
);
-- One open application per record; a race between two submissions ends here at the latest.
create unique index repair_applications_one_open on repair_applications (record_id) where status = '审核中';
create index repair_applications_subject_page on repair_applications (subject_id, filed_at desc, id desc);
create index repair_applications_open on repair_applications (reply_due) where status = '审核中';
