// The service's logger. Requests are logged by method and route only: query strings can carry
// personal data (a search for a name or a USCC, a report code), and so can whatever a client puts in
// a path segment, so neither reaches the log — the route's pattern (/api/reports/:id) does.
import type { DestinationStream } from 'pino'
import pino from 'pino'
import { loggable } from './errors'

interface LoggedRequest {
  method?: string
  url?: string
  ip?: string
  id?: string
  routeOptions?: { url?: string }
}

/** A path no route matched: its runs of digits and long segments could be anything, so they are cut. */
const maskedPath = (url: string) => url.split('?')[0].replace(/\d{4,}/g, '…').replace(/[^/]{33,}/g, '…')

export const logSerializers = {
  req(req: LoggedRequest) {
    const route = req.routeOptions?.url
    return { method: req.method, url: route && route !== '*' ? route : typeof req.url === 'string' ? maskedPath(req.url) : undefined, reqId: req.id }
  },
  res(res: { statusCode?: number }) {
    return { statusCode: res.statusCode }
  },
  /** database errors without the values they quote (see loggable) */
  err: loggable,
}

/**
 * A file every service logger also writes to: the API test run sets it (scripts/test-api.js) and
 * scans the file for personal data at the end (security/log-scan.ts).
 */
export const LOG_TEE_ENV = 'CREDITPASS_LOG_TEE'

const teeFile = () => process.env[LOG_TEE_ENV] || undefined
const appendTo = (file: string) => pino.destination({ dest: file, append: true, sync: true })

/** The service's logger; one given its own destination (a test capturing lines) is not teed. */
export function createLogger(level = process.env.LOG_LEVEL || 'info', destination?: DestinationStream) {
  const tee = teeFile()
  if (!tee || destination) return pino({ level, serializers: logSerializers }, destination)
  return pino({ level, serializers: logSerializers }, pino.multistream([{ level, stream: pino.destination(1) }, { level, stream: appendTo(tee) }]))
}

/** A test app's logger: none, unless the run collects every log line to scan it. */
export function testLogger() {
  const tee = teeFile()
  return tee ? pino({ level: process.env.LOG_LEVEL || 'info', serializers: logSerializers }, appendTo(tee)) : undefined
}
