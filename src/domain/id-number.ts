// Resident identity number (GB 11643-1999, ISO 7064 MOD 11-2): format, birth date and check digit.
import { ValidationResult } from './validation'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export interface IdNumberInfo {
  /** normalised: upper-case X */
  value: string
  birthDate: string
  gender: 'male' | 'female'
}

/** `today` is injectable so the "not in the future" rule is testable. */
export function validateIdNumber(input: unknown, today: Date = new Date()): ValidationResult<IdNumberInfo> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: '请填写身份证号码' }
  const value = input.trim().toUpperCase()
  if (value.length !== 18) return { ok: false, message: '身份证号码应为18位' }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: '身份证号码只能包含数字，最后一位可为X' }
  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, message: '身份证号码中的出生日期不正确' }
  const birth = Date.UTC(y, m - 1, d)
  if (birth > today.getTime()) return { ok: false, message: '身份证号码中的出生日期不能晚于今天' }
  if (idNumberCheckChar(value) !== value[17]) return { ok: false, message: '身份证号码校验位不正确，请核对后重新输入' }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  return { ok: true, value: { value, birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' } }
}

export function isValidIdNumber(input: unknown): boolean {
  return validateIdNumber(input).ok
}
