-- 022: who recorded a duty as met when a department pushes it (部门推送 through the officer API),
-- and the department's note (e.g. the payment slip's number). Both stay null for rows from the
-- seed, from before this migration and for fulfilment confirmed by a repair approval.
alter table credit_records
  add column obligation_met_by_user_id text references users (id),
  add column obligation_met_note text check (obligation_met_note is null or length(obligation_met_note) between 1 and 500);
