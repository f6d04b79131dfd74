// Personal data in log lines: full ID numbers, mobile numbers, access tokens (JWT), refresh tokens,
// SMS codes. scripts/test-api.js runs `scanLogFile` over every line the API test run logged
// (LOG_TEE, http/log.ts) and fails the run with the offending lines.
import fs from 'node:fs'
import { idNumberCheckChar } from '../../src/domain/id-number'

export interface LogFinding {
  line: number
  kind: string
  /** the line with the finding marked, shortened */
  excerpt: string
}

const detectors: { kind: string; pattern: RegExp; accept?: (match: string) => boolean }[] = [
  {
    kind: 'full ID number',
    pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g,
    // a real one: birth date and check character (a bare 18-digit number — a counter — is not)
    accept: (m) => /^\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/.test(m) && idNumberCheckChar(m) === m[17].toUpperCase(),
  },
  { kind: 'mobile number', pattern: /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g },
  { kind: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g },
  // 32 random bytes in base64url (auth/sessions.ts), or any value logged under a token's name
  { kind: 'refresh token', pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, accept: (m) => /[A-Z]/.test(m) && /[a-z]/.test(m) && /\d/.test(m) },
  { kind: 'token field', pattern: /"(?:refreshToken|accessToken|refresh_token|token)"\s*:\s*"[^"]{8,}"/gi },
  { kind: 'SMS code', pattern: /(?:验证码|"code"\s*:\s*")\D{0,12}\d{6}(?!\d)/g },
]

/**
 * The sandbox SMS provider writes the code beside the masked phone for testers (adapters/sms.ts): it
 * exists only where the sandbox is on, never in production. Its code is the one value allowed.
 */
const sandboxSmsLine = (line: string) => line.includes('"sandboxSms":{')

export function scanLogLines(lines: string[]): LogFinding[] {
  const findings: LogFinding[] = []
  lines.forEach((text, i) => {
    // one finding per stretch of text: a JWT's signature is not a refresh token as well
    const taken: [number, number][] = []
    for (const d of detectors) {
      if (d.kind === 'SMS code' && sandboxSmsLine(text)) continue
      for (const m of text.matchAll(d.pattern)) {
        if (d.accept && !d.accept(m[0])) continue
        const at = m.index ?? 0
        if (taken.some(([a, b]) => at < b && at + m[0].length > a)) continue
        taken.push([at, at + m[0].length])
        const excerpt = `${text.slice(Math.max(0, at - 80), at)}⟦${m[0]}⟧${text.slice(at + m[0].length, at + m[0].length + 80)}`
        findings.push({ line: i + 1, kind: d.kind, excerpt })
      }
    }
  })
  return findings
}

export function scanLogFile(file: string): { lines: number; findings: LogFinding[] } {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []
  return { lines: lines.length, findings: scanLogLines(lines) }
}

export function formatFindings(findings: LogFinding[], limit = 50): string {
  return findings.slice(0, limit).map((f) => `  line ${f.line}: ${f.kind}: ${f.excerpt}`).join('\n') + (findings.length > limit ? `\n  … and ${findings.length - limit} more` : '')
}
