// SMS delivery. Real: an HTTP SMS gateway (SMS_GATEWAY_URL). Sandbox: the code goes to the server log.
import type { FastifyBaseLogger } from 'fastify'
import { maskPhone } from '../../src/domain/mask'

export interface SmsProvider {
  readonly sandbox: boolean
  sendLoginCode(phone: string, code: string): Promise<void>
  /** a notice from the message centre: a gateway template and its parameters */
  sendNotice(phone: string, template: string, params: Record<string, string>): Promise<void>
}

/** SANDBOX ONLY: never delivers anything; writes the code to the server log for testers. */
export class SandboxSmsProvider implements SmsProvider {
  readonly sandbox = true
  constructor(private log: Pick<FastifyBaseLogger, 'info'>) {}
  async sendLoginCode(phone: string, code: string) {
    this.log.info({ sandboxSms: { phone, code } }, `[沙箱短信] ${phone} 的登录验证码：${code}（5 分钟内有效）`)
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
  constructor(private url: string, private token?: string, private fetchImpl: typeof fetch = fetch) {}
  async sendLoginCode(phone: string, code: string) {
    await this.sendNotice(phone, 'login_code', { code })
  }
  async sendNotice(phone: string, template: string, params: Record<string, string>) {
    const res = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ phone, template, params }),
      signal: AbortSignal.timeout(5000),
    })
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`)
  }
}
