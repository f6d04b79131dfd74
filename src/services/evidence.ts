// Reads a case's evidence file (GET /api/uploads/:id, only for the officer handling the case) into
// a local file the page can show: a weapp temp path or an H5 blob: URL. PDFs open in the system
// viewer (weapp) or a new browser tab (H5).
import Taro from '@tarojs/taro'
import { API_BASE } from '../platform/env'
import { useAuthStore } from '../stores/auth'
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error'
import { refreshOnce } from './http'

function downloadOnce(url: string): Promise<{ statusCode: number; path: string }> {
  const { accessToken } = useAuthStore.getState()
  return new Promise((resolve, reject) => {
    Taro.downloadFile({
      url: `${API_BASE}${url}`,
      header: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
      success: (res) => resolve({ statusCode: res.statusCode, path: res.tempFilePath }),
      fail: () => reject(new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE)),
    } as Parameters<typeof Taro.downloadFile>[0])
  })
}

/** A local path of the file; rejects with ApiError (404: not yours to read). */
export async function downloadEvidence(url: string): Promise<string> {
  let res = await downloadOnce(url)
  if (res.statusCode === 401 && useAuthStore.getState().refreshToken) {
    await refreshOnce()
    res = await downloadOnce(url)
  }
  if (res.statusCode === 200) return res.path
  throw new ApiError(res.statusCode === 404 ? 'NOT_FOUND' : 'DOWNLOAD_FAILED', res.statusCode === 404 ? '该材料仅承办人员可查看' : '材料下载失败，请稍后重试', res.statusCode)
}

export async function openPdf(path: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(path, '_blank', 'noopener')
    return
  }
  await Taro.openDocument({ filePath: path, fileType: 'pdf' } as Parameters<typeof Taro.openDocument>[0])
}
