// Photos on H5: drawn onto a canvas at most MAX_SIDE wide or high and saved as JPEG, kept only
// when that is smaller. PDFs: the first bytes for the page count.
import { PDF_SNIFF_BYTES, pdfPageCount, typeOf } from './checks'
import type { PickedFile } from './types'

const MAX_SIDE = 2048
const QUALITY = 0.8

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = reject
    img.src = url
  })
}

async function compressImage(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file)
  try {
    const img = await loadImage(url)
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(img.naturalWidth * scale)
    canvas.height = Math.round(img.naturalHeight * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    ctx.fillStyle = '#fff' // a transparent PNG becomes a JPEG on white, not on black
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', QUALITY))
    return blob && blob.size < file.size ? blob : file
  } catch {
    return file
  } finally {
    URL.revokeObjectURL(url)
  }
}

export async function prepare(file: File): Promise<PickedFile> {
  const type = typeOf(file.name, file.type)
  if (type === 'application/pdf') {
    const head = new Uint8Array(await file.slice(0, PDF_SNIFF_BYTES).arrayBuffer())
    return { localPath: URL.createObjectURL(file), name: file.name, size: file.size, type, pages: pdfPageCount(head, file.size <= PDF_SNIFF_BYTES) }
  }
  if (!type) return { localPath: '', name: file.name, size: file.size, type: null, pages: null }
  const out = await compressImage(file)
  const name = out === file ? file.name : file.name.replace(/\.[a-z0-9]+$/i, '') + '.jpg'
  return { localPath: URL.createObjectURL(out), name, size: out.size, type: out === file ? type : 'image/jpeg', pages: null }
}
