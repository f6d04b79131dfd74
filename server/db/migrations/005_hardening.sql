-- 005: hardening after the attack review — idempotency keys expire (the purge deletes by age).

create index idempotency_keys_created on idempotency_keys (created_at);

-- Rate limits for anonymous routes, counted here so every instance counts together: one row per
-- bucket (route group + client address) and fixed window.
create table rate_limit_hits (
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (bucket, window_start)
);
create index rate_limit_hits_window on rate_limit_hits (window_start);

-- Repeated reads by one source are logged once a day: the key names the source and the day.
alter table access_log add column dedupe_key text unique;

-- Access tokens ended by logout before their expiry (kept until they would have expired anyway).
create table revoked_access_tokens (
  jti text primary key,
  expires_at timestamptz not null
);
create index revoked_access_tokens_expiry on revoked_access_tokens (expires_at);

-- The department that accepts a template's commitments: only its officers decide on them.
alter table commitment_templates add column department text;
