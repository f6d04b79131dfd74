// Sends a report PDF to the public check (no login, no token, no X-Subject): POST
// /api/public/reports/verify as a form with the file in field `file` — Taro.uploadFile, which is
// wx.uploadFile in the mini-program and a FormData upload of the blob: URL on H5.
import Taro from '@tarojs/taro'
import { API_BASE } from '../platform/env'
import { ApiError, NETWORK_ERROR_MESSAGE, TIMEOUT_MESSAGE, toApiError } from './api-error'
import type { FileVerdict } from './reports-api'

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/** `number`, when known (the page was opened from the report's QR), checks against that report. */
export function verifyReportFile(file: { localPath: string; name: string }, number?: string): Promise<FileVerdict> {
  const query = number ? `?number=${encodeURIComponent(number)}` : ''
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${API_BASE}/api/public/reports/verify${query}`,
      filePath: file.localPath,
      name: 'file',
      fileName: file.name,
      success: (res) => {
        const data = parse(res.data)
        if (res.statusCode === 200 && data && typeof (data as FileVerdict).genuine === 'boolean') resolve(data as FileVerdict)
        else reject(toApiError({ response: { status: res.statusCode === 200 ? 502 : res.statusCode, data } }))
      },
      fail: (err: { errMsg?: string }) =>
        reject(/timeout/.test(err?.errMsg ?? '') ? new ApiError('TIMEOUT', TIMEOUT_MESSAGE) : new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE)),
    } as Parameters<typeof Taro.uploadFile>[0])
    // fail() handles a failure; the promise the task also is would reject unhandled
    void (task as unknown as Promise<unknown> | undefined)?.catch?.(() => undefined)
  })
}
