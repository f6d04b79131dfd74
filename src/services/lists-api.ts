// The public red and black lists (no login): anonymous, whoever is logged in. Types come from the
// contract, as types only.
import type { ListHit, ListHitPage, PublicListKind } from '../contract/public'
import { anonymousGet } from './http'

export type { ListHit, PublicListKind }

export const fetchPublicList = (list: PublicListKind, q: string, cursor?: string | null) =>
  anonymousGet<ListHitPage>('/public/lists', { list, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) })
