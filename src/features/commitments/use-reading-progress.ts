// The two reading conditions before signing: the text was scrolled to its end, and it was on
// screen for COMMITMENT_MIN_READ_SECONDS. Time counts only while the page is shown.
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { COMMITMENT_MIN_READ_SECONDS } from '../../domain/policy'

const TICK_MS = 1000

export interface ReadingProgress {
  reachedEnd: boolean
  secondsLeft: number
  markReachedEnd(): void
}

/** `textKey` names the text on screen (template id and version); null while nothing is shown. */
export function useReadingProgress(textKey: string | null): ReadingProgress {
  const [reachedEnd, setReachedEnd] = useState(false)
  const [elapsedMs, setElapsedMs] = useState(0)
  const shown = useRef(true)
  useDidShow(() => {
    shown.current = true
  })
  useDidHide(() => {
    shown.current = false
  })

  const neededMs = COMMITMENT_MIN_READ_SECONDS * 1000
  useEffect(() => {
    setReachedEnd(false)
    setElapsedMs(0)
    if (!textKey) return
    let last = Date.now()
    let total = 0
    const timer = setInterval(() => {
      const now = Date.now()
      if (shown.current) total += now - last
      last = now
      setElapsedMs(total)
      if (total >= neededMs) clearInterval(timer)
    }, TICK_MS)
    return () => clearInterval(timer)
  }, [textKey, neededMs])

  const markReachedEnd = useCallback(() => setReachedEnd(true), [])
  const secondsLeft = textKey ? Math.max(0, Math.ceil((neededMs - elapsedMs) / 1000)) : COMMITMENT_MIN_READ_SECONDS
  return { reachedEnd, secondsLeft, markReachedEnd }
}
