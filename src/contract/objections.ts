// 异议: request schemas of /api/objections (the acting subject files and follows) and
// /api/officer/objections (the queue, accept, transfer, decide), and the shapes they answer with.
import { z } from 'zod'
import { OBJECTION_REASONS, type ObjectionOutcome, type ObjectionReason, type ObjectionStatus } from '../domain/objection'
import { calendarDate, cursorQuery, idParams, instant, pageOf, text } from './common'
import { CreditRecordDetail } from './credit'

export type { ObjectionOutcome, ObjectionReason, ObjectionStatus }

const OBJECTION_STATUSES = ['已提交', '核查中', '已转办', '已办结'] as const satisfies readonly ObjectionStatus[]
const OBJECTION_OUTCOMES = ['correct', 'revoke', 'uphold'] as const satisfies readonly ObjectionOutcome[]
export const objectionStatus = z.enum(OBJECTION_STATUSES)
export const objectionOutcome = z.enum(OBJECTION_OUTCOMES)
const objectionReason = z.enum(Object.keys(OBJECTION_REASONS) as [ObjectionReason, ...ObjectionReason[]])

// --- requests ---------------------------------------------------------------------------------

const uploadId = z.string().max(100)

/** The filing rules themselves (length, evidence per reason) are validateObjection's, shared with the form. */
export const FileObjectionBody = z.object({
  recordId: text('信用记录', 100),
  reason: z.string({ error: '请选择异议理由' }).max(40, { error: '请选择异议理由' }),
  description: z.string({ error: '请说明异议的具体情况' }).max(2000, { error: '异议说明过长' }),
  attachmentIds: z.array(uploadId, { error: '证明材料格式不正确' }).max(50, { error: '证明材料过多' }).default([]),
})
/** What the app sends: the body, with the reason one of the form's (validateObjection checks it on the server). */
export type FileObjectionRequest = Omit<z.input<typeof FileObjectionBody>, 'reason' | 'attachmentIds'> & { reason: ObjectionReason; attachmentIds: string[] }

export const ObjectionParams = idParams('异议', 100)
export const MyObjectionsQuery = z.object({ cursor: cursorQuery.shape.cursor })
export const OfficerObjectionsQuery = z.object({ status: z.enum(OBJECTION_STATUSES, { error: '异议状态不正确' }).optional() })

export const TransferBody = z.object({ department: text('转办部门', 100), note: text('转办说明', 500) })
export type TransferRequest = z.input<typeof TransferBody>

export const CorrectionBody = z.object(
  {
    title: text('更正后的标题', 200).optional(),
    content: text('更正后的内容', 2000).optional(),
    documentNo: text('更正后的决定文书号', 100).optional(),
    severity: z.enum(['轻微', '一般', '严重'], { error: '失信程度不正确' }).optional(),
  },
  { error: '更正内容格式不正确' },
)
export type Correction = z.input<typeof CorrectionBody>

export const DecisionBody = z
  .object({
    outcome: z.enum(OBJECTION_OUTCOMES, { error: '请选择处理结果：更正、撤销或维持' }),
    reasons: text('决定理由', 1000),
    correction: CorrectionBody.optional(),
  })
  .refine((b) => b.outcome !== 'correct' || Object.values(b.correction ?? {}).some((v) => v !== undefined), {
    error: '更正记录时，请填写要更正的内容（标题、内容、文书号或失信程度）',
  })
export type DecisionRequest = z.input<typeof DecisionBody>

// --- answers ----------------------------------------------------------------------------------

export const ObjectionStep = z.strictObject({
  status: objectionStatus,
  done: z.boolean(),
  at: instant.nullable(),
  actor: z.string().nullable(),
  dueDate: calendarDate.nullable(),
  dueDateEstimated: z.boolean(),
  overdue: z.boolean(),
  /** 按法定节假日推算… when the due date rests on a year without the official arrangement */
  note: z.string().nullable(),
  /** the transfer step */
  department: z.string().nullable().optional(),
  transferNote: z.string().nullable().optional(),
  /** the closing step */
  outcome: objectionOutcome.nullable().optional(),
  outcomeLabel: z.string().nullable().optional(),
  reasons: z.string().nullable().optional(),
})
export type ObjectionStep = z.infer<typeof ObjectionStep>

export const ObjectionAttachment = z.strictObject({
  id: z.string(),
  type: z.string(),
  size: z.number().int().min(0),
  /** an API path (`/api/uploads/:id`), read with the session */
  url: z.string().startsWith('/api/uploads/'),
})
export type ObjectionAttachment = z.infer<typeof ObjectionAttachment>

/** A corrected record's fields before and after (title, content, documentNo, severity). */
const fieldValues = z.record(z.string(), z.string().nullable())

export const Objection = z.strictObject({
  id: z.string(),
  status: objectionStatus,
  recordId: z.string(),
  recordTitle: z.string().nullable(),
  recordDepartment: z.string().nullable(),
  reason: objectionReason,
  reasonLabel: z.string(),
  description: z.string(),
  filedAt: instant,
  dueDate: calendarDate.nullable(),
  dueDateEstimated: z.boolean(),
  dueDateNote: z.string().nullable(),
  overdue: z.boolean(),
  outcome: objectionOutcome.nullable(),
  decisionReasons: z.string().nullable(),
  correction: z.strictObject({ before: fieldValues, after: fieldValues }).nullable(),
  steps: z.array(ObjectionStep),
  attachments: z.array(ObjectionAttachment),
})
export type Objection = z.infer<typeof Objection>
export const ObjectionPage = pageOf(Objection)
export type ObjectionPage = z.infer<typeof ObjectionPage>

/** The case as the officer sees it: with the record and its full history. */
export const OfficerObjection = Objection.extend({
  record: CreditRecordDetail.omit({ objection: true }),
  /** what the calling officer can do now (department scope and state); the page offers only these */
  actions: z.array(z.enum(['accept', 'transfer', 'decide'])),
})
export type OfficerObjection = z.infer<typeof OfficerObjection>
/** The officer's queue: by the due date that matters now, at most one page (nextCursor is null). */
export const OfficerObjectionPage = pageOf(OfficerObjection)
export type OfficerObjectionPage = z.infer<typeof OfficerObjectionPage>
