// Wires a running service: database (migrated, demo data on an empty embedded one), adapters, app.
import type { FastifyBaseLogger } from 'fastify'
import { HttpIdentityVerifier, SandboxIdentityVerifier } from './adapters/identity'
import { HttpSmsProvider, SandboxSmsProvider } from './adapters/sms'
import { SandboxWechatAuth, WechatApiAuth } from './adapters/wechat'
import type { Config } from './config'
import type { AppContext } from './context'
import { openDatabase } from './db/database'
import { migrate } from './db/migrate'
import { isEmpty, seed } from './db/seed'

export interface Started {
  ctx: AppContext
  close(): Promise<void>
}

function clock(start: Date | undefined): () => Date {
  if (!start) return () => new Date()
  const offset = start.getTime() - Date.now()
  return () => new Date(Date.now() + offset)
}

export async function createContext(config: Config, log: Pick<FastifyBaseLogger, 'info'>, opts: { seedIfEmpty?: boolean } = {}): Promise<Started> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (err) => log.info(`数据库空闲连接已断开，将自动重连：${err.message}`),
  })
  try {
    await migrate(database.db)
    const seedIfEmpty = opts.seedIfEmpty ?? database.kind === 'pglite'
    if (seedIfEmpty && (await isEmpty(database.db))) {
      const n = await seed(database.db)
      log.info(`已载入演示数据：${n.users} 个演示身份，${n.records} 条信用记录`)
    }
  } catch (e) {
    await database.close()
    throw e
  }
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config,
    sms: config.smsGateway ? new HttpSmsProvider(config.smsGateway.url, config.smsGateway.token) : new SandboxSmsProvider(log),
    wechat: config.wechat ? new WechatApiAuth(config.wechat.appid, config.wechat.secret) : new SandboxWechatAuth(),
    identity: config.identityVerify ? new HttpIdentityVerifier(config.identityVerify.url, config.identityVerify.token) : new SandboxIdentityVerifier(),
    now: clock(config.clockStart),
  }
  return { ctx, close: () => database.close() }
}
