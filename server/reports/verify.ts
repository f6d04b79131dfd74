// The public check of a report file: its SHA-256 against the one stored when the report was made.
import crypto from 'node:crypto'

export const sha256Hex = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')

export interface FileCheck {
  genuine: boolean
  /** 与原件一致 / 已被修改 */
  verdict: '与原件一致' | '已被修改'
  sha256: string
}

export function verifyReportBytes(pdf: Buffer, knownSha256: string): FileCheck {
  const sha256 = sha256Hex(pdf)
  const a = Buffer.from(sha256, 'hex')
  const b = Buffer.from(knownSha256, 'hex')
  const genuine = a.length === b.length && crypto.timingSafeEqual(a, b)
  return { genuine, verdict: genuine ? '与原件一致' : '已被修改', sha256 }
}
