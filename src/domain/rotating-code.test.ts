import crypto from 'node:crypto'
import fc from 'fast-check'
import { checkRotating, fromBase64Url, hmacSha256, rotatingDigits, secondsLeft, sha256, windowOf } from './rotating-code'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('SHA-256 and HMAC in plain TypeScript agree with node:crypto', () => {
  it('on the standard vectors and any input', () => {
    expect(hex(sha256(new Uint8Array(Buffer.from('abc'))))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 100 }), (key, msg) => {
        expect(hex(sha256(msg))).toBe(crypto.createHash('sha256').update(msg).digest('hex'))
        expect(hex(hmacSha256(key, msg))).toBe(crypto.createHmac('sha256', key).update(msg).digest('hex'))
      }),
      { numRuns: 200 },
    )
  })

  it('base64url decodes as Node does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => expect(hex(fromBase64Url(Buffer.from(b).toString('base64url')))).toBe(hex(b))))
  })
})

describe('rotating 6-digit codes (30-second windows)', () => {
  const secret = new Uint8Array(32).fill(7)
  const t0 = Date.parse('2026-11-30T10:00:00Z')

  it('are 6 digits that change from one window to the next', () => {
    const a = rotatingDigits(secret, windowOf(t0))
    expect(a).toMatch(/^\d{6}$/)
    expect(rotatingDigits(secret, windowOf(t0 + 29_000))).toBe(a)
    expect(rotatingDigits(secret, windowOf(t0 + 30_000))).not.toBe(a)
    expect(secondsLeft(t0 + 12_000)).toBe(18)
  })

  it('the current code passes within one window either side (clock skew), an older one is "expired", a made-up one "wrong"', () => {
    const code = rotatingDigits(secret, windowOf(t0))
    expect(checkRotating(secret, code, t0 + 30_000)).toBe('current')
    expect(checkRotating(secret, code, t0 - 30_000)).toBe('current')
    expect(checkRotating(secret, code, t0 + 60_000)).toBe('expired') // a screenshot a minute old
    expect(checkRotating(secret, code, t0 + 3 * 3600_000)).toBe('expired')
    expect(checkRotating(secret, code, t0 + 13 * 3600_000)).not.toBe('current')
    const other = new Uint8Array(32).fill(8)
    expect(checkRotating(other, code, t0)).not.toBe('current') // another voucher's code does not pass
  })
})
