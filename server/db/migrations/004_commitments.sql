-- 004: 信用承诺 — versioned templates (a signed text never changes) and signed commitments.

create table commitment_templates (
  id text not null,
  version integer not null check (version >= 1),
  kind text not null check (kind in ('审批型', '主动公示型', '行业自律型', '修复型')),
  audience text not null check (audience in ('person', 'enterprise', 'both')),
  title text not null,
  body text not null,
  body_sha256 text not null,
  created_at timestamptz not null default now(),
  primary key (id, version)
);

create table commitments (
  id text primary key,
  receipt_no text not null unique,
  template_id text not null,
  template_version integer not null,
  subject_id text not null references subjects (id),
  signer_user_id text not null references users (id),
  signer_relation text not null,
  text_sha256 text not null,
  signature_png bytea not null,
  signature_sha256 text not null,
  status text not null default '履约中' check (status in ('履约中', '已履约', '违诺')),
  status_reason text,
  record_id text references credit_records (id),
  signed_at timestamptz not null default now(),
  foreign key (template_id, template_version) references commitment_templates (id, version)
);
create index commitments_subject on commitments (subject_id, signed_at desc, id desc);
create index commitments_signed on commitments (signed_at desc, id desc);
