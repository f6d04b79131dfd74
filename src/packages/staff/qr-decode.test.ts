import qrcode from 'qrcode-generator'
import { decodeQrPixels, type Pixels } from './qr-decode'

/** A QR code drawn as camera pixels: `scale` px per module, a quiet zone, optional noise. */
function drawQr(text: string, { scale = 4, dark = 20, light = 235 } = {}): Pixels {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const modules = qr.getModuleCount()
  const size = (modules + 8) * scale
  const data = new Uint8ClampedArray(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - 4
      const my = Math.floor(y / scale) - 4
      const on = mx >= 0 && my >= 0 && mx < modules && my < modules && qr.isDark(my, mx)
      const v = on ? dark : light
      data.set([v, v, v, 255], (y * size + x) * 4)
    }
  }
  return { data, width: size, height: size }
}

describe('QR decoding for H5 scanning', () => {
  it('reads a voucher code from a generated QR image', () => {
    expect(decodeQrPixels(drawQr('K7QM-2XRD-9PTA'))).toBe('K7QM-2XRD-9PTA')
  })

  it('reads a longer payload, dimly lit', () => {
    const url = 'https://credit.example.gov.cn/verify?no=CN-2026-000123'
    expect(decodeQrPixels(drawQr(url, { scale: 3, dark: 70, light: 170 }))).toBe(url)
  })

  it('gives null for a picture without a code', () => {
    const size = 120
    const data = new Uint8ClampedArray(size * size * 4).fill(200)
    expect(decodeQrPixels({ data, width: size, height: size })).toBeNull()
  })
})
