// What a failed signing means for the attempt's Idempotency-Key. The server keeps a final answer
// under its key, so a changed signing needs a new key; an unanswered one is retried with the same
// key, which can never create a second commitment.
import type { ApiError } from '../../services/api-error'

export type SignFailure =
  /** no final answer (network, timeout, 5xx, busy, login expired): retry with the same key and body */
  | 'retry'
  /** the text changed since it was read: read the new version, sign afresh */
  | 'reread'
  /** a final refusal (bad signature, wrong subject…): fix it, next attempt gets a new key */
  | 'rejected'

export function classifySignFailure(err: ApiError): SignFailure {
  if (err.status === 0 || err.status >= 500 || err.status === 429 || err.status === 401) return 'retry'
  if (err.status === 409 && err.code === 'IDEMPOTENCY_IN_FLIGHT') return 'retry'
  if (err.status === 409) return 'reread'
  return 'rejected'
}
