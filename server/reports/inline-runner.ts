// Until the job queue runs PDF rendering, a requested report is generated in this process right
// after the request commits. `scheduleReportGeneration` is the one call the report job replaces.
import type { AppContext } from '../context'
import { generateReport } from './reports'
import { loadSigningCertificate, type SigningCertificate } from './sign'

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

export function scheduleReportGeneration(ctx: AppContext, reportId: string, log: { error(obj: object, msg: string): void }) {
  const run = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => generateReport(ctx.db, reportId, { signing: () => signingCertificate(ctx), publicBaseUrl: ctx.config.publicBaseUrl }))
    .catch((err) => log.error({ err, reportId }, 'report generation failed'))
  inFlight.add(run)
  void run.finally(() => inFlight.delete(run))
}

/** Lets a closing app finish the reports it started before the database goes away. */
export async function settleReportGeneration() {
  await Promise.all([...inFlight])
}
