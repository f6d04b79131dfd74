import { idNumberCheckChar, isValidIdNumber, validateIdNumber } from './id-number'

describe('resident ID number (GB 11643)', () => {
  it('accepts the published sample and reads its birth date and gender', () => {
    const r = validateIdNumber('11010519491231002X')
    expect(r).toEqual({ ok: true, value: { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' } })
  })

  it('accepts a lower-case x and normalises it', () => {
    const r = validateIdNumber('11010519491231002x')
    expect(r.ok && r.value.value).toBe('11010519491231002X')
  })

  it('computes the check character from the weights', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
    expect(idNumberCheckChar('44030419900101001')).toBe('1')
  })

  it.each([
    ['', '请填写身份证号码'],
    ['1101051949123100', '身份证号码应为18位'],
    ['11010519491231002A', '身份证号码只能包含数字，最后一位可为X'],
    ['110105194902300027', '身份证号码中的出生日期不正确'],
    ['110105189912310021', '身份证号码中的出生日期不正确'],
    ['110105194912310021', '身份证号码校验位不正确，请核对后重新输入'],
  ])('rejects %p with a Chinese message', (input, message) => {
    expect(validateIdNumber(input)).toEqual({ ok: false, message })
  })

  it('rejects a birth date in the future', () => {
    const r = validateIdNumber('110105203001010010', new Date('2026-11-22'))
    expect(r).toEqual({ ok: false, message: '身份证号码中的出生日期不能晚于今天' })
  })

  it('rejects non-strings', () => {
    expect(isValidIdNumber(12345)).toBe(false)
    expect(isValidIdNumber(null)).toBe(false)
  })
})
