-- 012: credit reports (公共信用信息报告 / 专项信用报告): one row per requested report, the signed PDF
-- kept as bytes until the storage adapter takes it over (storage_key).

create table reports (
  id text primary key,
  subject_id text not null references subjects (id),
  kind text not null check (kind in ('full', 'special')),
  -- {from, to, domains} for a special report, {} for a full one
  params jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'ready', 'failed')),
  number text not null unique,
  verification_code text not null,
  sha256 text,
  storage_key text,
  pdf bytea,
  created_at timestamptz not null default now(),
  ready_at timestamptz,
  error text,
  check (status <> 'ready' or (sha256 is not null and (pdf is not null or storage_key is not null)))
);
create index reports_subject on reports (subject_id, created_at desc, id desc);
-- The public check by file: the hash of an uploaded PDF finds its report.
create index reports_sha256 on reports (sha256);
