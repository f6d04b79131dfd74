-- 018: 失信举报 (reports of dishonesty about an enterprise) and 信用信息自愿注册 (positive information
-- a subject registers itself, verified by an officer before it becomes a record), and the commitment
-- to the truth that every registration carries (a real template: production needs it too).

create table dishonesty_reports (
  id text primary key,
  -- who reported: kept for the handling officer only (000 §17, 004 §10: 对举报人信息严格保密)
  reporter_subject_id text not null references subjects (id),
  reporter_user_id text not null references users (id),
  -- the enterprise reported, by USCC; its subject when it is known to the platform
  uscc text not null,
  reported_subject_id text references subjects (id),
  category text not null,
  description text not null,
  status text not null default '已提交' check (status in ('已提交', '已受理', '核查中', '已办结')),
  filed_at timestamptz not null default now(),
  filed_on date not null,
  accept_due date not null,
  accept_due_estimated boolean not null,
  -- the officer handling it (the one who accepted it): the only one who reads the reporter and the evidence
  officer_user_id text references users (id),
  officer_name text,
  accepted_at timestamptz,
  conclude_due date,
  conclude_due_estimated boolean,
  verifying_at timestamptz,
  verify_note text,
  concluded_at timestamptz,
  outcome text check (outcome in ('substantiated', 'partly', 'unsubstantiated')),
  reply text
);
create index dishonesty_reports_reporter_page on dishonesty_reports (reporter_subject_id, filed_at desc, id desc);
create index dishonesty_reports_open on dishonesty_reports (status, filed_at) where status <> '已办结';

create table voluntary_registrations (
  id text primary key,
  subject_id text not null references subjects (id),
  filed_by_user_id text not null references users (id),
  category text not null,
  title text not null,
  description text not null,
  -- one signed commitment to the truth per registration
  commitment_id text not null unique references commitments (id),
  status text not null default '已提交' check (status in ('已提交', '已核验', '未通过')),
  filed_at timestamptz not null default now(),
  filed_on date not null,
  verify_due date not null,
  verify_due_estimated boolean not null,
  officer_user_id text references users (id),
  officer_name text,
  decided_at timestamptz,
  reasons text,
  -- the positive record a verification created
  record_id text references credit_records (id)
);
create index voluntary_registrations_subject_page on voluntary_registrations (subject_id, filed_at desc, id desc);
create index voluntary_registrations_open on voluntary_registrations (filed_at) where status = '已提交';

-- The commitment a registration is signed under (002 §7, 003 §8: 对信息真实性公开作出承诺).
insert into commitment_templates (id, version, kind, audience, title, body, body_sha256, department)
select 'tpl-voluntary-registration', 1, '主动公示型', 'both', '信用信息自愿注册真实性承诺书', body,
       encode(sha256(convert_to(body, 'UTF8')), 'hex'), null
from (values ($$本人（本单位）自愿向公共信用信息平台注册信用信息，郑重承诺：
一、所注册的资质资格、市场经营、合同履约、公益慈善等信息及所附证明材料真实、准确、完整、有效，不存在虚假记载、误导性陈述或重大遗漏；
二、同意信用主管部门对所注册信息进行核验，并授权平台对核验通过的信息进行整合、共享与应用，作为信用评价和信用报告的依据；
三、所注册信息发生变化的，及时更新或申请撤回；
如违反上述承诺，自愿接受相关部门依法依规作出的处理，并同意将不实承诺情况记入信用记录。$$)) as t (body)
on conflict do nothing;
