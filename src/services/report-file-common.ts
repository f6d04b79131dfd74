// What both ways of fetching a report's PDF share: its address, the auth header, what a refusal means.
import { ApiError } from './api-error'
import { useAuthStore } from '../stores/auth'
import { API_BASE } from '../platform/env'

export const reportFileUrl = (id: string) => `${API_BASE}/api/reports/${encodeURIComponent(id)}/file`

export function authHeader(): Record<string, string> {
  const { accessToken, actingFor } = useAuthStore.getState()
  return { ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}), ...(actingFor ? { 'X-Subject': actingFor } : {}) }
}

/** What a refused download means; the body of a refusal is a file here, not JSON we can read. */
export function fileRefusal(status: number): ApiError {
  if (status === 404) return new ApiError('NOT_FOUND', '信用报告不存在或无权查看', 404)
  if (status === 409) return new ApiError('REPORT_NOT_READY', '报告尚未生成完成，请稍候', 409)
  if (status === 401) return new ApiError('UNAUTHORIZED', '登录已过期，请重新登录', 401)
  return new ApiError('DOWNLOAD_FAILED', '报告下载失败，请稍后重试', status)
}

