// The code of the current 30-s window for a voucher or a counter proof, recomputed on the phone
// every second (no network needed at the gate), on the server's clock.
import { useEffect, useMemo, useState } from 'react'
import { fromBase64Url, rotatingDigits, secondsLeft, windowOf } from '../../domain/rotating-code'
import type { RotatingPass } from '../../services/incentives-api'

export interface RotatingCode {
  /** 6 digits */
  digits: string
  /** seconds until the next code */
  secondsLeft: number
}

export function useRotatingCode(pass: RotatingPass | null | undefined): RotatingCode | null {
  // How far the phone's clock is from the server's, taken when the pass arrived.
  const setup = useMemo(() => (pass ? { secret: fromBase64Url(pass.secret), offset: Date.parse(pass.serverTime) - Date.now() } : null), [pass])
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!setup) return undefined
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [setup])
  if (!setup) return null
  const at = now + setup.offset
  return { digits: rotatingDigits(setup.secret, windowOf(at)), secondsLeft: secondsLeft(at) }
}
