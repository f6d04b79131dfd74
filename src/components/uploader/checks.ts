// What the device can tell about a picked file before uploading it: its type (from the name or
// the browser's type; the server checks the content), whether it fits the policy numbers, and a
// PDF's page count read from its first bytes.
import { UPLOAD, type UploadType } from '../../domain/policy'

const BY_EXTENSION: Record<string, UploadType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' }

export function typeOf(name: string, mime?: string | null): UploadType | null {
  if (mime && (UPLOAD.types as readonly string[]).includes(mime)) return mime as UploadType
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  return ext ? BY_EXTENSION[ext] ?? null : null
}

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/** null when the file may be uploaded; otherwise the reason in Chinese. */
export function refuseFile(file: { name: string; size: number; type?: string | null }): string | null {
  if (!typeOf(file.name, file.type)) return `“${file.name}”格式不支持，请选择 JPG、PNG 图片或 PDF 文件`
  if (file.size > UPLOAD.maxBytes) return `“${file.name}”有 ${formatBytes(file.size)}，单个文件不能超过 ${formatBytes(UPLOAD.maxBytes)}`
  if (file.size === 0) return `“${file.name}”是空文件，请重新选择`
  return null
}

/** How many more files fit, given how many are already attached. */
export const roomFor = (attached: number) => Math.max(0, UPLOAD.maxFilesPerCase - attached)

/** The bytes read to count PDF pages: enough for most scanned documents' page objects. */
export const PDF_SNIFF_BYTES = 1024 * 1024

/**
 * Page objects (`/Type /Page`, not `/Pages`) in the bytes given. A count is only trusted when the
 * whole file was read and pages were found (object streams can hide them): otherwise null.
 */
export function pdfPageCount(bytes: Uint8Array, wholeFile: boolean): number | null {
  let text = ''
  // latin1: one char per byte, so the markers are found whatever binary sits around them
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192)))
  if (!text.startsWith('%PDF-')) return null
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  return wholeFile && pages > 0 ? pages : null
}

export const pagesLabel = (pages: number | null) => (pages ? `${pages} 页` : '页数未知')
