// Entry point: `npm start` / `npm run start:api` / `npm run seed`.
import path from 'node:path'
import { buildApp } from './app'
import { ConfigError, loadConfig } from './config'
import { EmbeddedServerError } from './db/embedded'
import { DataDirLockedError } from './db/lock'
import { seed } from './db/seed'
import { startWorker } from './jobs/worker'
import { createContext } from './start'
import { createLogger } from './http/log'

async function main() {
  const log = createLogger()
  const seedOnly = process.argv.includes('--seed-only')
  const config = loadConfig()
  if (seedOnly && !config.sandbox) throw new ConfigError('未开启沙箱时不能写入演示数据（npm run seed 只用于开发和演示环境）')
  if (!config.staticDir) config.staticDir = path.resolve(__dirname, '..', 'dist', 'h5')
  const started = await createContext(config, log, seedOnly ? { seedIfEmpty: false } : {})
  if (seedOnly) {
    const n = await seed(started.ctx.db)
    log.info(`演示数据已写入：${n.subjects} 个主体、${n.users} 个账号、${n.records} 条信用记录`)
    await started.close()
    return
  }
  const app = await buildApp(started.ctx, { loggerInstance: log })
  // With WORKER=0 this instance only enqueues (reports): `npm run worker` has to run somewhere.
  const worker = await startWorker(started.ctx, log, { sendOnly: !config.worker })
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    log.info(`收到 ${signal}，正在停止服务…`)
    await app.close()
    await worker?.stop()
    await started.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  log.info(`信用通已启动：http://127.0.0.1:${port}/  （数据库：${started.ctx.dbKind}${config.sandbox ? '，沙箱模式' : ''}）`)
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError || err instanceof EmbeddedServerError) {
    console.error(`无法启动：${err.message}`)
    process.exit(2)
  }
  console.error(err)
  process.exit(1)
})
