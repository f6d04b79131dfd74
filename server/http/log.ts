// The service's logger. Requests are logged by method and path only: query strings can carry
// personal data (a search for a name or a USCC, a report code), so they never reach the log.
import type { DestinationStream } from 'pino'
import pino from 'pino'
import { loggable } from './errors'

interface LoggedRequest {
  method?: string
  url?: string
  ip?: string
  id?: string
}

export const logSerializers = {
  req(req: LoggedRequest) {
    return { method: req.method, url: typeof req.url === 'string' ? req.url.split('?')[0] : undefined, reqId: req.id }
  },
  res(res: { statusCode?: number }) {
    return { statusCode: res.statusCode }
  },
  /** database errors without the values they quote (see loggable) */
  err: loggable,
}

export function createLogger(level = process.env.LOG_LEVEL || 'info', destination?: DestinationStream) {
  return pino({ level, serializers: logSerializers }, destination)
}
