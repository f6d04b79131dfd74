-- 006: record kinds as data (copied from the policy module at start) and a fuller event trail:
-- which event moved a record from which status, caused by whom.

create table record_kinds (
  kind text primary key,
  carries_points boolean not null,
  repair_forbidden boolean not null,
  -- public-service hours a local policy asks for before repair, by class; null: never negative
  service_hours jsonb,
  updated_at timestamptz not null default now()
);

alter table credit_record_events
  add column event text,
  add column from_status text,
  add column actor_kind text check (actor_kind in ('system', 'subject', 'officer')),
  add column actor_id text;
