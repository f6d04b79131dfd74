// Saving a JSON document for the user: a download on H5; in the mini-program a file in the app's
// user folder that the user can forward (to themselves, or to a computer) from the chat menu.
import Taro from '@tarojs/taro'

export async function saveJson(fileName: string, data: unknown): Promise<string> {
  const text = JSON.stringify(data, null, 2)
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    return '已下载到本机'
  }
  const path = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(path, text, 'utf8')
  try {
    await Taro.shareFileMessage({ filePath: path, fileName })
    return '已保存，可在聊天中查看'
  } catch {
    return '已保存到小程序文件'
  }
}
