// A QR code as rectangles of dark modules, so it renders as plain Views on both targets (no DOM,
// no canvas). Horizontal runs of a row are merged with identical runs of the rows above.
import qrcode from 'qrcode-generator'

export interface QrRect {
  row: number
  col: number
  width: number
  height: number
}

export interface QrMatrix {
  /** modules per side */
  size: number
  rects: QrRect[]
}

/** Error correction M (15 %): the codes stay small and survive a worn or creased print-out. */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const rects: QrRect[] = []
  // open rectangles by "col:width", extended while the next row has the same run
  let open = new Map<string, QrRect>()
  for (let row = 0; row < size; row++) {
    const next = new Map<string, QrRect>()
    let col = 0
    while (col < size) {
      if (!qr.isDark(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < size && qr.isDark(row, col)) col++
      const key = `${start}:${col - start}`
      const above = open.get(key)
      if (above) {
        above.height++
        next.set(key, above)
      } else {
        const rect = { row, col: start, width: col - start, height: 1 }
        rects.push(rect)
        next.set(key, rect)
      }
    }
    open = next
  }
  return { size, rects }
}

/** Reads the matrix back module by module (for tests and checks). */
export function isDarkAt(m: QrMatrix, row: number, col: number): boolean {
  return m.rects.some((r) => row >= r.row && row < r.row + r.height && col >= r.col && col < r.col + r.width)
}
