-- Who an incentive is for (a person, or an enterprise acting through its agent), and a scenic spot's
-- opening hours with its last entry: a same-day voucher is not offered once the gate stops letting
-- people in. Times are China time, 'HH:MM'.
alter table incentives add column audience text not null default 'person' check (audience in ('person', 'enterprise'));
alter table incentives add column opens_at text check (opens_at ~ '^[0-2][0-9]:[0-5][0-9]$');
alter table incentives add column closes_at text check (closes_at ~ '^[0-2][0-9]:[0-5][0-9]$');
alter table incentives add column last_entry text check (last_entry ~ '^[0-2][0-9]:[0-5][0-9]$');

-- A proof shown at a counter (信易阅, 信易医, 绿色通道 / 容缺受理): one per subject and kind. Its
-- code names the pass; the 6 digits shown next to it change every 30 s, so a screenshot fails.
create table counter_passes (
  id text primary key,
  code text not null unique,
  subject_id text not null references subjects (id),
  kind text not null,
  created_at timestamptz not null default now(),
  unique (subject_id, kind)
);

-- 注销账号 (PIPL Art. 47): the account row stays only as an empty shell (commitments it signed and
-- vouchers redeemed by it refer to it); everything that identified or logged in the user is cleared.
alter table users add column deleted_at timestamptz;
