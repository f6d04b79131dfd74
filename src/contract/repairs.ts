// /api/repairs (信用修复) and /api/officer/repairs: request and answer schemas for the server; the
// app takes their types with `import type`.
import { z } from 'zod'
import { calendarDate, cursorQuery, idParams, instant, pageOf, subjectKind, text } from './common'
import { CreditRecordDetail, levelName, recordStatus, severity } from './credit'
import { ObjectionAttachment } from './objections'
import type { RepairState } from '../domain/repair-eligibility'
import type { PlanStep } from '../domain/repair-planner'

const id = z.string().max(100)

export const repairBody = z.object({
  recordId: text('要修复的信用记录', 100),
  commitmentId: text('信用修复承诺书', 100),
  attachmentIds: z.array(id, { error: '证明材料格式不正确' }).max(50, { error: '证明材料过多' }).default([]),
})
export type RepairBody = z.input<typeof repairBody>

export const repairListQuery = cursorQuery
export const RepairParams = idParams('修复申请', 100)

export const REPAIR_STATUSES = ['审核中', '已通过', '未通过'] as const
export type RepairStatus = (typeof REPAIR_STATUSES)[number]
export const officerRepairQuery = z.object({ status: z.enum(REPAIR_STATUSES, { error: '修复申请状态不正确' }).optional() })

export const repairDecisionBody = z.object({
  outcome: z.enum(['approve', 'reject'], { error: '请选择处理结果：准予修复或不予修复' }),
  reasons: text('决定理由', 1000),
})
export type RepairDecisionBody = z.input<typeof repairDecisionBody>

// --- answers ----------------------------------------------------------------------------------

const REPAIR_STATES = ['eligible', 'later', 'never'] as const satisfies readonly RepairState[]
const repairOutcome = z.enum(['approve', 'reject'])

export const RepairEligibilityItem = z.strictObject({
  recordId: z.string(),
  state: z.enum(REPAIR_STATES),
  eligibleFrom: calendarDate.nullable(),
  missing: z.array(z.string()),
  /** false: no record that the obligation was met — the application carries the proof (it may still be 'eligible') */
  obligationMet: z.boolean(),
  hoursRequired: z.number().min(0),
  hoursConfirmed: z.number().min(0),
  scoreNow: z.number().int(),
  scoreAfter: z.number().int(),
  title: z.string(),
  severity: severity.nullable(),
  /** the record's status as scoring reads it (domain ScoredRecord: a plain string) */
  status: z.string(),
  repairAfterMonths: z.number().int().nullable(),
  lastRejection: z.strictObject({ reasons: z.string(), at: instant }).nullable(),
})
export type RepairEligibilityItem = z.infer<typeof RepairEligibilityItem>
export const RepairEligibilityResponse = z.strictObject({ items: z.array(RepairEligibilityItem) })
export type RepairEligibilityResponse = z.infer<typeof RepairEligibilityResponse>

const PlannableTask = z.strictObject({ id: z.string(), title: z.string(), date: calendarDate, hours: z.number().min(0) })
export const RepairPlanStep = z.strictObject({
  recordId: z.string(),
  title: z.string(),
  kind: z.enum(['repair', 'expiry']),
  from: calendarDate,
  effectiveBy: calendarDate,
  tasks: z.array(PlannableTask),
  todo: z.array(z.string()),
  gain: z.number().int(),
  scoreAfter: z.number().int(),
  levelAfter: levelName,
}) satisfies z.ZodType<PlanStep>

export const RepairPlanResponse = z.strictObject({
  today: calendarDate,
  scoreNow: z.number().int(),
  levelNow: levelName,
  steps: z.array(RepairPlanStep),
  targetLevel: levelName,
  reachesTargetOn: calendarDate.nullable(),
  summary: z.string(),
  eligibility: z.array(RepairEligibilityItem),
})
export type RepairPlanResponse = z.infer<typeof RepairPlanResponse>

export const RepairStep = z.strictObject({
  status: z.string(),
  title: z.string(),
  done: z.boolean(),
  at: instant.nullable(),
  actor: z.string().nullable(),
  dueDate: calendarDate.nullable(),
  dueDateEstimated: z.boolean(),
  overdue: z.boolean(),
  note: z.string().nullable(),
  /** the decision step */
  outcome: repairOutcome.nullable().optional(),
  outcomeLabel: z.string().nullable().optional(),
  reasons: z.string().nullable().optional(),
})
export type RepairStep = z.infer<typeof RepairStep>

const RepairRecord = z.strictObject({ title: z.string(), status: recordStatus, severity: severity.nullable(), department: z.string(), documentNo: z.string().nullable() })

export const RepairApplication = z.strictObject({
  id: z.string(),
  status: z.enum(REPAIR_STATUSES),
  recordId: z.string(),
  record: RepairRecord,
  filedAt: instant,
  dueDate: calendarDate.nullable(),
  dueDateEstimated: z.boolean(),
  dueDateNote: z.string().nullable(),
  overdue: z.boolean(),
  scoreExpected: z.number().int(),
  outcome: repairOutcome.nullable(),
  outcomeLabel: z.string().nullable(),
  decisionReasons: z.string().nullable(),
  decidedAt: instant.nullable(),
  commitment: z.strictObject({ id: z.string(), receiptNo: z.string(), title: z.string(), signedAt: instant }),
  steps: z.array(RepairStep),
  attachments: z.array(ObjectionAttachment),
})
export type RepairApplication = z.infer<typeof RepairApplication>
export const RepairPage = pageOf(RepairApplication)
export type RepairPage = z.infer<typeof RepairPage>

/** The case as the officer sees it: the whole record (its history and obligation), the subject, the hours and the score it changes. */
export const OfficerRepairCase = RepairApplication.extend({
  subject: z.strictObject({ kind: subjectKind, name: z.string() }),
  record: CreditRecordDetail.omit({ objection: true }),
  hours: z.strictObject({ required: z.number().min(0), confirmed: z.number().min(0) }),
  score: z.strictObject({ now: z.number().int(), after: z.number().int() }),
})
export type OfficerRepairCase = z.infer<typeof OfficerRepairCase>
/** The officer's queue: by due date, at most one page (nextCursor is null). */
export const OfficerRepairPage = pageOf(RepairApplication)
export type OfficerRepairPage = z.infer<typeof OfficerRepairPage>
