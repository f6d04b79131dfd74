// /api/repairs (信用修复) and /api/officer/repairs: request schemas for the server, response types
// for the app (which imports them with `import type`).
import { z } from 'zod'
import { cursorQuery, idParams, text, type Page } from './common'
import type { Obligation } from '../domain/obligation'
import type { LevelName, Severity } from '../domain/policy'
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

export interface RepairEligibilityItem {
  recordId: string
  state: RepairState
  eligibleFrom: string | null
  missing: string[]
  /** false: no record that the obligation was met — the application carries the proof (it may still be 'eligible') */
  obligationMet: boolean
  hoursRequired: number
  hoursConfirmed: number
  scoreNow: number
  scoreAfter: number
  title: string
  severity: Severity | null
  status: string
  repairAfterMonths: number | null
  lastRejection: { reasons: string; at: string } | null
}
export interface RepairEligibilityResponse {
  items: RepairEligibilityItem[]
}

export interface RepairPlanResponse {
  today: string
  scoreNow: number
  levelNow: LevelName
  steps: PlanStep[]
  targetLevel: LevelName
  reachesTargetOn: string | null
  summary: string
  eligibility: RepairEligibilityItem[]
}

export interface RepairStep {
  status: string
  title: string
  done: boolean
  at: string | null
  actor: string | null
  dueDate: string | null
  dueDateEstimated: boolean
  overdue: boolean
  note: string | null
  outcome?: 'approve' | 'reject' | null
  outcomeLabel?: string | null
  reasons?: string | null
}

export interface RepairApplication {
  id: string
  status: RepairStatus
  recordId: string
  record: { title: string; status: string; severity: Severity | null; department: string; documentNo: string | null }
  filedAt: string
  dueDate: string | null
  dueDateEstimated: boolean
  dueDateNote: string | null
  overdue: boolean
  scoreExpected: number
  outcome: 'approve' | 'reject' | null
  outcomeLabel: string | null
  decisionReasons: string | null
  decidedAt: string | null
  commitment: { id: string; receiptNo: string; title: string; signedAt: string }
  steps: RepairStep[]
  attachments: { id: string; type: string; size: number; url: string }[]
}
export type RepairPage = Page<RepairApplication>

export interface OfficerRepairCase extends Omit<RepairApplication, 'record'> {
  subject: { kind: 'person' | 'enterprise'; name: string }
  record: RepairApplication['record'] & { history: { at: string; actor: string; status: string; reason: string }[]; decisionDate: string; publicityEnd: string | null; content: string; obligation: Obligation }
  hours: { required: number; confirmed: number }
  score: { now: number; after: number }
}
