import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { UPLOAD } from '../../domain/policy'
import { useAuthStore } from '../../stores/auth'
import { loginResponse } from '../../../test/jest/fixtures'
import Uploader from '.'
import type { UploadItem } from './types'

const mock = (name: string) => (Taro as unknown as Record<string, jest.Mock>)[name]
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
type Finish = (a: { statusCode: number; data: string } | { fail: string }) => void
let finish: Finish[]
let progress: Array<(p: number) => void>

const pdfBytes = (pages: number) =>
  Uint8Array.from(
    '%PDF-1.4\n2 0 obj << /Type /Pages >> endobj\n' + Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R >>\n').join('') + '%%EOF',
    (c) => c.charCodeAt(0),
  ).buffer

beforeEach(() => {
  useAuthStore.getState().setSession(loginResponse())
  finish = []
  progress = []
  mock('uploadFile').mockImplementation((o: { success(r: unknown): void; fail(e: unknown): void }) => {
    const listeners: Array<(p: { progress: number }) => void> = []
    progress.push((p) => listeners.forEach((l) => l({ progress: p })))
    finish.push((a) => ('fail' in a ? o.fail({ errMsg: a.fail }) : o.success(a)))
    return { onProgressUpdate: (l: (p: { progress: number }) => void) => listeners.push(l) }
  })
  // compressing halves a photo
  mock('compressImage').mockImplementation(async ({ src }: { src: string }) => ({ tempFilePath: src.replace('.jpg', '-c.jpg') }))
  mock('getFileSystemManager').mockReturnValue({
    getFileInfo: ({ filePath, success }: { filePath: string; success(r: unknown): void }) => success({ size: filePath.includes('-c.') ? 400_000 : 0 }),
    readFile: ({ success }: { success(r: unknown): void }) => success({ data: pdfBytes(3) }),
  })
})

const ok = (id: string) => ({ statusCode: 201, data: JSON.stringify({ id, type: 'image/jpeg', size: 400000, sha256: 'c'.repeat(64) }) })

