// WeChat mini-program login: exchanges the wx.login code for an openid (code2Session).
import crypto from 'node:crypto'
import { AppError } from '../http/errors'

export interface WechatSession {
  openid: string
  unionid?: string
}

export interface WechatAuth {
  readonly sandbox: boolean
  code2Session(code: string): Promise<WechatSession>
}

/** Real: https://api.weixin.qq.com/sns/jscode2session with WECHAT_APPID / WECHAT_SECRET. */
export class WechatApiAuth implements WechatAuth {
  readonly sandbox = false
  constructor(private appid: string, private secret: string, private opts: { baseUrl?: string; timeoutMs?: number } = {}) {}
  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.opts.baseUrl ?? 'https://api.weixin.qq.com')
    url.search = new URLSearchParams({ appid: this.appid, secret: this.secret, js_code: code, grant_type: 'authorization_code' }).toString()
    let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000) })
      body = (await res.json()) as typeof body
    } catch {
      throw new AppError(502, 'WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后重试')
    }
    if (body.errcode === 40029 || body.errcode === 40163) throw new AppError(400, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新登录')
    if (body.errcode === 45011) throw new AppError(429, 'RATE_LIMITED', '登录过于频繁，请稍后再试')
    if (!body.openid) throw new AppError(502, 'WECHAT_UNAVAILABLE', '微信登录失败，请稍后重试')
    return { openid: body.openid, unionid: body.unionid }
  }
}

/** SANDBOX ONLY: derives a stable fake openid from the code, so DevTools logins work without a secret. */
export class SandboxWechatAuth implements WechatAuth {
  readonly sandbox = true
  async code2Session(code: string): Promise<WechatSession> {
    return { openid: 'sandbox-' + crypto.createHash('sha256').update(code).digest('hex').slice(0, 24) }
  }
}
