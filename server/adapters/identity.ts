// Real-name verification (实名核验): checks that a name and an ID number belong together.
import { AppError } from '../http/errors'

export interface IdentityVerifier {
  readonly sandbox: boolean
  /** true when the name matches the ID number according to the authority. */
  verify(name: string, idNumber: string): Promise<boolean>
}

/** SANDBOX ONLY: accepts any pair whose ID number passed the check-digit validation. */
export class SandboxIdentityVerifier implements IdentityVerifier {
  readonly sandbox = true
  async verify() {
    return true
  }
}

/**
 * Real: posts `{ name, idNumber }` to the operator's verification service (IDENTITY_VERIFY_URL, for
 * example a gateway in front of 公安部 身份核验 or 腾讯云 人脸核身) and expects `{ match: boolean }`.
 */
export class HttpIdentityVerifier implements IdentityVerifier {
  readonly sandbox = false
  constructor(private url: string, private token?: string, private opts: { timeoutMs?: number } = {}) {}
  async verify(name: string, idNumber: string) {
    let match: unknown
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ name, idNumber }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 8000),
      })
      if (!res.ok) throw new Error(String(res.status))
      match = ((await res.json()) as { match?: unknown }).match
    } catch {
      throw new AppError(502, 'IDENTITY_UNAVAILABLE', '实名核验服务暂时不可用，请稍后重试')
    }
    // An answer without a clear yes or no is the service failing, never a "does not match".
    if (typeof match !== 'boolean') throw new AppError(502, 'IDENTITY_UNAVAILABLE', '实名核验服务暂时不可用，请稍后重试')
    return match
  }
}
