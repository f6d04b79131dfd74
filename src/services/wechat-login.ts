// The mini-program's login code (wx.login), exchanged by the server for the user's openid.
import Taro from '@tarojs/taro'
import { ApiError } from './api-error'

export async function getWechatLoginCode(): Promise<string> {
  try {
    const res = await Taro.login()
    if (res.code) return res.code
  } catch {
    // fall through: the user sees one message whatever WeChat answered
  }
  throw new ApiError('WECHAT_LOGIN_FAILED', '微信登录未完成，请重试或使用短信验证码登录')
}
