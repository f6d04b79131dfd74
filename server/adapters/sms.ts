// SMS delivery. Real: an HTTP SMS gateway (SMS_GATEWAY_URL). Sandbox: the code goes to the server log.
import type { FastifyBaseLogger } from 'fastify'
import { maskPhone } from '../../src/domain/mask'

export interface SmsProvider {
  readonly sandbox: boolean
  sendLoginCode(phone: string, code: string): Promise<void>
  /** a notice from the message centre: a gateway template and its parameters */
  sendNotice(phone: string, template: string, params: Record<string, string>): Promise<void>
}

/**
 * SANDBOX ONLY: never delivers anything; writes the code to the server log for testers, beside the
 * masked phone (138****0012) — the full number never reaches a log.
 */
export class SandboxSmsProvider implements SmsProvider {
  readonly sandbox = true
  constructor(private log: Pick<FastifyBaseLogger, 'info'>) {}
  async sendLoginCode(phone: string, code: string) {
    const masked = maskPhone(phone)
    this.log.info({ sandboxSms: { phone: masked, code } }, `[沙箱短信] ${masked} 的登录验证码：${code}（5 分钟内有效）`)
  }
  async sendNotice(phone: string, template: string, params: Record<string, string>) {
    this.log.info({ sandboxSmsNotice: { phone: maskPhone(phone), template, params } }, `[沙箱短信] 通知模板 ${template}`)
  }
}

/**
 * Posts `{ phone, template: 'login_code', params: { code } }` to the operator's SMS gateway
 * (for example a service in front of 阿里云/腾讯云短信) with a bearer token.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly sandbox = false
  constructor(private url: string, private token?: string, private opts: { timeoutMs?: number } = {}) {}
  async sendLoginCode(phone: string, code: string) {
    await this.sendNotice(phone, 'login_code', { code })
  }
  async sendNotice(phone: string, template: string, params: Record<string, string>) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ phone, template, params }),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
    })
    // The message names the status only: never the phone or the code.
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`)
  }
}
