// Reads a QR code drawn by <QrCode> the way a camera would: the rendered bars of each row become
// modules again, the modules become pixels (with the quiet zone), and jsQR decodes them. A test
// that compares the result with the expected text fails if the drawing is wrong in any way.
import jsQR from 'jsqr'

export function scanRenderedQr(qr: Element, scale = 4, quiet = 4): string | null {
  const n = Number(qr.getAttribute('data-modules'))
  const matrix = Array.from(qr.querySelectorAll('.qr-row')).map((row) => {
    const modules: boolean[] = []
    for (const bar of Array.from(row.children)) {
      const count = Math.round((parseFloat((bar as HTMLElement).style.width) / 100) * n)
      for (let i = 0; i < count; i++) modules.push(bar.classList.contains('qr-dark'))
    }
    return modules
  })
  if (!n || matrix.length !== n || matrix.some((r) => r.length !== n)) return null
  const size = (n + 2 * quiet) * scale
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255)
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const i = (((r + quiet) * scale + y) * size + (c + quiet) * scale + x) * 4
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0
        }
      }
    }),
  )
  return jsQR(pixels, size, size)?.data ?? null
}
