-- Who an incentive is for (a person, or an enterprise acting through its agent), and a scenic spot's
-- opening hours with its last entry: a same-day voucher is not offered once the gate stops letting
-- people in. Times are China time, 'HH:MM'.
alter table incentives add column audience text not null default 'person' check (audience in ('person', 'enterprise'));
alter table incentives add column opens_at text check (opens_at ~ '^[0-2][0-9]:[0-5][0-9]$');
alter table incentives add column closes_at text check (closes_at ~ '^[0-2][0-9]:[0-5][0-9]$');
alter table incentives add column last_entry text check (last_entry ~ '^[0-2][0-9]:[0-5][0-9]$');
