-- 003: 守信激励 — the catalog, 信易游 vouchers, 信易租 grants, authorisations, staff sites.

create table incentives (
  id text primary key,
  category text not null check (category in ('travel', 'rental', 'reading', 'medical')),
  name text not null,
  provider text not null,
  summary text not null,
  -- [{code, name, detail}]
  benefits jsonb not null default '[]',
  rule_min_level text,
  rule_red_list text not null default 'none' check (rule_red_list in ('required', 'alternative', 'none')),
  claim_kind text not null check (claim_kind in ('voucher', 'grant', 'none')),
  address text,
  open_hours text,
  deposit_waived text,
  limits text,
  how_to_use text,
  sort integer not null default 0
);

-- Partner staff work at one incentive's site (景区闸机, 租赁门店).
create table staff_sites (
  user_id text not null references users (id),
  incentive_id text not null references incentives (id),
  primary key (user_id, incentive_id)
);

create table vouchers (
  id text primary key,
  code text not null unique,
  incentive_id text not null references incentives (id),
  subject_id text not null references subjects (id),
  benefit text not null,
  visit_date date not null,
  status text not null default 'active' check (status in ('active', 'used', 'revoked')),
  signature text not null,
  used_at timestamptz,
  used_by text references users (id),
  used_place text,
  created_at timestamptz not null default now(),
  unique (subject_id, incentive_id, visit_date, benefit)
);
create index vouchers_subject on vouchers (subject_id, created_at desc);

create table rental_grants (
  id text primary key,
  code text not null unique,
  incentive_id text not null references incentives (id),
  subject_id text not null references subjects (id),
  valid_until date not null,
  status text not null default 'active' check (status in ('active', 'revoked')),
  created_at timestamptz not null default now()
);
create unique index rental_grants_one_active on rental_grants (subject_id, incentive_id) where status = 'active';

create table authorizations (
  id text primary key,
  subject_id text not null references subjects (id),
  incentive_id text not null references incentives (id),
  scope text not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index authorizations_subject on authorizations (subject_id, created_at desc);
