// A credit report's PDF in the mini-program: Taro.downloadFile with the bearer token (never in the
// URL), then Taro.openDocument, whose menu lets the user forward or save it. (H5: report-file.h5.ts.)
import Taro from '@tarojs/taro'
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error'
import { refreshOnce } from './http'
import { useAuthStore } from '../stores/auth'
import { authHeader, fileRefusal, reportFileUrl } from './report-file-common'

async function download(id: string): Promise<{ statusCode: number; tempFilePath: string }> {
  try {
    return await Taro.downloadFile({ url: reportFileUrl(id), header: authHeader() })
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE)
  }
}

/** Downloads and opens the report; resolves with what to tell the user. */
export async function openReportFile(id: string, _number: string): Promise<string> {
  let res = await download(id)
  if (res.statusCode === 401 && useAuthStore.getState().refreshToken) {
    await refreshOnce()
    res = await download(id)
  }
  if (res.statusCode !== 200) throw fileRefusal(res.statusCode)
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true })
  return '已打开报告，可点右上角“…”转发或保存'
}

export const DOWNLOAD_ACTION = '打开报告'
