-- 020: an organizer cancels a 公益任务 (with a reason the booked citizens are told), and a booking
-- records why it was cancelled: by its holder, with its task, or because the account was deleted.

alter table service_tasks
  add column cancelled_at timestamptz,
  add column cancel_reason text,
  add constraint service_tasks_cancel_reason check ((cancelled_at is null) = (cancel_reason is null));

alter table service_bookings
  add column cancelled_by text check (cancelled_by in ('citizen', 'organizer', 'account_deletion'));
update service_bookings set cancelled_by = 'citizen' where status = 'cancelled';
alter table service_bookings add constraint service_bookings_cancelled_by check ((status = 'cancelled') = (cancelled_by is not null));

alter table organizer_audit drop constraint organizer_audit_action_check;
alter table organizer_audit add constraint organizer_audit_action_check
  check (action in ('publish_task', 'confirm_attendance', 'correct_attendance', 'issue_hour_code', 'cancel_task'));
