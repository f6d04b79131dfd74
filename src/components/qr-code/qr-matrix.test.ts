import jsQR from 'jsqr'
import { qrMatrix, rowRuns } from './qr-matrix'

/** What a phone camera would read: the matrix drawn as pixels (quiet zone included) and decoded. */
function scan(m: boolean[][], scale = 4, quiet = 4): string | null {
  const size = (m.length + 2 * quiet) * scale
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255)
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m.length; c++) {
      if (!m[r][c]) continue
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const i = (((r + quiet) * scale + y) * size + (c + quiet) * scale + x) * 4
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0
        }
      }
    }
  }
  return jsQR(pixels, size, size)?.data ?? null
}

/** The three finder patterns: 7×7 squares with a dark ring, a light ring and a dark 3×3 centre. */
function hasFinder(m: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
      if (m[top + r][left + c] !== (ring !== 2)) return false
    }
  }
  return true
}

describe('voucher QR matrix', () => {
  it('when the same code is encoded twice, then the matrices are identical', () => {
    expect(qrMatrix('K7QM-2XRD-9PTA')).toEqual(qrMatrix('K7QM-2XRD-9PTA'))
  })

  it('when the code differs, then the matrix differs', () => {
    expect(qrMatrix('K7QM-2XRD-9PTA')).not.toEqual(qrMatrix('K7QM-2XRD-9PTB'))
  })

  it('a voucher code fits the smallest QR version (21 × 21) and is a square with the three finder patterns', () => {
    const m = qrMatrix('K7QM-2XRD-9PTA')
    expect(m).toHaveLength(21)
    expect(m.every((row) => row.length === 21)).toBe(true)
    expect(hasFinder(m, 0, 0) && hasFinder(m, 0, 14) && hasFinder(m, 14, 0)).toBe(true)
  })

  it('when there is more data, then the matrix grows (4 modules per version)', () => {
    const sizes = ['K7QM-2XRD-9PTA', 'K7QM-2XRD-9PTA-K7QM-2XRD-9PTA', 'https://credit.example.gov.cn/v/K7QM-2XRD-9PTA?sig=abcdefghijklmnopqrstuvwxyz'].map(
      (t) => qrMatrix(t).length,
    )
    expect(sizes[0]).toBeLessThan(sizes[1])
    expect(sizes[1]).toBeLessThan(sizes[2])
    for (const n of sizes) expect((n - 17) % 4).toBe(0)
  })

  it('when the matrix is scanned, then it reads exactly the code (no prefix, no URL)', () => {
    expect(scan(qrMatrix('K7QM-2XRD-9PTA'))).toBe('K7QM-2XRD-9PTA')
    expect(scan(qrMatrix('K7QM-2XRD-9PTB'))).toBe('K7QM-2XRD-9PTB')
  })

  it('splits a row into runs whose lengths add up to the row', () => {
    expect(rowRuns([true, true, false, true, false, false])).toEqual([
      { dark: true, length: 2 },
      { dark: false, length: 1 },
      { dark: true, length: 1 },
      { dark: false, length: 2 },
    ])
    const m = qrMatrix('K7QM-2XRD-9PTA')
    for (const row of m) expect(rowRuns(row).reduce((n, r) => n + r.length, 0)).toBe(row.length)
  })
})

describe('QR matrix of a receipt verify address', () => {
  it('when scanned, then it reads back the whole address (byte mode for lower-case text)', () => {
    const text = 'https://credit.example.gov.cn/#/packages/commitments/pages/verify/index?no=CP20261122K7QM2XRD'
    expect(scan(qrMatrix(text))).toBe(text)
  })

  it('draws each row as few enough bars for one small render', () => {
    const m = qrMatrix('packages/commitments/pages/verify/index?no=CP20261122K7QM2XRD')
    const bars = m.reduce((n, row) => n + rowRuns(row).length, 0)
    expect(bars).toBeLessThan(m.length * m.length * 0.6)
    for (const row of m) expect(rowRuns(row).reduce((n, r) => n + r.length, 0)).toBe(m.length)
  })
})
