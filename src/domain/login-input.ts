// Login and real-name form inputs: mobile number, SMS code and the name on the ID card, with
// the same Chinese messages the server answers with.
import { SMS_CODE_LENGTH } from './policy'
import { ValidationResult } from './validation'

const MOBILE = /^1[3-9]\d{9}$/
const CODE = new RegExp(`^\\d{${SMS_CODE_LENGTH}}$`)
const PERSON_NAME = /^[\u4e00-\u9fa5·]{2,20}$/

export function validatePhone(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: '请填写手机号' }
  const value = input.trim()
  if (!MOBILE.test(value)) return { ok: false, message: '请输入正确的 11 位手机号' }
  return { ok: true, value }
}

export function validateSmsCode(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: '请填写验证码' }
  const value = input.trim()
  if (!CODE.test(value)) return { ok: false, message: `请输入 ${SMS_CODE_LENGTH} 位数字验证码` }
  return { ok: true, value }
}

export function validatePersonName(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: '请填写姓名' }
  const value = input.trim()
  if (!PERSON_NAME.test(value)) return { ok: false, message: '请填写身份证上的中文姓名（2–20 个汉字）' }
  return { ok: true, value }
}
