// Opens a case file for the officer: downloaded with the officer's token (the file route checks
// who reads it), then previewed (images) or opened (PDF).
import Taro from '@tarojs/taro'
import { API_BASE } from '../../platform/env'
import { useAuthStore } from '../../stores/auth'

export async function openAttachment(file: { url: string; type: string }): Promise<void> {
  const { accessToken } = useAuthStore.getState()
  const res = await Taro.downloadFile({ url: `${API_BASE}${file.url}`, header: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} })
  if (res.statusCode !== 200) throw new Error('文件无法打开，请稍后再试')
  if (file.type.startsWith('image/')) await Taro.previewImage({ urls: [res.tempFilePath], current: res.tempFilePath })
  else await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true })
}
