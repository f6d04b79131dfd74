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
