// Uploads one local file (a weapp temp path, or an H5 blob: URL) to POST /api/uploads with the same
// bearer token, X-Subject and single-flight token refresh as the API client. Taro.uploadFile is a
// FormData/XHR upload with progress on H5 and wx.uploadFile in the mini-program.
import Taro from '@tarojs/taro'
import type { UploadResult } from '../contract/uploads'
import { API_BASE } from '../platform/env'
import { useAuthStore } from '../stores/auth'
import { ApiError, NETWORK_ERROR_MESSAGE, TIMEOUT_MESSAGE, toApiError } from './api-error'
import { refreshOnce } from './http'

export type { UploadResult }

export interface UploadOptions {
  /** the X-Subject to upload as; the acting subject when left out */
  subject?: string | null
  /** 0–100 */
  onProgress?(percent: number): void
}

interface RawAnswer {
  statusCode: number
  data: unknown
}

function sendOnce(file: { localPath: string; name: string }, opts: UploadOptions): Promise<RawAnswer & { sentWith: string | null }> {
  const { accessToken, actingFor } = useAuthStore.getState()
  const header: Record<string, string> = {}
  if (accessToken) header.Authorization = `Bearer ${accessToken}`
  const subject = opts.subject !== undefined ? opts.subject : actingFor
  if (subject) header['X-Subject'] = subject
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${API_BASE}/api/uploads`,
      filePath: file.localPath,
      name: 'file',
      fileName: file.name,
      header,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data, sentWith: accessToken }),
      fail: (err: { errMsg?: string }) =>
        reject(/timeout/.test(err?.errMsg ?? '') ? new ApiError('TIMEOUT', TIMEOUT_MESSAGE) : new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE)),
    } as Parameters<typeof Taro.uploadFile>[0])
    task?.onProgressUpdate?.((p) => opts.onProgress?.(p.progress))
    // fail() handles a failure; the promise the task also is would reject unhandled
    void (task as unknown as Promise<unknown> | undefined)?.catch?.(() => undefined)
  })
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/** Resolves with the server's record of the file; rejects only with ApiError. */
export async function uploadFile(file: { localPath: string; name: string }, opts: UploadOptions = {}): Promise<UploadResult> {
  let answer = await sendOnce(file, opts)
  if (answer.statusCode === 401 && useAuthStore.getState().refreshToken) {
    // Another request may already have refreshed while this one was in flight.
    if (answer.sentWith === useAuthStore.getState().accessToken) await refreshOnce()
    answer = await sendOnce(file, opts)
  }
  const data = parse(answer.data)
  if (answer.statusCode >= 200 && answer.statusCode < 300 && data && typeof (data as UploadResult).id === 'string') return data as UploadResult
  throw toApiError({ response: { status: answer.statusCode >= 200 && answer.statusCode < 300 ? 502 : answer.statusCode, data } })
}
