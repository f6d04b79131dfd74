-- 007: the message centre (in-app messages, their WeChat / SMS deliveries, the WeChat access
-- token shared by every instance).

create table messages (
  id text primary key,
  -- a message is for a subject (read by whoever acts for it) or for one user
  subject_id text references subjects (id),
  user_id text references users (id),
  kind text not null,
  title text not null,
  body text not null,
  link text,
  -- a job that may run twice names its message, so the second run adds nothing
  dedupe_key text unique,
  -- milliseconds, like the cursor that pages by it
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  read_at timestamptz,
  check (subject_id is not null or user_id is not null)
);
create index messages_subject_page on messages (subject_id, created_at desc, id desc);
create index messages_user_page on messages (user_id, created_at desc, id desc) where subject_id is null;

-- The outbox of deliveries: written with the message, sent by the worker, never only in memory.
create table message_deliveries (
  id text primary key,
  message_id text not null references messages (id),
  channel text not null check (channel in ('wechat', 'sms')),
  recipient_user_id text not null references users (id),
  template text not null,
  -- the template's fields, already fitted to their length limits
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'refused', 'failed')),
  attempts integer not null default 0,
  last_error text,
  claimed_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index message_deliveries_pending on message_deliveries (created_at) where status in ('pending', 'sending');

-- WeChat's access token lasts about 2 hours and fetching a new one invalidates the old one after a
-- grace period: every instance uses the one kept here until it expires.
create table wechat_access_tokens (
  appid text primary key,
  access_token text not null,
  expires_at timestamptz not null,
  updated_at timestamptz not null default now()
);

-- Deadlines of cases (objections, repairs, …): the reminder job reminds on the working day before
-- the due date and marks a deadline overdue the day after it, once each.
create table deadlines (
  id text primary key,
  case_kind text not null,
  case_id text not null,
  -- which deadline of the case, e.g. decision, transfer
  step text not null,
  -- what is due, as the reminder says it (e.g. 异议核查决定)
  title text not null,
  -- the last day (China date) on which the step is on time
  due_date date not null,
  remind_user_id text references users (id),
  remind_subject_id text references subjects (id),
  link text,
  reminded_at timestamptz,
  overdue_at timestamptz,
  done_at timestamptz,
  created_at timestamptz not null default now(),
  unique (case_kind, case_id, step),
  check (remind_user_id is not null or remind_subject_id is not null)
);
create index deadlines_open on deadlines (due_date) where done_at is null;

-- Expiry is written by the expiry job, not only computed on read: an expired rental grant frees
-- the subject's one active grant, and an authorisation's end is a message to its giver.
alter table vouchers drop constraint vouchers_status_check;
alter table vouchers add constraint vouchers_status_check check (status in ('active', 'used', 'revoked', 'expired'));
alter table rental_grants drop constraint rental_grants_status_check;
alter table rental_grants add constraint rental_grants_status_check check (status in ('active', 'revoked', 'expired'));
alter table authorizations add column expired_at timestamptz;

-- the expiry job's daily question: which records still in publicity ended before today
create index credit_records_publicity_end on credit_records (publicity_end) where status in ('公示中', '已更正');
