import { holderForCheck, maskIdNumber, maskName, maskPhone } from './mask'

describe('masking', () => {
  it('shows the first 6 and last 4 of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
  })
  it('shows 3 + 4 digits of a phone number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
  })
  it('keeps only the family-name character of a name', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('陈明远')).toBe('陈**')
    expect(maskName('王')).toBe('*')
  })
  it('never returns a short value unmasked', () => {
    expect(maskIdNumber('1234')).toBe('****')
    expect(maskPhone('12345')).toBe('*****')
  })
})

describe('holderForCheck: what a verifier compares with an ID card', () => {
  it('keeps the surname and the last character, and the last 4 of the ID', () => {
    expect(holderForCheck('陈明远', '330106198503120012')).toEqual({ name: '陈*远', idLast4: '0012' })
    expect(holderForCheck('欧阳娜娜', '33010619850312001X')).toEqual({ name: '欧**娜', idLast4: '001X' })
  })

  it('a two-character name shows only the surname; one character nothing', () => {
    expect(holderForCheck('王芳', null)).toEqual({ name: '王*', idLast4: null })
    expect(holderForCheck('王', '12')).toEqual({ name: '*', idLast4: null })
  })
})
