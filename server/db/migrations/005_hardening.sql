-- 005: hardening after the attack review — idempotency keys expire (the purge deletes by age).

create index idempotency_keys_created on idempotency_keys (created_at);
