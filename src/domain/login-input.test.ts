import { validatePersonName, validatePhone, validateSmsCode } from './login-input'

describe('validatePhone', () => {
  it('when the number is a mainland mobile number, then it is accepted (trimmed)', () => {
    expect(validatePhone(' 13800000001 ')).toEqual({ ok: true, value: '13800000001' })
  })
  it('when it is empty, short or not a mobile prefix, then it explains why', () => {
    expect(validatePhone('')).toEqual({ ok: false, message: '请填写手机号' })
    expect(validatePhone('1380000')).toEqual({ ok: false, message: '请输入正确的 11 位手机号' })
    expect(validatePhone('12800000001')).toEqual({ ok: false, message: '请输入正确的 11 位手机号' })
  })
})

describe('validateSmsCode', () => {
  it('accepts exactly six digits', () => {
    expect(validateSmsCode('123456')).toEqual({ ok: true, value: '123456' })
    expect(validateSmsCode('12345')).toEqual({ ok: false, message: '请输入 6 位数字验证码' })
    expect(validateSmsCode('12345a')).toEqual({ ok: false, message: '请输入 6 位数字验证码' })
    expect(validateSmsCode(undefined)).toEqual({ ok: false, message: '请填写验证码' })
  })
})

describe('validatePersonName', () => {
  it('accepts Chinese names, including the middle dot of minority names', () => {
    expect(validatePersonName('陈明远').ok).toBe(true)
    expect(validatePersonName('阿依古丽·买买提').ok).toBe(true)
  })
  it('rejects one character, Latin letters and empty input', () => {
    expect(validatePersonName('陈')).toEqual({ ok: false, message: '请填写身份证上的中文姓名（2–20 个汉字）' })
    expect(validatePersonName('Chen')).toEqual({ ok: false, message: '请填写身份证上的中文姓名（2–20 个汉字）' })
    expect(validatePersonName(' ')).toEqual({ ok: false, message: '请填写姓名' })
  })
})
