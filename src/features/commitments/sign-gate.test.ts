import { blockingReason } from './sign-gate'

const done = { audience: 'enterprise' as const, actingForEnterprise: true, reachedEnd: true, secondsLeft: 0, agreed: true, signed: true, submitting: false }

describe('when 确认签署 may be pressed', () => {
  it('only when the text is read to its end and long enough, consent is ticked and the pad is signed', () => {
    expect(blockingReason(done)).toBeNull()
    expect(blockingReason({ ...done, reachedEnd: false })).toBe('请先阅读至承诺书末尾')
    expect(blockingReason({ ...done, secondsLeft: 3 })).toBe('请再阅读 3 秒')
    expect(blockingReason({ ...done, agreed: false })).toBe('请勾选“我已阅读并同意”')
    expect(blockingReason({ ...done, signed: false })).toBe('请在签名区域手写签名')
    expect(blockingReason({ ...done, submitting: true })).toBe('正在提交签署…')
  })

  it('not when the signer acts as the wrong kind of subject for the template', () => {
    expect(blockingReason({ ...done, actingForEnterprise: false })).toBe('该承诺书由企业签署，请先选择以企业身份签署')
    expect(blockingReason({ ...done, audience: 'person' })).toBe('该承诺书由个人签署，请切换为以本人身份签署')
    expect(blockingReason({ ...done, audience: 'both', actingForEnterprise: false })).toBeNull()
  })
})
