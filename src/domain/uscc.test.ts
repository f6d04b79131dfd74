import { isValidUscc, usccCheckChar, validateUscc } from './uscc'

describe('unified social credit code (GB 32100)', () => {
  it('accepts the published sample', () => {
    expect(validateUscc('91110000600037341L')).toEqual({ ok: true, value: '91110000600037341L' })
  })

  it('computes the check character', () => {
    expect(usccCheckChar('91110000600037341')).toBe('L')
  })

  it('upper-cases input', () => {
    expect(validateUscc('91110000600037341l')).toEqual({ ok: true, value: '91110000600037341L' })
  })

  it.each([
    ['', '请填写统一社会信用代码'],
    ['9111000060003734', '统一社会信用代码应为18位'],
    ['91110000600037341I', '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）'],
    ['911A0000600037341L', '统一社会信用代码中的行政区划码不正确'],
    ['91110000600037341M', '统一社会信用代码校验位不正确，请核对后重新输入'],
  ])('rejects %p', (input, message) => {
    expect(validateUscc(input)).toEqual({ ok: false, message })
  })

  it('rejects non-strings', () => {
    expect(isValidUscc(undefined)).toBe(false)
  })
})
