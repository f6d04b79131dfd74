// Entry point of `npm run worker`: the job worker alone, without the HTTP API (run it beside API
// instances started with WORKER=0, or as well as them). `npm run worker -- --once <job>` runs one
// job's handler now and exits.
import { ConfigError, loadConfig } from './config'
import { DataDirLockedError } from './db/lock'
import { isJobName, JOB_NAMES, runJob } from './jobs/jobs'
import { startWorker } from './jobs/worker'
import { createContext } from './start'
import { createLogger } from './http/log'

async function main() {
  // the service's logger: its serializers keep personal values out (database errors, request URLs)
  const log = createLogger()
  const onceAt = process.argv.indexOf('--once')
  const once = onceAt >= 0 ? process.argv[onceAt + 1] ?? '' : undefined
  if (once !== undefined && !isJobName(once)) {
    console.error(`未知的任务：${once || '（未指定）'}。可用的任务：${JOB_NAMES.join('、')}`)
    process.exit(2)
  }
  const started = await createContext(loadConfig(), log, { seedIfEmpty: false })
  if (once !== undefined && isJobName(once)) {
    const result = await runJob(started.ctx, once)
    log.info({ job: once, result }, `任务 ${once} 已执行`)
    await started.close()
    return
  }
  const worker = await startWorker(started.ctx, log)
  if (!worker) {
    await started.close()
    process.exit(2)
  }
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    log.info(`收到 ${signal}，正在停止任务队列…`)
    await worker.stop()
    await started.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError) {
    console.error(`无法启动：${err.message}`)
    process.exit(2)
  }
  console.error(err)
  process.exit(1)
})
