import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import zlib from 'node:zlib'
import { SIGNATURE_MAX_PIXELS } from '../../src/domain/policy'
import { pngOf, signaturePng } from '../testing/png'
import { decodeSignature, inkShare } from './signature'

const b64 = (png: Buffer) => png.toString('base64')
const rejects = (png: Buffer, message: RegExp) => assert.rejects(decodeSignature(b64(png)), (e: { status: number; message: string }) => e.status === 400 && message.test(e.message))

/**
 * Every inflate the decoder starts: the output limit it sets and the bytes it gets. The work of a
 * decode (inflating, then one scan of the pixels) is proportional to these bytes, so bounding them
 * bounds the time the request takes and the event loop is held — without a clock that a loaded
 * machine would make lie.
 */
function watchInflate(t: TestContext) {
  const calls: { limit: number | undefined; bytes: number }[] = []
  const real = zlib.inflate
  const sync = t.mock.method(zlib, 'inflateSync')
  t.mock.method(zlib, 'inflate', (data: Buffer, options: zlib.ZlibOptions, callback: (err: Error | null, out: Buffer) => void) => {
    const call = { limit: options?.maxOutputLength, bytes: 0 }
    calls.push(call)
    real(data, options, (err, out) => {
      if (out) call.bytes = out.length
      callback(err, out)
    })
  })
  return { calls, syncCalls: () => sync.mock.callCount() }
}

describe('signature images', () => {
  it('a drawn stroke is accepted, transparent or on white', async () => {
    assert.ok(await decodeSignature(b64(signaturePng())))
    const w = 300, h = 120
    const rows = Buffer.alloc(h * (1 + w * 3), 255)
    for (let y = 0; y < h; y++) {
      rows[y * (1 + w * 3)] = 0
      for (let x = 20; x < 280; x++) if (Math.abs(y - 60 - Math.round(20 * Math.sin(x / 20))) <= 2) rows.fill(30, y * (1 + w * 3) + 1 + x * 3, y * (1 + w * 3) + 1 + x * 3 + 3)
    }
    assert.ok(await decodeSignature(b64(pngOf(w, h, 2, rows))))
  })

  it('when a 4096×4096 image of zeros (≈ 65 kB on the wire) arrives, then it is refused from its header, before anything is inflated', async (t) => {
    const bomb = pngOf(4096, 4096, 6, Buffer.alloc(4096 * (1 + 4096 * 4)))
    assert.ok(bomb.length < 100_000, String(bomb.length))
    const inflated = watchInflate(t)
    await rejects(bomb, /尺寸不正确/)
    assert.deepEqual(inflated.calls, [], 'nothing inflated')
    assert.equal(inflated.syncCalls(), 0)
  })

  it('when a small header hides a huge IDAT, then inflating stops at the promised size and the image is refused', async (t) => {
    const promised = 120 * (1 + 300 * 4)
    const liar = pngOf(300, 120, 6, Buffer.alloc(4096 * (1 + 4096 * 4)))
    const inflated = watchInflate(t)
    await rejects(liar, /已损坏/)
    assert.equal(inflated.calls.length, 1)
    assert.equal(inflated.calls[0].limit, promised, 'the output limit is the size the header promises')
    assert.ok(inflated.calls[0].bytes <= promised, `${inflated.calls[0].bytes} bytes inflated`)
    assert.equal(inflated.syncCalls(), 0)
  })

  it('when the largest allowed canvas is blank, then it is refused after inflating no more than its pixels, off the event loop', async (t) => {
    const w = 1500, h = SIGNATURE_MAX_PIXELS / 1500
    const exact = h * (1 + w * 4)
    const inflated = watchInflate(t)
    await rejects(pngOf(w, h, 6, Buffer.alloc(exact)), /空白/)
    // Inflating runs on the thread pool (zlib.inflate, never inflateSync); only the scan of these
    // ≈ 6 MB holds the loop. The unbounded 4096×4096 image (67 MB) used to hold it for ≈ 760 ms.
    assert.deepEqual(inflated.calls, [{ limit: exact, bytes: exact }])
    assert.ok(exact <= SIGNATURE_MAX_PIXELS * 4 + h)
    assert.equal(inflated.syncCalls(), 0)
  })

  it('when an image is almost blank (2 non-zero bytes), then it is refused as blank', async () => {
    const w = 300, h = 120
    const raw = Buffer.alloc(h * (1 + w * 4))
    raw[5000] = 255
    raw[5001] = 255
    await rejects(pngOf(w, h, 6, raw), /空白/)
    await rejects(signaturePng(300, 120, true), /空白/)
  })

  it('when an image is a filled dark rectangle, then it is not a signature', async () => {
    const w = 300, h = 120
    await rejects(pngOf(w, h, 2, Buffer.alloc(h * (1 + w * 3))), /不像手写签名/)
  })

  it('palette, 16-bit and interlaced images are refused with a Chinese message', async () => {
    const png = signaturePng()
    for (const [offset, value] of [[24, 16], [25, 3], [28, 1]]) {
      const copy = Buffer.from(png)
      copy[offset] = value
      await rejects(copy, /格式不受支持/)
    }
  })

  it('rows filtered with Sub, Up, Average and Paeth decode to the same ink as unfiltered ones', async () => {
    const w = 97, h = 40, bpp = 4
    const plain: Buffer[] = []
    for (let y = 0; y < h; y++) {
      const row = Buffer.alloc(w * bpp)
      for (let i = 0; i < row.length; i++) row[i] = (i * 7 + y * 13 + ((i * y) % 5) * 40) & 0xff
      plain.push(row)
    }
    const paeth = (a: number, b: number, c: number) => {
      const p = a + b - c
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c)
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
    }
    const encode = (filter: (y: number) => number) =>
      Buffer.concat(
        plain.map((row, y) => {
          const f = filter(y)
          const prev = y > 0 ? plain[y - 1] : Buffer.alloc(row.length)
          const out = Buffer.alloc(row.length + 1)
          out[0] = f
          for (let i = 0; i < row.length; i++) {
            const a = i >= bpp ? row[i - bpp] : 0
            const b = prev[i]
            const c = i >= bpp ? prev[i - bpp] : 0
            const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][f]
            out[i + 1] = (row[i] - pred) & 0xff
          }
          return out
        }),
      )
    const expected = inkShare(encode(() => 0), w, h, bpp)
    assert.ok(expected > 0 && expected < 1)
    for (const f of [1, 2, 3, 4]) assert.equal(inkShare(encode(() => f), w, h, bpp), expected, `filter ${f}`)
    assert.equal(inkShare(encode((y) => y % 5), w, h, bpp), expected, 'mixed filters')
  })
})
