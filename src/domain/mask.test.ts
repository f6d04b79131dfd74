import { maskIdNumber, maskName, maskPhone } from './mask'

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
