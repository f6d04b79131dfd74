// A QR code as a matrix of dark (true) and light modules, computed on the device from the text alone
// (qrcode-generator; no network, no DOM). Voucher codes are upper-case letters, digits and dashes,
// which QR's compact alphanumeric mode holds; anything else (a receipt's verify address) is bytes.
import qrcode from 'qrcode-generator'

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/

export function qrMatrix(text: string, level: 'L' | 'M' | 'Q' | 'H' = 'M'): boolean[][] {
  const qr = qrcode(0, level) // 0: the smallest version that holds the text
  qr.addData(text, ALPHANUMERIC.test(text) ? 'Alphanumeric' : 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_r, row) => Array.from({ length: n }, (_c, col) => qr.isDark(row, col)))
}

/** A row as runs of equal modules, so a row draws as a few bars instead of one box per module. */
export function rowRuns(row: boolean[]): { dark: boolean; length: number }[] {
  const runs: { dark: boolean; length: number }[] = []
  for (const dark of row) {
    const last = runs[runs.length - 1]
    if (last && last.dark === dark) last.length++
    else runs.push({ dark, length: 1 })
  }
  return runs
}
