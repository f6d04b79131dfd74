// The 严重失信 lists the subject is on, asked only when a page is about to invite a claim (an empty
// 卡券 / 免押 list): on such a list nothing can be claimed, and saying 去领取 there would mislead.
import { useQuery } from '../../hooks/use-query'
import { fetchCatalog } from '../../services/incentives-api'

export interface BlackListState {
  /** null while unknown (loading, or the check failed) */
  lists: string[] | null
  loading: boolean
}

export function useBlackList(scope: string | null, needed: boolean): BlackListState {
  const catalog = useQuery(scope && needed ? `black-list|${scope}` : null, () => fetchCatalog(), { topics: ['credit'] })
  return { lists: catalog.data ? catalog.data.standing.blackList : null, loading: catalog.status === 'loading' }
}
