// 信用承诺 (DESIGN §3 Commitments, §4 /api/commitments): templates by version, signing (text hash +
// handwritten signature → receipt), my commitments; and what the public list and a receipt show.
import { z } from 'zod'
import { COMMITMENT_KINDS } from '../domain/policy'
import { cursorQuery, idParams, instant, pageOf, subjectKind, text } from './common'

export const commitmentKind = z.enum(COMMITMENT_KINDS)
export const commitmentStatus = z.enum(['履约中', '已履约', '违诺'])
export type CommitmentStatus = z.infer<typeof commitmentStatus>
export const templateAudience = z.enum(['person', 'enterprise', 'both'])
export type TemplateAudience = z.infer<typeof templateAudience>

// --- requests ---------------------------------------------------------------------------------

export const TemplatesQuery = z.object({ kind: z.enum(COMMITMENT_KINDS, { error: '承诺类型不正确' }).optional() })
export const TemplateParams = idParams('承诺书', 64)
export const CommitmentParams = idParams('承诺', 100)
export const MyCommitmentsQuery = cursorQuery

/** The signature is checked by its content on the server (PNG, size, real ink), for its messages. */
export const SignBody = z.object({
  templateId: text('承诺书', 64),
  version: z.number({ error: '承诺书版本不正确' }).int({ error: '承诺书版本不正确' }).min(1, { error: '承诺书版本不正确' }),
  textSha256: z.string({ error: '缺少承诺书内容校验值' }).regex(/^[0-9a-f]{64}$/, { error: '承诺书内容校验值不正确' }),
  agreed: z.literal(true, { error: '请先勾选“我已阅读并同意”' }),
  signaturePng: z.unknown().optional(),
})
/** What the app sends: the body, with the signature as the PNG data URL the server checks. */
export type SignRequest = Omit<z.input<typeof SignBody>, 'signaturePng'> & {
  /** data:image/png;base64,… */
  signaturePng: string
}

// --- answers ----------------------------------------------------------------------------------

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const TemplateSummary = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  kind: commitmentKind,
  title: z.string(),
  audience: templateAudience,
  textSha256: sha256,
})
export type TemplateSummary = z.infer<typeof TemplateSummary>
export const TemplatePage = pageOf(TemplateSummary)

export const CommitmentTemplate = TemplateSummary.extend({
  /** the full text, paragraphs separated by line breaks */
  body: z.string(),
})
export type CommitmentTemplate = z.infer<typeof CommitmentTemplate>

export const CommitmentSubject = z.strictObject({
  kind: subjectKind,
  /** an enterprise's registered name; a person's name comes masked */
  name: z.string(),
  uscc: z.string().nullable(),
})
export type CommitmentSubject = z.infer<typeof CommitmentSubject>

export const Commitment = z.strictObject({
  id: z.string(),
  receiptNo: z.string(),
  template: z.strictObject({ id: z.string(), version: z.number().int(), kind: commitmentKind, title: z.string() }),
  subject: CommitmentSubject,
  signerRelation: z.string(),
  textSha256: sha256,
  signatureSha256: sha256,
  status: commitmentStatus,
  statusReason: z.string().nullable(),
  /** the credit record a finding (已履约 / 违诺) created, once there is one */
  recordId: z.string().nullable(),
  signedAt: instant,
})
export type Commitment = z.infer<typeof Commitment>
export const CommitmentPage = pageOf(Commitment)

export const CommitmentDetail = Commitment.extend({ text: z.string() })
export type CommitmentDetail = z.infer<typeof CommitmentDetail>

/** What anyone may see of a commitment: no internal ids, no signature hash. */
export const PublicCommitment = Commitment.omit({ id: true, recordId: true, signatureSha256: true })
export type PublicCommitment = z.infer<typeof PublicCommitment>
export const PublicCommitmentPage = pageOf(PublicCommitment)

/** What anyone may learn from a receipt number. */
export const ReceiptVerification = PublicCommitment.extend({ valid: z.literal(true) })
export type ReceiptVerification = z.infer<typeof ReceiptVerification>
