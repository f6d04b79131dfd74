-- 021: officers' department scope. An officer belongs to the department named by users.org_name.
-- The 信用主管部门 (credit authority, the platform: e.g. 市发展改革委 / 市公共信用信息中心) receives
-- objections, repair applications, reports of dishonesty and voluntary registrations, accepts and
-- transfers; the department that made a record (credit_records.department) or the one a case was
-- transferred to decides. Officers of any other department do not see the case.

create table departments (
  name text primary key,
  credit_authority boolean not null default false
);

-- Every step of an objection names who took it; the decision also the department it was taken for.
alter table objections
  add column transferred_by_user_id text references users (id),
  add column decided_by_user_id text references users (id),
  add column decided_by_department text;
