// What every officer action on a case shares: one action at a time (the one under way is named,
// so its button can say 正在提交…), the refusal in the server's words, a toast once done, and every
// page showing the case loaded again — also after a refusal, which often means the case moved on.
import { useState } from 'react'
import { toast } from '../../platform/feedback'
import { toApiError } from '../../services/api-error'
import { invalidate, type Topic } from '../../services/query/cache'

export function useCaseAction(topics: readonly Topic[]) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  /** Runs `action` (named `name` while under way); resolves true when it went through. */
  const run = async (name: string, action: () => Promise<unknown>, done: string): Promise<boolean> => {
    if (busy) return false
    setBusy(name)
    setError(null)
    try {
      await action()
      toast(done, 'success')
      invalidate(...topics)
      return true
    } catch (e) {
      const err = toApiError(e)
      setError(err.message)
      if (err.status >= 400) invalidate(...topics)
      return false
    } finally {
      setBusy(null)
    }
  }

  return { busy, error, setError, run }
}

/** What a report or a registration decision changes: the queues and the case pages (and, once a
 *  registration is verified, the subject's credit). */
export const CASE_TOPICS: readonly Topic[] = ['cases', 'credit']
