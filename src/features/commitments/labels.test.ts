import { formatChinaTime, normalizeReceiptNo, shortHash } from './labels'

describe('commitment labels', () => {
  it('shows times in China Standard Time whatever the device zone', () => {
    expect(formatChinaTime('2026-11-22T17:05:00.000Z')).toBe('2026-11-23 01:05')
  })

  it('shortens a SHA-256 to its first and last 8 characters', () => {
    expect(shortHash('6f75d69aea44f046a6254f17912262cc286b2bd3b4b4eb39cf50874549190ce6')).toBe('6f75d69a…49190ce6')
  })

  it('reads a typed receipt number without spaces, in capitals', () => {
    expect(normalizeReceiptNo(' cp2026 1122k7qm2xrd ')).toBe('CP20261122K7QM2XRD')
  })
})
