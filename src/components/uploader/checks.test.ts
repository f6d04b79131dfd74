import { UPLOAD } from '../../domain/policy'
import { pagesLabel, pdfPageCount, refuseFile, roomFor, typeOf } from './checks'

const bytes = (s: string) => new Uint8Array(Array.from(s, (c) => c.charCodeAt(0)))
const pdf = (pages: number) =>
  bytes(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count ${pages} >> endobj\n` +
      Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`).join('') +
      '%%EOF',
  )

describe('checks on the device', () => {
  it('accepts JPEG, PNG and PDF by name or browser type, and nothing else', () => {
    expect(typeOf('照片.JPG')).toBe('image/jpeg')
    expect(typeOf('scan', 'image/png')).toBe('image/png')
    expect(typeOf('判决书.pdf')).toBe('application/pdf')
    expect(typeOf('a.gif', 'image/gif')).toBeNull()
    expect(typeOf('a.svg')).toBeNull()
    expect(refuseFile({ name: 'a.heic', size: 10 })).toBe('“a.heic”格式不支持，请选择 JPG、PNG 图片或 PDF 文件')
  })

  it('refuses a file over the policy size with both sizes in the message, and accepts one at the limit', () => {
    expect(refuseFile({ name: 'a.jpg', size: UPLOAD.maxBytes })).toBeNull()
    expect(refuseFile({ name: 'a.jpg', size: UPLOAD.maxBytes + 1 })).toBe('“a.jpg”有 10 MB，单个文件不能超过 10 MB')
    expect(refuseFile({ name: 'b.pdf', size: 12.5 * 1024 * 1024 })).toBe('“b.pdf”有 12.5 MB，单个文件不能超过 10 MB')
    expect(refuseFile({ name: 'c.png', size: 0 })).toBe('“c.png”是空文件，请重新选择')
  })

  it('leaves room for at most the policy number of files', () => {
    expect(roomFor(0)).toBe(UPLOAD.maxFilesPerCase)
    expect(roomFor(UPLOAD.maxFilesPerCase + 2)).toBe(0)
  })

  it('counts PDF pages (not the /Pages tree) when the whole file was read, and says 页数未知 otherwise', () => {
    expect(pdfPageCount(pdf(3), true)).toBe(3)
    expect(pagesLabel(pdfPageCount(pdf(3), true))).toBe('3 页')
    expect(pdfPageCount(pdf(3), false)).toBeNull()
    expect(pdfPageCount(pdf(0), true)).toBeNull()
    expect(pdfPageCount(bytes('not a pdf /Type /Page'), true)).toBeNull()
    expect(pagesLabel(null)).toBe('页数未知')
  })
})
