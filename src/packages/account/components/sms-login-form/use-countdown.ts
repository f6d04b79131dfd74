// Seconds left until `startedAt + seconds`, ticking once a second; 0 when idle or done.
import { useEffect, useState } from 'react'

export function useCountdown(startedAt: number | null, seconds: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (startedAt === null) return
    setNow(Date.now())
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= startedAt + seconds * 1000) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [startedAt, seconds])
  if (startedAt === null) return 0
  const left = Math.ceil((startedAt + seconds * 1000 - now) / 1000)
  return Math.min(seconds, Math.max(0, left))
}