describe('Uploader', () => {
  it('a photo is compressed, uploaded with a progress bar, previewed large; the parent gets its upload id', async () => {
    const changes: UploadItem[][] = []
    mock('chooseMedia').mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 3_000_000 }] })
    render(<Uploader onChange={(items) => changes.push(items)} />)
    fireEvent.click(screen.getByText('拍照或选择图片'))
    await settle()
    expect(mock('chooseMedia')).toHaveBeenCalledWith(expect.objectContaining({ count: UPLOAD.maxFilesPerCase, mediaType: ['image'] }))
    expect(mock('uploadFile').mock.calls[0][0]).toMatchObject({ filePath: 'wxfile://tmp/photo-c.jpg', name: 'file' })
    expect(screen.getByText('391 KB')).toBeTruthy()

    act(() => progress[0](40))
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40')
    await act(async () => finish[0](ok('up-1')))
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(screen.getByText('已上传')).toBeTruthy()
    expect(changes.at(-1)).toEqual([expect.objectContaining({ status: 'done', uploadId: 'up-1', localPath: 'wxfile://tmp/photo-c.jpg' })])

    fireEvent.click(screen.getByRole('img'))
    expect(mock('previewImage')).toHaveBeenCalledWith({ urls: ['wxfile://tmp/photo-c.jpg'], current: 'wxfile://tmp/photo-c.jpg' })
  })

  it('a PDF from a chat shows a PDF tile with its page count', async () => {
    mock('chooseMessageFile').mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp/判决书.pdf', name: '判决书.pdf', size: 2048 }] })
    render(<Uploader />)
    fireEvent.click(screen.getByText('选择聊天中的 PDF'))
    await settle()
    expect(screen.getByText('PDF · 3 页')).toBeTruthy()
    expect(screen.getByText('判决书.pdf')).toBeTruthy()
  })

  it('a file over the policy size or of another type is refused on the device and never uploaded', async () => {
    mock('chooseMessageFile').mockResolvedValue({
      tempFiles: [
        { path: 'wxfile://tmp/big.pdf', name: '大文件.pdf', size: UPLOAD.maxBytes + 1 },
        { path: 'wxfile://tmp/a.doc', name: '说明.doc', size: 100 },
      ],
    })
    render(<Uploader />)
    fireEvent.click(screen.getByText('选择聊天中的 PDF'))
    await settle()
    expect(screen.getByRole('alert').textContent).toBe('“大文件.pdf”有 10 MB，单个文件不能超过 10 MB“说明.doc”格式不支持，请选择 JPG、PNG 图片或 PDF 文件')
    expect(mock('uploadFile')).not.toHaveBeenCalled()
  })

  it('a failed upload shows why and 重试 uploads it again; 删除 removes a file', async () => {
    mock('chooseMedia').mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 3_000_000 }] })
    const changes: UploadItem[][] = []
    render(<Uploader onChange={(items) => changes.push(items)} />)
    fireEvent.click(screen.getByText('拍照或选择图片'))
    await settle()
    await act(async () => finish[0]({ fail: 'uploadFile:fail net::ERR_INTERNET_DISCONNECTED' }))
    await settle()
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await act(async () => finish[1](ok('up-2')))
    await settle()
    expect(screen.getByText('已上传')).toBeTruthy()

    fireEvent.click(screen.getByLabelText('删除 photo-c.jpg'))
    expect(screen.queryByText('photo-c.jpg')).toBeNull()
    expect(changes.at(-1)).toEqual([])
  })

  it('takes no more than the policy number of files', async () => {
    const many = Array.from({ length: UPLOAD.maxFilesPerCase + 1 }, (_, i) => ({ path: `wxfile://tmp/${i}.pdf`, name: `${i}.pdf`, size: 100 }))
    mock('chooseMessageFile').mockResolvedValue({ tempFiles: many })
    render(<Uploader />)
    fireEvent.click(screen.getByText('选择聊天中的 PDF'))
    await settle()
    expect(mock('uploadFile')).toHaveBeenCalledTimes(UPLOAD.maxFilesPerCase)
    expect(screen.getByRole('alert').textContent).toContain(`每件最多上传 ${UPLOAD.maxFilesPerCase} 个文件`)
    expect(screen.getByText('选择聊天中的 PDF').closest('.btn')?.className).toContain('btn-disabled')
  })

  it('files kept from a draft show as uploaded, an image as an image tile (no local copy to preview), count toward the limit and can be removed', async () => {
    const changes: UploadItem[][] = []
    const initial = [
      { uploadId: 'up-7', name: '缴款凭证.jpg', type: 'image/jpeg' as const, size: 400_000, pages: null },
      { uploadId: 'up-8', name: '判决书.pdf', type: 'application/pdf' as const, size: 2048, pages: 3 },
    ]
    render(<Uploader initial={initial} onChange={(items) => changes.push(items)} />)
    expect(screen.getByText('缴款凭证.jpg')).toBeTruthy()
    // the image is an image tile (no local copy to show or preview), the PDF its PDF tile
    const tile = screen.getByRole('img', { name: '图片 缴款凭证.jpg（已保存）' })
    expect(tile.className).toContain('uploader-saved')
    expect(tile.textContent).toBe('图片 · 已保存')
    expect(screen.getAllByRole('img')).toEqual([tile])
    fireEvent.click(tile)
    expect(mock('previewImage')).not.toHaveBeenCalled()
    expect(screen.getByText('PDF · 3 页')).toBeTruthy()
    expect(screen.getAllByText('已上传')).toHaveLength(2)
    expect(screen.getByText(/已选 2 个/)).toBeTruthy()
    expect(changes.at(-1)).toEqual([expect.objectContaining({ status: 'done', uploadId: 'up-7' }), expect.objectContaining({ status: 'done', uploadId: 'up-8' })])
    expect(mock('uploadFile')).not.toHaveBeenCalled()

    const room = UPLOAD.maxFilesPerCase - 2
    mock('chooseMessageFile').mockResolvedValue({ tempFiles: Array.from({ length: room + 1 }, (_, i) => ({ path: `wxfile://tmp/${i}.pdf`, name: `${i}.pdf`, size: 100 })) })
    fireEvent.click(screen.getByText('选择聊天中的 PDF'))
    await settle()
    expect(mock('uploadFile')).toHaveBeenCalledTimes(room)

    fireEvent.click(screen.getByLabelText('删除 缴款凭证.jpg'))
    expect(changes.at(-1)!.map((i) => i.uploadId)).not.toContain('up-7')
  })
})
