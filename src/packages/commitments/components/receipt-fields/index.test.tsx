import { fireEvent, render, screen } from '@testing-library/react'
import ReceiptFields from '.'

const facts = {
  template: { title: '市场主体信用承诺书', version: 2, kind: '主动公示型' },
  subject: { kind: 'person', name: '陈**', uscc: null },
  signerRelation: '本人',
  signedAt: '2026-11-30T02:00:00Z',
  textSha256: '6f75a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef12',
  status: '履约中',
  statusReason: null,
} as unknown as Parameters<typeof ReceiptFields>[0]['facts']

describe('receipt fields: the text fingerprint', () => {
  it('is behind 详情, and when opened says what it is for', () => {
    render(<ReceiptFields facts={facts} />)
    expect(screen.queryByText(/6f75/)).toBeNull()
    fireEvent.click(screen.getByText('详情'))
    expect(screen.getByText(/数字指纹（SHA-256）：文本改动一个字，指纹就会不同/)).toBeTruthy()
    expect(screen.getByText(/^6f75/)).toBeTruthy()
    expect(screen.getByText('复制完整指纹')).toBeTruthy()
  })
})
