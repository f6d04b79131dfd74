// The handwritten signature: a PNG checked by its content (magic bytes, header, size, not blank),
// never by a file name or a declared type.
import zlib from 'node:zlib'
import { SIGNATURE_MAX_BYTES } from '../../src/domain/policy'
import { AppError } from '../http/errors'

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const bad = (message: string) => new AppError(400, 'INVALID_SIGNATURE', message)

export function decodeSignature(input: unknown): Buffer {
  if (typeof input !== 'string' || input.length === 0) throw bad('请先手写签名')
  const b64 = input.replace(/^data:image\/png;base64,/, '')
  if (b64.length > Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 4) throw bad(`签名图片不能超过 ${SIGNATURE_MAX_BYTES / 1024} KB`)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw bad('签名图片格式不正确，请重新签名')
  const png = Buffer.from(b64, 'base64')
  if (png.length < 67 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw bad('签名必须是 PNG 图片，请重新签名')
  }
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  if (width < 64 || height < 32 || width > 4096 || height > 4096) throw bad('签名图片尺寸不正确，请重新签名')
  if (looksBlank(png)) throw bad('签名为空白，请在签名区域手写签名')
  return png
}

/** True when the image data carries (almost) no ink: fewer than 3 distinct byte values. */
function looksBlank(png: Buffer): boolean {
  const idat: Buffer[] = []
  let offset = 8
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    if (offset + 12 + length > png.length) throw bad('签名图片已损坏，请重新签名')
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length))
    if (type === 'IEND') break
    offset += 12 + length
  }
  if (idat.length === 0) throw bad('签名图片已损坏，请重新签名')
  let data: Buffer
  try {
    data = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: 64 * 1024 * 1024 })
  } catch {
    throw bad('签名图片已损坏，请重新签名')
  }
  const seen = new Set<number>()
  for (const byte of data) {
    seen.add(byte)
    if (seen.size > 2) return false
  }
  return true
}
