// Unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters, MOD 31 check character.
import { ValidationResult } from './validation'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i])
    if (v < 0) throw new RangeError(`not a USCC character: ${first17[i]}`)
    sum += v * WEIGHTS[i]
  }
  return ALPHABET[(31 - (sum % 31)) % 31]
}

export function validateUscc(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: '请填写统一社会信用代码' }
  const value = input.trim().toUpperCase()
  if (value.length !== 18) return { ok: false, message: '统一社会信用代码应为18位' }
  if (![...value].every((c) => ALPHABET.includes(c))) {
    return { ok: false, message: '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）' }
  }
  // Digits 3-8 are the administrative division code: always numeric.
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, message: '统一社会信用代码中的行政区划码不正确' }
  if (usccCheckChar(value) !== value[17]) return { ok: false, message: '统一社会信用代码校验位不正确，请核对后重新输入' }
  return { ok: true, value }
}

export function isValidUscc(input: unknown): boolean {
  return validateUscc(input).ok
}
