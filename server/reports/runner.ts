// A requested report is rendered by the job worker: once the request has committed, its id goes to
// the `report-generation` queue (pg-boss), and whichever instance's worker takes the job renders
// it, with retries. An API instance started with WORKER=0 only enqueues — then `npm run worker`
// must run somewhere, or reports stay 待生成. An app with no queue at all (tests, tools that build
// the app without starting a worker) renders in this process right after the request.
import type { AppContext } from '../context'
import { generateReport } from './reports'
import { loadSigningCertificate, type SigningCertificate } from './sign'

export const REPORT_QUEUE = 'report-generation'
/** a failed rendering is tried twice more (after 10 s, then 20 s) before the report is 生成失败 */
export const REPORT_RETRY = { retryLimit: 2, retryDelay: 10, retryBackoff: true }

export interface ReportQueue {
  send(reportId: string): Promise<void>
}

type Log = { error(obj: object, msg: string): void }

const certificates = new Map<string, SigningCertificate>()
const inFlight = new Set<Promise<void>>()

export function signingCertificate(ctx: AppContext): SigningCertificate {
  const key = ctx.config.reportSigning.p12Path ?? ctx.config.dataDir
  let cert = certificates.get(key)
  if (!cert) {
    cert = loadSigningCertificate({ ...ctx.config.reportSigning, dataDir: ctx.config.dataDir })
    certificates.set(key, cert)
  }
  return cert
}

/** One attempt of the report job; only the last attempt leaves the report 生成失败. */
export function runReportJob(ctx: AppContext, reportId: string, lastAttempt: boolean) {
  return generateReport(ctx.db, reportId, { signing: () => signingCertificate(ctx), publicBaseUrl: ctx.config.publicBaseUrl }, new Date(), { markFailed: lastAttempt })
}

export async function scheduleReportGeneration(ctx: AppContext, reportId: string, log: Log) {
  if (ctx.reportQueue) {
    try {
      await ctx.reportQueue.send(reportId)
      return
    } catch (err) {
      // The report row is committed: rather than leave it pending forever, render it here.
      log.error({ err, reportId }, 'report job could not be queued; generating in this process')
    }
  }
  const run = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => runReportJob(ctx, reportId, true))
    .catch((err) => log.error({ err, reportId }, 'report generation failed'))
  inFlight.add(run)
  void run.finally(() => inFlight.delete(run))
}

/** Lets a closing app finish the reports it started before the database goes away. */
export async function settleReportGeneration() {
  await Promise.all([...inFlight])
}
