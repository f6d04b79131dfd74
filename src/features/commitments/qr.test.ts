import qrcode from 'qrcode-generator'
import { isDarkAt, qrMatrix } from './qr'

describe('QR code as rectangles', () => {
  it('covers exactly the dark modules of the code, for a receipt verify address', () => {
    const text = 'https://credit.example.gov.cn/#/packages/commitments/pages/verify/index?no=CP20261122K7QM2XRD'
    const reference = qrcode(0, 'M')
    reference.addData(text, 'Byte')
    reference.make()
    const m = qrMatrix(text)
    expect(m.size).toBe(reference.getModuleCount())
    for (let row = 0; row < m.size; row++) for (let col = 0; col < m.size; col++) expect(isDarkAt(m, row, col)).toBe(reference.isDark(row, col))
  })

  it('merges runs into few enough rectangles for one small render', () => {
    const m = qrMatrix('packages/commitments/pages/verify/index?no=CP20261122K7QM2XRD')
    expect(m.rects.length).toBeLessThan(m.size * m.size * 0.4)
  })
})
