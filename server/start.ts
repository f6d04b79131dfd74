// Wires a running service: database (migrated, demo data on an empty embedded one when the sandbox
// is on), adapters, app.
import type { FastifyBaseLogger } from 'fastify'
import { HttpIdentityVerifier, SandboxIdentityVerifier } from './adapters/identity'
import { HttpSmsProvider, SandboxSmsProvider } from './adapters/sms'
import { createStorage } from './adapters/storage'
import { SandboxWechatAuth, WechatApiAuth } from './adapters/wechat'
import { moveLegacySignatures } from './commitments/signature-storage'
import { SandboxSubscribeMessenger, WechatSubscribeMessenger } from './adapters/wechat-subscribe'
import { ConfigError, type Config } from './config'
import type { AppContext } from './context'
import { openDatabase } from './db/database'
import { migrate } from './db/migrate'
import { syncPackageCalendar } from './calendar/calendar'
import { hasDemoData, isEmpty, seed } from './db/seed'
import { syncRecordKinds } from './records/kinds'

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
    log: (message) => log.info(message),
  })
  const storage = createStorage({ dataDir: config.dataDir, s3: config.s3 })
  try {
    await migrate(database.db)
    await syncRecordKinds(database.db)
    await syncPackageCalendar(database.db)
    // Demo personas log in by SMS at fixed phones and hold staff roles: never outside the sandbox.
    if (!config.sandbox) await refuseDemoData(database.db)
    // Not fatal: a signature not yet moved is still served from the database, and the next start retries.
    await moveLegacySignatures(database.db, storage).then(
      (moved) => moved > 0 && log.info(`已将 ${moved} 份承诺签名移入文件存储`),
      (err: Error) => log.info(`承诺签名暂未移入文件存储（下次启动时重试）：${err.message}`),
    )
    const seedIfEmpty = opts.seedIfEmpty ?? database.kind === 'embedded'
    if (config.sandbox && seedIfEmpty && (await isEmpty(database.db))) {
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
    dbUrl: database.url,
    config,
    sms: config.smsGateway ? new HttpSmsProvider(config.smsGateway.url, config.smsGateway.token) : new SandboxSmsProvider(log),
    wechat: config.wechat ? new WechatApiAuth(config.wechat.appid, config.wechat.secret) : new SandboxWechatAuth(),
    identity: config.identityVerify ? new HttpIdentityVerifier(config.identityVerify.url, config.identityVerify.token) : new SandboxIdentityVerifier(),
    storage,
    subscribe: config.wechat
      ? new WechatSubscribeMessenger(database.db, { ...config.wechat, miniprogramState: config.wechatMiniprogramState })
      : new SandboxSubscribeMessenger(log),
    now: clock(config.clockStart),
  }
  return { ctx, close: () => database.close() }
}

async function refuseDemoData(db: Started['ctx']['db']) {
  if (await hasDemoData(db)) {
    throw new ConfigError('数据库中含有演示数据（演示身份、固定手机号、工作人员角色），未开启沙箱时拒绝启动：请换用一个新的数据库，或以 SANDBOX=1 显式启用沙箱')
  }
}
