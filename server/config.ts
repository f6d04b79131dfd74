// Server settings from the environment (see README): one place, read once.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  production: boolean
  sandbox: boolean
  jwtSecret: Uint8Array
  wechat?: { appid: string; secret: string }
  smsGateway?: { url: string; token?: string }
  identityVerify?: { url: string; token?: string }
  staticDir?: string
  /** behind a reverse proxy: take the client address from X-Forwarded-For */
  trustProxy: boolean
  /** where the public can open the app (report QR codes point here) */
  publicBaseUrl: string
  /** PKCS#12 certificate that signs credit reports; unset: a development certificate in DATA_DIR */
  reportSigning: { p12Path?: string; passphrase?: string }
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const sandbox = !production || env.SANDBOX === '1'
  const dataDir = path.resolve(env.DATA_DIR || '.data')
  const wechat = env.WECHAT_APPID && env.WECHAT_SECRET ? { appid: env.WECHAT_APPID, secret: env.WECHAT_SECRET } : undefined
  const smsGateway = env.SMS_GATEWAY_URL ? { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN } : undefined
  const identityVerify = env.IDENTITY_VERIFY_URL ? { url: env.IDENTITY_VERIFY_URL, token: env.IDENTITY_VERIFY_TOKEN } : undefined
  if (production && !sandbox) {
    if (!env.JWT_SECRET) throw new ConfigError('生产环境必须设置 JWT_SECRET（至少 32 个字符）')
    if (!smsGateway) throw new ConfigError('生产环境必须设置 SMS_GATEWAY_URL（短信网关），或以 SANDBOX=1 显式启用沙箱')
    if (!identityVerify) throw new ConfigError('生产环境必须设置 IDENTITY_VERIFY_URL（实名核验服务），或以 SANDBOX=1 显式启用沙箱')
    if (!wechat) throw new ConfigError('生产环境必须设置 WECHAT_APPID 和 WECHAT_SECRET，或以 SANDBOX=1 显式启用沙箱')
  }
  const port = Number(env.PORT || 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT 不是有效端口：${env.PORT}`)
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    production,
    sandbox,
    jwtSecret: jwtSecret(env.JWT_SECRET, dataDir),
    wechat,
    smsGateway,
    identityVerify,
    staticDir: env.STATIC_DIR ? path.resolve(env.STATIC_DIR) : undefined,
    trustProxy: env.TRUST_PROXY === '1',
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    reportSigning: { p12Path: env.REPORT_SIGNING_P12 ? path.resolve(env.REPORT_SIGNING_P12) : undefined, passphrase: env.REPORT_SIGNING_PASSPHRASE },
  }
}

/** JWT_SECRET, or one generated once and kept in DATA_DIR (development). */
function jwtSecret(fromEnv: string | undefined, dataDir: string): Uint8Array {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new ConfigError('JWT_SECRET 至少需要 32 个字符')
    return new TextEncoder().encode(fromEnv)
  }
  const file = path.join(dataDir, 'jwt-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim())
}
