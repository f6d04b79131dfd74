-- 001: subjects, accounts and sessions, credit records, idempotency. Valid on PostgreSQL 15 and newer.

create table subjects (
  id text primary key,
  kind text not null check (kind in ('person', 'enterprise')),
  name text not null,
  -- resident ID number for a person, USCC for an enterprise
  identifier text not null unique,
  created_at timestamptz not null default now()
);

create table users (
  id text primary key,
  persona text unique,
  phone text unique,
  wechat_openid text unique,
  subject_id text unique references subjects (id),
  roles text[] not null default '{citizen}',
  org_name text,
  created_at timestamptz not null default now()
);

create table agent_bindings (
  user_id text not null references users (id),
  subject_id text not null references subjects (id),
  role text not null check (role in ('法定代表人', '经办人')),
  created_at timestamptz not null default now(),
  primary key (user_id, subject_id)
);

create table credit_records (
  id text primary key,
  subject_id text not null references subjects (id),
  kind text not null,
  polarity text not null check (polarity in ('positive', 'negative')),
  severity text check (severity in ('轻微', '一般', '严重')),
  title text not null,
  content text not null default '',
  department text not null,
  document_no text,
  legal_basis text,
  decision_date date not null,
  publicity_start date not null,
  publicity_end date,
  status text not null default '公示中'
    check (status in ('公示中', '异议中', '已更正', '已撤销', '已修复', '已到期')),
  list_kind text check (list_kind in ('red', 'black')),
  list_name text,
  created_at timestamptz not null default now(),
  check ((polarity = 'positive' and severity is null) or (polarity = 'negative' and severity is not null))
);
create index credit_records_subject_page on credit_records (subject_id, decision_date desc, id desc);

-- Records are never edited in place without a trace: every status is an appended event.
create table credit_record_events (
  id text primary key,
  record_id text not null references credit_records (id),
  at timestamptz not null default now(),
  actor text not null,
  status text not null,
  reason text not null
);
create index credit_record_events_record on credit_record_events (record_id, at);

create table refresh_tokens (
  id text primary key,
  family_id text not null,
  user_id text not null references users (id),
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family_id);

create table sms_codes (
  id text primary key,
  phone text not null,
  ip text not null,
  code_hash text not null,
  expires_at timestamptz not null,
  wrong_attempts integer not null default 0,
  consumed_at timestamptz,
  created_at timestamptz not null default now()
);
create index sms_codes_phone on sms_codes (phone, created_at desc);
create index sms_codes_ip on sms_codes (ip, created_at desc);

create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  state text not null check (state in ('in_flight', 'done')),
  status_code integer,
  response_body text,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
