-- 008: uploaded files (evidence, signatures). The bytes live in the storage adapter (a directory in
-- DATA_DIR or S3-compatible storage); a row keeps who owns it, its type by content, size and SHA-256.

create table uploads (
  id text primary key,
  subject_id text not null references subjects (id),
  uploader_user_id text not null references users (id),
  -- 'signature' files are made by the server while signing and do not count against upload limits
  purpose text not null check (purpose in ('evidence', 'signature')),
  storage_key text not null unique,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size integer not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
create index uploads_uploader_created on uploads (uploader_user_id, created_at);
create index uploads_created on uploads (created_at);

-- An upload belongs to at most one case. No cascade: deleting an attached upload is an error.
create table upload_attachments (
  upload_id text primary key references uploads (id),
  case_kind text not null,
  case_id text not null,
  attached_at timestamptz not null default now()
);
create index upload_attachments_case on upload_attachments (case_kind, case_id);

-- Signatures move to the storage adapter. Rows signed before this migration keep their bytes in
-- signature_png until the startup step (moveLegacySignatures) has copied them and cleared the column.
alter table commitments add column signature_upload_id text references uploads (id);
alter table commitments alter column signature_png drop not null;
alter table commitments add constraint commitments_signature_present
  check (signature_upload_id is not null or signature_png is not null);
