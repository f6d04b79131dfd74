// Words and formats the commitment screens show for what the API returns.
import { COMMITMENT_KINDS, PUBLIC_COMMITMENT_KINDS, type CommitmentKind } from '../../domain/policy'
import type { CommitmentStatus, TemplateAudience } from '../../services/commitments-api'

/** The kinds a user signs from the commitments home; 修复型 is signed inside a repair application. */
export const SIGNABLE_KINDS: readonly CommitmentKind[] = COMMITMENT_KINDS.filter((k) => k !== '修复型')
export const REPAIR_KIND: CommitmentKind = '修复型'

export const KIND_DESCRIPTIONS: Readonly<Record<CommitmentKind, string>> = {
  审批型: '办理行政许可、证明事项时以承诺代替证明材料（告知承诺制）',
  主动公示型: '主动向社会作出诚信经营承诺，签署后公开展示',
  行业自律型: '按照行业协会的自律规范作出服务承诺',
  修复型: '在信用修复中使用：申请信用修复时随申请一并签署',
}

export const isPublicKind = (kind: CommitmentKind) => PUBLIC_COMMITMENT_KINDS.includes(kind)

export const AUDIENCE_LABELS: Readonly<Record<TemplateAudience, string>> = {
  person: '个人签署',
  enterprise: '企业签署',
  both: '个人或企业签署',
}

/** A status always shows as colour and words together. */
export const STATUS_TAGS: Readonly<Record<CommitmentStatus, { className: string; hint: string }>> = {
  履约中: { className: 'tag tag-accent', hint: '承诺正在履行' },
  已履约: { className: 'tag tag-ok', hint: '经主管部门认定已履行承诺' },
  违诺: { className: 'tag cm-tag-danger', hint: '经主管部门认定违反承诺，已记入信用记录' },
}

/** 'YYYY-MM-DD HH:mm' and 'YYYY-MM-DD' in China Standard Time, whatever the device's time zone. */
export { formatChinaDateTime as formatChinaTime, formatChinaDate } from '../../domain/dates'

/** The first and last 8 characters of a SHA-256, enough to compare by eye. */
export const shortHash = (hex: string) => (hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex)

/** A receipt number as typed: spaces dropped, letters upper-cased. */
export const normalizeReceiptNo = (input: string) => input.replace(/\s+/g, '').toUpperCase()
