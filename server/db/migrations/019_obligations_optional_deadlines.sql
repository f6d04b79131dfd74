-- 019: (1) the legal obligation a negative record imposes (缴纳罚款 5,000 元, 停业整顿 …) and whether
-- it was met. Repair (NDRC 令2025年第36号) needs the obligation met: the department's own data says
-- so (部门推送), or the officer confirms it when approving a repair on the proof the citizen
-- uploaded (修复审核确认). No obligation (null, e.g. a 警告) needs nothing done; rows from before
-- this migration read that way, as the eligibility rule did until now. (2) Optional deadlines.

alter table credit_records
  add column obligation text check (obligation is null or length(obligation) between 1 and 200),
  add column obligation_met_on date,
  add column obligation_met_source text check (obligation_met_source in ('部门推送', '修复审核确认')),
  -- the repair application whose approval confirmed it (source 修复审核确认)
  add column obligation_met_repair_id text references repair_applications (id),
  add constraint credit_records_obligation_met check (
    (obligation_met_on is null and obligation_met_source is null and obligation_met_repair_id is null)
    or (obligation is not null and obligation_met_on is not null and obligation_met_source is not null
        and (obligation_met_source = '修复审核确认') = (obligation_met_repair_id is not null))
  );

-- An optional step's deadline (an objection's transfer within 2 working days) is the last day the
-- step may be taken, not a duty: once it passes the step lapses — closed without an overdue mark.
alter table deadlines add column optional boolean not null default false;
