// Builds multipart/form-data bodies for tests, including broken ones.
import crypto from 'node:crypto'

export interface Part {
  field: string
  /** a file part when set */
  filename?: string
  type?: string
  data: Buffer | string
}

export function multipartBody(parts: Part[], opts: { cut?: boolean } = {}) {
  const boundary = `----creditpass${crypto.randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`
    const head = `--${boundary}\r\ncontent-disposition: ${disposition}\r\n${p.filename !== undefined ? `content-type: ${p.type ?? 'application/octet-stream'}\r\n` : ''}\r\n`
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data), Buffer.from('\r\n'))
  }
  // A cut stream ends in the middle of the last part: no closing boundary.
  if (!opts.cut) chunks.push(Buffer.from(`--${boundary}--\r\n`))
  else chunks[chunks.length - 1] = Buffer.alloc(0)
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Small real files by their magic bytes. */
export const samples = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58, 0), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64, 0), Buffer.from('PE\0\0'), Buffer.alloc(64, 0)]),
  svg: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
}
