import { ApiError } from '../../services/api-error'
import { classifySignFailure } from './submit-outcome'

describe('a failed signing and its Idempotency-Key', () => {
  it.each([
    ['NETWORK_ERROR', 0, 'retry'],
    ['TIMEOUT', 0, 'retry'],
    ['SERVER_ERROR', 503, 'retry'],
    ['IDEMPOTENCY_IN_FLIGHT', 409, 'retry'],
    ['RATE_LIMITED', 429, 'retry'],
    ['TOKEN_EXPIRED', 401, 'retry'],
    ['TEMPLATE_UPDATED', 409, 'reread'],
    ['TEXT_MISMATCH', 409, 'reread'],
    ['INVALID_SIGNATURE', 400, 'rejected'],
    ['WRONG_AUDIENCE', 400, 'rejected'],
    ['NOT_FOUND', 404, 'rejected'],
    ['IDEMPOTENCY_KEY_REUSED', 422, 'rejected'],
  ])('%s (%i) → %s', (code, status, expected) => {
    expect(classifySignFailure(new ApiError(code, '…', status))).toBe(expected)
  })
})
