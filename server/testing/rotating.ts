// Test helper: six digits that are neither the current rotating code nor one of the last day's.
// A fixed guess such as 000000 is one of the 1,440 codes of the last 12 hours now and then, and
// is then refused as "expired" instead of "wrong": a test must not depend on that chance.
import { checkRotating } from '../../src/domain/rotating-code'

export function unrecognisedDigits(secret: Uint8Array, now: Date): string {
  for (let n = 0; ; n++) {
    const digits = String(n).padStart(6, '0')
    if (checkRotating(secret, digits, now) === 'wrong') return digits
  }
}
