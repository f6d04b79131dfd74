// The job worker: pg-boss on the application's PostgreSQL. Every instance may run one; schedules
// and jobs are coordinated through the database, so each scheduled job runs once per occurrence
// however many instances there are. On-demand jobs (report-generation) go to whichever worker is
// free. Started by `npm start` (with WORKER=0 it only enqueues) and by `npm run worker`.
import type { FastifyBaseLogger } from 'fastify'
import { sql } from 'kysely'
import PgBoss from 'pg-boss'
import type { AppContext } from '../context'
import { REPORT_QUEUE, REPORT_RETRY, runReportJob } from '../reports/runner'
import { JOB_NAMES, JOB_TIME_ZONE, JOBS, type JobName } from './jobs'

export interface Worker {
  stop(): Promise<void>
}

export interface WorkerOptions {
  /** replace a job's schedule (tests) */
  crons?: Partial<Record<JobName, string>>
  /** how often idle workers look for jobs and each instance checks the schedules */
  pollingIntervalSeconds?: number
  cronMonitorIntervalSeconds?: number
  /** only enqueue (an API instance with WORKER=0): no schedules, no job is run here */
  sendOnly?: boolean
  /** leave the scheduled jobs out (tests of on-demand jobs) */
  withoutSchedules?: boolean
  /** seconds before a failed report job is retried (tests) */
  reportRetryDelaySeconds?: number
}

/** The PostgreSQL the worker connects to: the application's own database. */
export function workerConnectionString(ctx: AppContext): string {
  return ctx.dbUrl
}

type Log = Pick<FastifyBaseLogger, 'info' | 'error'>

/** advisory lock key held while an instance sets up pg-boss */
const WORKER_SETUP_LOCK = 727275

/** Starts the worker, or returns null (with a log line) when the database cannot carry one. */
export async function startWorker(ctx: AppContext, log: Log, opts: WorkerOptions = {}): Promise<Worker | null> {
  const connectionString = workerConnectionString(ctx)
  const scheduled = opts.sendOnly || opts.withoutSchedules ? [] : JOB_NAMES
  const boss = new PgBoss({
    connectionString,
    max: 4,
    application_name: 'creditpass-worker',
    ...(opts.sendOnly ? { supervise: false, schedule: false } : {}),
    ...(opts.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds, clockMonitorIntervalSeconds: 60 } : {}),
  })
  boss.on('error', (err) => log.error({ err }, '任务队列出错'))
  try {
    // Instances starting together would install pg-boss's schema and create its queue tables at
    // the same time (deadlocks were seen): one sets up while the others wait.
    await ctx.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${WORKER_SETUP_LOCK})`.execute(conn)
      try {
        await boss.start()
        await boss.createQueue(REPORT_QUEUE, { name: REPORT_QUEUE, ...REPORT_RETRY, retryDelay: opts.reportRetryDelaySeconds ?? REPORT_RETRY.retryDelay })
        for (const name of scheduled) {
          await boss.createQueue(name)
          await boss.schedule(name, opts.crons?.[name] ?? JOBS[name].cron, {}, { tz: JOB_TIME_ZONE })
        }
      } finally {
        await sql`select pg_advisory_unlock(${WORKER_SETUP_LOCK})`.execute(conn)
      }
    })
    if (!opts.sendOnly) {
      await boss.work<{ reportId: string }>(REPORT_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, includeMetadata: true }, async ([job]) => {
        await runReportJob(ctx, job.data.reportId, job.retryCount >= job.retryLimit)
      })
    }
    for (const name of scheduled) {
      await boss.work(name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async () => {
        const result = await JOBS[name].run(ctx, new Date())
        log.info({ job: name, result }, `任务完成：${JOBS[name].description}`)
        return result
      })
    }
  } catch (e) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined)
    throw e
  }
  const queue = { send: async (reportId: string) => void (await boss.send(REPORT_QUEUE, { reportId })) }
  ctx.reportQueue = queue
  log.info(opts.sendOnly ? '任务队列未在本进程运行任务（WORKER=0），信用报告等由 npm run worker 生成' : `任务队列已启动：${[REPORT_QUEUE, ...scheduled].join('、')}`)
  return {
    async stop() {
      if (ctx.reportQueue === queue) delete ctx.reportQueue
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
