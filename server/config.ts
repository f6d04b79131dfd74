// Server settings from the environment (see README): one place, read once.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { S3Settings } from './adapters/storage'
import { parseMessageTemplates, type MessageTemplates } from './messages/templates'

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
  /** S3-compatible object storage for uploads; unset: a directory in DATA_DIR */
  s3?: S3Settings
  /** behind a reverse proxy: take the client address from X-Forwarded-For */
  trustProxy: boolean
  /** which WeChat subscribe / SMS template serves which message kind */
  messageTemplates: MessageTemplates
  /** which version of the mini-program a subscribe message opens */
  wechatMiniprogramState: 'developer' | 'trial' | 'formal'
  /** run the job worker inside the API process (WORKER=0 turns it off) */
  worker: boolean
  /** development only (SANDBOX_CLOCK): the server's clock starts at this time and runs on from it */
  clockStart?: Date
  /** where the public can open the app (report QR codes point here) */
  publicBaseUrl: string
  /** PKCS#12 certificate that signs credit reports; unset: a development certificate in DATA_DIR */
  reportSigning: { p12Path?: string; passphrase?: string }
}

export class ConfigError extends Error {}

/** The sandbox (demo personas, sandbox adapters) is on outside production, or when SANDBOX=1 says so. */
export const isSandbox = (env: NodeJS.ProcessEnv) => env.NODE_ENV !== 'production' || env.SANDBOX === '1'

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const sandbox = isSandbox(env)
  const dataDir = path.resolve(env.DATA_DIR || '.data')
  const wechat = env.WECHAT_APPID && env.WECHAT_SECRET ? { appid: env.WECHAT_APPID, secret: env.WECHAT_SECRET } : undefined
  const smsGateway = env.SMS_GATEWAY_URL ? { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN } : undefined
  const identityVerify = env.IDENTITY_VERIFY_URL ? { url: env.IDENTITY_VERIFY_URL, token: env.IDENTITY_VERIFY_TOKEN } : undefined
  if (production && !sandbox) {
    if (!env.JWT_SECRET) throw new ConfigError('生产环境必须设置 JWT_SECRET（至少 32 个字符）')
    if (!smsGateway) throw new ConfigError('生产环境必须设置 SMS_GATEWAY_URL（短信网关），或以 SANDBOX=1 显式启用沙箱')
    if (!identityVerify) throw new ConfigError('生产环境必须设置 IDENTITY_VERIFY_URL（实名核验服务），或以 SANDBOX=1 显式启用沙箱')
    if (!wechat) throw new ConfigError('生产环境必须设置 WECHAT_APPID 和 WECHAT_SECRET，或以 SANDBOX=1 显式启用沙箱')
    // Without it reports would be signed by the self-made development certificate, which no
    // relying party trusts; better to refuse at start than to hand out such reports.
    if (!env.REPORT_SIGNING_P12) throw new ConfigError('生产环境必须设置 REPORT_SIGNING_P12（信用报告签名证书），或以 SANDBOX=1 显式启用沙箱')
    if (!isReadableFile(path.resolve(env.REPORT_SIGNING_P12))) throw new ConfigError(`信用报告签名证书无法读取：${env.REPORT_SIGNING_P12}`)
  }
  const s3 = s3Settings(env)
  let messageTemplates: MessageTemplates
  try {
    messageTemplates = parseMessageTemplates(env)
  } catch (e) {
    throw new ConfigError((e as Error).message)
  }
  const state = env.WECHAT_MINIPROGRAM_STATE || 'formal'
  if (state !== 'developer' && state !== 'trial' && state !== 'formal') throw new ConfigError('WECHAT_MINIPROGRAM_STATE 只能是 developer、trial 或 formal')
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
    s3,
    trustProxy: env.TRUST_PROXY === '1',
    messageTemplates,
    wechatMiniprogramState: state,
    worker: env.WORKER !== '0',
    clockStart: sandboxClock(env.SANDBOX_CLOCK, production),
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    reportSigning: { p12Path: env.REPORT_SIGNING_P12 ? path.resolve(env.REPORT_SIGNING_P12) : undefined, passphrase: env.REPORT_SIGNING_PASSPHRASE },
  }
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/** All of S3_* or none: half a configuration would silently keep files on one machine's disk. */
function s3Settings(env: NodeJS.ProcessEnv): S3Settings | undefined {
  const missing = S3_VARIABLES.filter((name) => !env[name])
  if (missing.length === S3_VARIABLES.length) return undefined
  if (missing.length > 0) throw new ConfigError(`对象存储配置不完整，缺少 ${missing.join('、')}`)
  if (!URL.canParse(env.S3_ENDPOINT!) || !/^https?:$/.test(new URL(env.S3_ENDPOINT!).protocol)) {
    throw new ConfigError(`S3_ENDPOINT 不是有效地址（应以 http:// 或 https:// 开头）：${env.S3_ENDPOINT}`)
  }
  return {
    endpoint: env.S3_ENDPOINT!, bucket: env.S3_BUCKET!, accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!, region: env.S3_REGION || 'us-east-1',
  }
}

/** A demo at a chosen hour (e.g. after a spot's last entry) without touching the machine's clock. */
function isReadableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

function sandboxClock(value: string | undefined, production: boolean): Date | undefined {
  if (!value) return undefined
  if (production) throw new ConfigError('生产环境不能设置 SANDBOX_CLOCK')
  const at = new Date(value)
  if (Number.isNaN(at.getTime())) throw new ConfigError(`SANDBOX_CLOCK 不是有效时间：${value}`)
  return at
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
