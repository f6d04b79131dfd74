// A report while its PDF job runs: GET /reports/:id again and again — soon at first, then less
// often (backoff) — until it is 已生成 or 生成失败. A failed poll (network) keeps the last answer and
// tries again later; the page shows the error beside it. Stops when the page goes.
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '../../services/api-error'
import { invalidate } from '../../services/query/cache'
import { fetchReport, type Report } from '../../services/reports-api'

/** Waits between polls: the job usually takes a second or two; a busy worker may take a minute. */
export const POLL_DELAYS_MS = [800, 1200, 2000, 3000, 5000]
export const pollDelay = (attempt: number) => POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)]

export interface ReportProgress {
  report: Report | null
  /** the first load failed (nothing to show), or the last poll failed (report kept) */
  error: string | null
  errorStatus: number
  /** polls made while pending: the page says how long it has waited */
  polls: number
  reload(): void
}

/** `scope` (user and acting subject): a change starts over, so one subject's report never shows for another. */
export function useReportProgress(id: string | null, scope: string | null = null): ReportProgress {
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [errorStatus, setErrorStatus] = useState(0)
  const [polls, setPolls] = useState(0)
  const [round, setRound] = useState(0)
  const alive = useRef(true)

  useEffect(() => {
    alive.current = true
    setReport(null)
    setError(null)
    setErrorStatus(0)
    if (!id) return
    let timer: ReturnType<typeof setTimeout> | null = null
    let attempt = 0
    const tick = async () => {
      try {
        const r = await fetchReport(id)
        if (!alive.current) return
        setReport(r)
        setError(null)
        if (r.status !== 'pending') {
          // Finished while watched: the list (and anything else about reports) shows it so.
          if (attempt > 0) invalidate('reports')
          return
        }
      } catch (e) {
        if (!alive.current) return
        const err = toApiError(e)
        setError(err.message)
        setErrorStatus(err.status)
        // Gone or not this user's: asking again will not change that.
        if (err.status === 404 || err.status === 401) return
      }
      setPolls((n) => n + 1)
      timer = setTimeout(() => void tick(), pollDelay(attempt++))
    }
    void tick()
    return () => {
      alive.current = false
      if (timer) clearTimeout(timer)
    }
  }, [id, scope, round])

  const reload = useCallback(() => {
    setError(null)
    setRound((n) => n + 1)
  }, [])

  return { report, error, errorStatus, polls, reload }
}
