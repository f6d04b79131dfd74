// When 确认签署 may be pressed, and if not, the one thing the signer still has to do.
import type { TemplateAudience } from '../../services/commitments-api'

export interface SignProgress {
  audience: TemplateAudience
  /** acting for an enterprise (X-Subject) rather than as the user themself */
  actingForEnterprise: boolean
  reachedEnd: boolean
  secondsLeft: number
  agreed: boolean
  signed: boolean
  submitting: boolean
}

export function audienceProblem(audience: TemplateAudience, actingForEnterprise: boolean): string | null {
  if (audience === 'enterprise' && !actingForEnterprise) return '该承诺书由企业签署，请先选择以企业身份签署'
  if (audience === 'person' && actingForEnterprise) return '该承诺书由个人签署，请切换为以本人身份签署'
  return null
}

/** null when everything is done; otherwise what is missing, first things first. */
export function blockingReason(p: SignProgress): string | null {
  if (p.submitting) return '正在提交签署…'
  const audience = audienceProblem(p.audience, p.actingForEnterprise)
  if (audience) return audience
  if (!p.reachedEnd) return '请先阅读至承诺书末尾'
  if (p.secondsLeft > 0) return `请再阅读 ${p.secondsLeft} 秒`
  if (!p.agreed) return '请勾选“我已阅读并同意”'
  if (!p.signed) return '请在签名区域手写签名'
  return null
}
