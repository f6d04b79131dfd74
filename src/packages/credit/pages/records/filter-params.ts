// The record list's filter from the page address (?polarity=negative&status=公示中); unknown
// values are ignored rather than sent to the server.
import { RECORD_KINDS, RECORD_STATUSES } from '../../../../features/credit/labels'
import { readParam } from '../../../../platform/navigation'
import type { RecordFilter, RecordStatus } from '../../../../services/types'

/** The filter from the page address; anything unknown is ignored. */
export function filterFromParams(params: Record<string, string | undefined>): RecordFilter {
  const polarity = readParam(params, 'polarity')
  const kind = readParam(params, 'kind')
  const status = readParam(params, 'status')
  return {
    polarity: polarity === 'positive' || polarity === 'negative' ? polarity : undefined,
    kind: kind && (RECORD_KINDS as readonly string[]).includes(kind) ? kind : undefined,
    status: status && RECORD_STATUSES.includes(status as RecordStatus) ? (status as RecordStatus) : undefined,
  }
}
