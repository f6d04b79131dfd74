// WeChat subscribe messages (订阅消息). Real: `cgi-bin/message/subscribe/send` with the access
// token of `cgi-bin/token`, kept in the database until it expires so every instance shares one.
// Sandbox: nothing is sent; the server log says what would have been.
import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export type DeliveryResult =
  | { status: 'sent' }
  /** the user did not subscribe or used up their subscription (43101): recorded, never retried */
  | { status: 'refused'; error: string }
  | { status: 'failed'; retry: boolean; error: string }

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** template keys (thing1, time2, …) → values, already fitted with fitSubscribeData */
  data: Record<string, string>
  /** mini-program page opened from the notification */
  page?: string
}

export interface SubscribeMessenger {
  readonly sandbox: boolean
  send(m: SubscribeMessage): Promise<DeliveryResult>
}

/**
 * WeChat refuses a value longer than its field type allows (errcode 47003), so values are cut to
 * fit: thing ≤ 20 characters, name ≤ 10, phrase ≤ 5 汉字, character_string / number / letter ≤ 32,
 * symbol ≤ 5. Counting is by character, not byte; a cut `thing` ends with "…" so readers see it
 * was cut. character_string allows only digits, letters and symbols: anything else is dropped.
 */
export function fitSubscribeValue(key: string, value: string): string {
  const type = key.replace(/\d+$/, '')
  const chars = (s: string) => Array.from(s)
  const cut = (s: string, n: number, mark = '') => (chars(s).length <= n ? s : chars(s).slice(0, n - mark.length).join('') + mark)
  switch (type) {
    case 'thing':
      return cut(value, 20, '…')
    case 'name':
      return cut(value, 10)
    case 'phrase':
      return cut(value.replace(/[^\u4e00-\u9fff]/g, ''), 5)
    case 'character_string':
      return cut(value.replace(/[^\x21-\x7e]/g, ''), 32)
    case 'number':
    case 'letter':
      return cut(value, 32)
    case 'symbol':
      return cut(value, 5)
    default:
      return value
  }
}

export function fitSubscribeData(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fitSubscribeValue(k, v)]))
}

/** errcodes meaning "the access token is not (or no longer) valid": fetch a new one and retry once */
const TOKEN_ERRORS = new Set([40001, 40014, 42001])

export interface WechatSubscribeOptions {
  appid: string
  secret: string
  /** https://api.weixin.qq.com; a test server in tests */
  baseUrl?: string
  timeoutMs?: number
  /** developer / trial / formal: which version of the mini-program the notification opens */
  miniprogramState?: 'developer' | 'trial' | 'formal'
}

class Malformed extends Error {}

export class WechatSubscribeMessenger implements SubscribeMessenger {
  readonly sandbox = false
  private base: string
  private timeoutMs: number
  constructor(private db: Kysely<Database>, private opts: WechatSubscribeOptions) {
    this.base = (opts.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/$/, '')
    this.timeoutMs = opts.timeoutMs ?? 5000
  }

  async send(m: SubscribeMessage): Promise<DeliveryResult> {
    try {
      let token = await this.accessToken(false)
      for (let attempt = 0; ; attempt++) {
        const body = await this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
          touser: m.openid,
          template_id: m.templateId,
          page: m.page,
          data: Object.fromEntries(Object.entries(fitSubscribeData(m.data)).map(([k, v]) => [k, { value: v }])),
          miniprogram_state: this.opts.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        })
        const code = Number(body.errcode ?? 0)
        if (code === 0) return { status: 'sent' }
        if (code === 43101) return { status: 'refused', error: `43101 ${String(body.errmsg ?? '')}`.trim() }
        if (TOKEN_ERRORS.has(code) && attempt === 0) {
          token = await this.accessToken(true)
          continue
        }
        // -1: WeChat busy; a token still refused after a refresh: both may pass later.
        const retry = code === -1 || TOKEN_ERRORS.has(code) || code === 45009
        return { status: 'failed', retry, error: `${code} ${String(body.errmsg ?? '')}`.trim() }
      }
    } catch (e) {
      const error = e instanceof Malformed ? `微信接口返回格式异常：${e.message}` : (e as { name?: string }).name === 'TimeoutError' ? '微信接口超时' : `微信接口不可用：${(e as Error).message}`
      return { status: 'failed', retry: true, error }
    }
  }

  /** The shared token from the database, or a new one when it is (nearly) expired or refused. */
  private async accessToken(refresh: boolean): Promise<string> {
    if (!refresh) {
      const row = await this.db
        .selectFrom('wechat_access_tokens')
        .select('access_token')
        .where('appid', '=', this.opts.appid)
        .where('expires_at', '>', new Date(Date.now() + 60_000))
        .executeTakeFirst()
      if (row) return row.access_token
    }
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: this.opts.appid, secret: this.opts.secret })
    const body = await this.call(`/cgi-bin/token?${q}`)
    const token = body.access_token
    const expiresIn = Number(body.expires_in)
    if (typeof token !== 'string' || !token || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new Malformed(body.errcode ? `获取 access_token 失败（${String(body.errcode)}）` : '获取 access_token 的应答不完整')
    }
    const expires_at = new Date(Date.now() + expiresIn * 1000)
    await this.db
      .insertInto('wechat_access_tokens')
      .values({ appid: this.opts.appid, access_token: token, expires_at })
      .onConflict((oc) => oc.column('appid').doUpdateSet({ access_token: token, expires_at, updated_at: new Date() }))
      .execute()
    return token
  }

  private async call(pathAndQuery: string, json?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(this.base + pathAndQuery, {
      method: json === undefined ? 'GET' : 'POST',
      headers: json === undefined ? undefined : { 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    const text = await res.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new Malformed(`HTTP ${res.status}，不是 JSON`)
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Malformed(`HTTP ${res.status}，不是 JSON 对象`)
    return body as Record<string, unknown>
  }
}

/** SANDBOX ONLY: sends nothing; logs the template and fields (no openid) for testers. */
export class SandboxSubscribeMessenger implements SubscribeMessenger {
  readonly sandbox = true
  constructor(private log: Pick<FastifyBaseLogger, 'info'>) {}
  async send(m: SubscribeMessage): Promise<DeliveryResult> {
    this.log.info({ sandboxSubscribeMessage: { templateId: m.templateId, data: fitSubscribeData(m.data), page: m.page } }, `[沙箱订阅消息] 模板 ${m.templateId}`)
    return { status: 'sent' }
  }
}
