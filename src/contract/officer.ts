// /api/officer/commitments: a department officer's finding on a commitment (已履约 or 违诺), which
// puts a credit record on the subject. (Objections and repairs: ./objections, ./repairs.)
import { z } from 'zod'
import { idParams, text } from './common'
import { commitmentStatus } from './commitments'

export const CommitmentDecisionParams = idParams('承诺', 100)
export const CommitmentDecisionBody = z.object({
  outcome: z.enum(['已履约', '违诺'], { error: '请选择认定结果：已履约或违诺' }),
  reason: text('认定理由', 500),
})
export type CommitmentDecisionRequest = z.input<typeof CommitmentDecisionBody>

export const CommitmentDecision = z.strictObject({
  id: z.string(),
  receiptNo: z.string(),
  status: commitmentStatus.exclude(['履约中']),
  /** the credit record the finding created */
  recordId: z.string(),
})
export type CommitmentDecision = z.infer<typeof CommitmentDecision>
