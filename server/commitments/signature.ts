// The handwritten signature: a PNG checked by its content (magic bytes, header, decoded size, real
// ink), never by a file name or a declared type. The decoded size is known from the header and
// bounded before anything is inflated, and inflating runs off the event loop.
import zlib from 'node:zlib'
import { SIGNATURE_MAX_BYTES, SIGNATURE_MAX_INK_SHARE, SIGNATURE_MAX_PIXELS, SIGNATURE_MIN_INK_SHARE } from '../../src/domain/policy'
import { AppError } from '../http/errors'

// zlib.inflate (the thread pool, not inflateSync) looked up on each call: the tests count what it inflates.
const inflate = (data: Buffer, options: zlib.ZlibOptions) =>
  new Promise<Buffer>((resolve, reject) => zlib.inflate(data, options, (err, out) => (err ? reject(err) : resolve(out))))
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const bad = (message: string) => new AppError(400, 'INVALID_SIGNATURE', message)
const corrupt = () => bad('签名图片已损坏，请重新签名')

/** Channels per colour type (8-bit): grey, RGB, grey+alpha, RGBA. Palettes and 16-bit are not canvas output. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 }

export async function decodeSignature(input: unknown): Promise<Buffer> {
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
  if (width < 64 || height < 32 || width > 4096 || height > 4096 || width * height > SIGNATURE_MAX_PIXELS) throw bad('签名图片尺寸不正确，请重新签名')
  const bitDepth = png[24]
  const channels = CHANNELS[png[25]]
  const interlaced = png[28] !== 0
  if (bitDepth !== 8 || !channels || interlaced) throw bad('签名图片格式不受支持，请重新签名')
  const pixels = await inflatePixels(idatOf(png), width, height, channels)
  const share = inkShare(pixels, width, height, channels)
  if (share < SIGNATURE_MIN_INK_SHARE) throw bad('签名为空白，请在签名区域手写签名')
  if (share > SIGNATURE_MAX_INK_SHARE) throw bad('签名图片不像手写签名，请在签名区域重新书写')
  return png
}

function idatOf(png: Buffer): Buffer {
  const idat: Buffer[] = []
  let offset = 8
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    if (offset + 12 + length > png.length) throw corrupt()
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length))
    if (type === 'IEND') break
    offset += 12 + length
  }
  if (idat.length === 0) throw corrupt()
  return Buffer.concat(idat)
}

/** Inflates exactly the size the header promises (a filter byte per row plus its pixels), no more. */
async function inflatePixels(data: Buffer, width: number, height: number, channels: number): Promise<Buffer> {
  const expected = height * (1 + width * channels)
  let raw: Buffer
  try {
    raw = await inflate(data, { maxOutputLength: expected })
  } catch {
    throw corrupt()
  }
  if (raw.length !== expected) throw corrupt()
  return raw
}

/** Undoes the PNG row filters in place (row by row) and returns the share of opaque, dark pixels. */
export function inkShare(raw: Buffer, width: number, height: number, bpp: number): number {
  const stride = width * bpp
  const rowLength = stride + 1
  let ink = 0
  for (let y = 0; y < height; y++) {
    const start = y * rowLength + 1
    const up = start - rowLength // the previous row, already unfiltered (unused for the first row)
    const filter = raw[start - 1]
    if (filter > 4) throw corrupt()
    if (filter === 1) {
      for (let i = start + bpp; i < start + stride; i++) raw[i] = (raw[i] + raw[i - bpp]) & 0xff
    } else if (filter === 2 && y > 0) {
      for (let i = start; i < start + stride; i++) raw[i] = (raw[i] + raw[i - rowLength]) & 0xff
    } else if (filter === 3) {
      for (let i = start; i < start + stride; i++) {
        const a = i - start >= bpp ? raw[i - bpp] : 0
        const b = y > 0 ? raw[i - rowLength] : 0
        raw[i] = (raw[i] + ((a + b) >> 1)) & 0xff
      }
    } else if (filter === 4) {
      for (let i = start; i < start + stride; i++) {
        const left = i - start >= bpp
        const a = left ? raw[i - bpp] : 0
        const b = y > 0 ? raw[i - rowLength] : 0
        const c = left && y > 0 ? raw[up + (i - start) - bpp] : 0
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        raw[i] = (raw[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff
      }
    }
    ink += countInk(raw, start, stride, bpp)
  }
  return ink / (width * height)
}

/** Opaque (alpha ≥ 128) and dark (luma < 128) pixels of one unfiltered row. */
function countInk(raw: Buffer, start: number, stride: number, bpp: number): number {
  let ink = 0
  const end = start + stride
  if (bpp === 4) {
    for (let x = start; x < end; x += 4) if (raw[x + 3] >= 128 && raw[x] * 299 + raw[x + 1] * 587 + raw[x + 2] * 114 < 128_000) ink++
  } else if (bpp === 3) {
    for (let x = start; x < end; x += 3) if (raw[x] * 299 + raw[x + 1] * 587 + raw[x + 2] * 114 < 128_000) ink++
  } else if (bpp === 2) {
    for (let x = start; x < end; x += 2) if (raw[x + 1] >= 128 && raw[x] < 128) ink++
  } else {
    for (let x = start; x < end; x++) if (raw[x] < 128) ink++
  }
  return ink
}
