// Picking files in the mini-program: photos from the camera or album (compressed before upload)
// and PDFs from a chat (chooseMessageFile: the mini-program has no file browser).
import Taro from '@tarojs/taro'
import { PDF_SNIFF_BYTES, pdfPageCount, typeOf } from './checks'
import type { PickedFile } from './types'

const cancelled = (e: unknown) => /cancel/.test(String((e as { errMsg?: string })?.errMsg ?? e))

function fileSize(filePath: string): Promise<number | null> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().getFileInfo({ filePath, success: (r) => resolve(r.size), fail: () => resolve(null) })
  })
}

/** The smaller of the photo and its compressed copy (a small PNG can grow as a JPEG). */
async function compressed(src: string, size: number): Promise<{ path: string; size: number }> {
  try {
    const res = await Taro.compressImage({ src, quality: 80 })
    const after = await fileSize(res.tempFilePath)
    return after !== null && after < size ? { path: res.tempFilePath, size: after } : { path: src, size }
  } catch {
    return { path: src, size }
  }
}

const nameOf = (path: string, i: number) => path.split('/').pop() || `图片${i + 1}.jpg`

export async function pickImages(count: number): Promise<PickedFile[]> {
  let res: Taro.chooseMedia.SuccessCallbackResult
  try {
    res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original'] })
  } catch (e) {
    if (cancelled(e)) return []
    throw e
  }
  return Promise.all(
    res.tempFiles.map(async (f, i) => {
      const c = await compressed(f.tempFilePath, f.size)
      const name = nameOf(c.path, i)
      return { localPath: c.path, name, size: c.size, type: typeOf(name), pages: null }
    }),
  )
}

function firstBytes(filePath: string, length: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      position: 0,
      length,
      success: (r) => resolve(new Uint8Array(r.data as ArrayBuffer)),
      fail: () => resolve(null),
    })
  })
}

export async function pickPdfs(count: number): Promise<PickedFile[]> {
  let res: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    res = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf'] })
  } catch (e) {
    if (cancelled(e)) return []
    throw e
  }
  return Promise.all(
    res.tempFiles.map(async (f) => {
      const length = Math.min(f.size, PDF_SNIFF_BYTES)
      const head = length > 0 ? await firstBytes(f.path, length) : null
      return { localPath: f.path, name: f.name, size: f.size, type: typeOf(f.name), pages: head ? pdfPageCount(head, f.size <= PDF_SNIFF_BYTES) : null }
    }),
  )
}
