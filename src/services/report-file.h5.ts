// A credit report's PDF in the browser: fetched with the bearer token in a header (a URL carrying a
// token would end up in history and logs), then saved as a download from a blob.
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from './api-error'
import { refreshOnce } from './http'
import { useAuthStore } from '../stores/auth'
import { authHeader, fileRefusal, reportFileUrl } from './report-file-common'

async function fetchFile(id: string): Promise<Response> {
  try {
    return await fetch(reportFileUrl(id), { headers: authHeader(), credentials: 'omit', cache: 'no-store' })
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE)
  }
}

export async function openReportFile(id: string, number: string): Promise<string> {
  let res = await fetchFile(id)
  if (res.status === 401 && useAuthStore.getState().refreshToken) {
    await refreshOnce()
    res = await fetchFile(id)
  }
  if (!res.ok) {
    const body = await res.json().catch(() => undefined)
    throw body ? toApiError({ response: { status: res.status, data: body } }) : fileRefusal(res.status)
  }
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = `${number}.pdf`
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return `已下载 ${number}.pdf`
}

export const DOWNLOAD_ACTION = '下载报告'
