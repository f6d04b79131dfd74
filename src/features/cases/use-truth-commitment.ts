// The acting subject's signed 真实性承诺书 not yet used by a registration (newest first), read again
// whenever the form shows (the user comes back from signing one).
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { VOLUNTARY_COMMITMENT_TEMPLATE } from '../../domain/cases'
import { fetchMyRegistrations } from '../../services/cases-api'
import { fetchMyCommitments, type Commitment } from '../../services/commitments-api'

export function useTruthCommitment(key: string | null) {
  const [commitment, setCommitment] = useState<Commitment | null>(null)
  const [loading, setLoading] = useState(Boolean(key))
  const load = useCallback(async () => {
    if (!key) return
    setLoading(true)
    try {
      const [mine, used] = await Promise.all([fetchMyCommitments(), fetchMyRegistrations()])
      const taken = new Set(used.items.map((r) => r.commitment.id))
      setCommitment(mine.items.find((c) => c.template.id === VOLUNTARY_COMMITMENT_TEMPLATE && c.status === '履约中' && !taken.has(c.id)) ?? null)
    } catch {
      setCommitment(null)
    } finally {
      setLoading(false)
    }
  }, [key])
  useEffect(() => void load(), [load])
  useDidShow(() => void load())
  return { commitment, loading }
}
