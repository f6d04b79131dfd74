// When an unanswered submission is tried again: exponential backoff with full jitter (a random
// wait between 0 and the exponential bound), so a crowd of phones coming back online spreads out.

export const outboxRetry = {
  /** the bound of the first wait */
  baseDelayMs: 2000,
  /** the bound never grows past this: a phone back online sends within minutes */
  maxDelayMs: 5 * 60_000,
}

/** The wait before attempt `attempt + 1`, after `attempt` failed ones (attempt ≥ 1). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const bound = Math.min(outboxRetry.maxDelayMs, outboxRetry.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * bound)
}
