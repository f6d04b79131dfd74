// Which answers end a submission. A final 4xx is the server's decision and sending it again would
// get the same answer; everything else may succeed later with the same Idempotency-Key.
import type { ApiError } from '../api-error'

export function isFinalFailure(err: ApiError): boolean {
  const { status, code } = err
  if (status === 0 || status >= 500) return false // network, timeout, server trouble
  if (status === 401 || status === 408 || status === 429) return false // signed out, slow, busy
  if (status === 409 && code === 'IDEMPOTENCY_IN_FLIGHT') return false // the first attempt still runs
  return status >= 400
}
