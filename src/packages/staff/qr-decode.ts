// Reads a QR code from camera pixels (H5 scanning): the browser's own BarcodeDetector where it has
// one, jsQR (a maintained pure-JS decoder) everywhere else. Pure functions over pixels, so the
// decoding is tested without a camera.
import jsQR from 'jsqr'

export interface Pixels {
  /** RGBA, 4 bytes per pixel, row by row */
  data: Uint8ClampedArray
  width: number
  height: number
}

/** The text of the QR code in the picture, or null when there is none (or it cannot be read). */
export function decodeQrPixels(image: Pixels): string | null {
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })
  return found && found.data ? found.data : null
}

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>
}
type DetectorClass = new (opts: { formats: string[] }) => BarcodeDetectorLike

/** A reader for video frames: the native detector if the browser offers QR, else jsQR on a canvas. */
export async function createFrameReader(canvas: HTMLCanvasElement): Promise<(video: HTMLVideoElement) => Promise<string | null>> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass & { getSupportedFormats?: () => Promise<string[]> } }).BarcodeDetector
  if (Native) {
    const formats = (await Native.getSupportedFormats?.().catch(() => [])) ?? []
    if (formats.includes('qr_code')) {
      const detector = new Native({ formats: ['qr_code'] })
      return async (video) => {
        const codes = await detector.detect(video).catch(() => [])
        return codes[0]?.rawValue || null
      }
    }
  }
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  return async (video) => {
    if (!ctx || !video.videoWidth) return null
    // A frame no wider than 640 px is plenty for a phone-held code and keeps each pass fast.
    const scale = Math.min(1, 640 / video.videoWidth)
    canvas.width = Math.round(video.videoWidth * scale)
    canvas.height = Math.round(video.videoHeight * scale)
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height)
    const frame = ctx.getImageData(0, 0, canvas.width, canvas.height)
    return decodeQrPixels({ data: frame.data, width: frame.width, height: frame.height })
  }
}
