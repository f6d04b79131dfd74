-- 002: monthly score snapshots and the access log (who read a subject's record, when, why).

create table score_snapshots (
  subject_id text not null references subjects (id),
  month text not null check (month ~ '^\d{4}-\d{2}$'),
  score integer not null,
  level text not null,
  computed_at timestamptz not null default now(),
  primary key (subject_id, month)
);

create table access_log (
  id text primary key,
  subject_id text not null references subjects (id),
  at timestamptz not null default now(),
  -- already masked when written: an organisation name, or a person as 张*
  reader text not null,
  reader_kind text not null check (reader_kind in ('officer', 'partner', 'verifier', 'public')),
  purpose text not null
);
create index access_log_subject on access_log (subject_id, at desc, id desc);
