// The public red and black lists (no login): anonymous, whoever is logged in.
import { anonymousGet } from './http'
import type { Page } from './types'

export type PublicListKind = 'red' | 'black'

export interface ListHit {
  id: string
  subject: { kind: 'person' | 'enterprise'; name: string; identifier: string }
  listName: string
  department: string
  legalBasis: string | null
  documentNo: string | null
  listedOn: string
  publicityEnd: string | null
}

export const fetchPublicList = (list: PublicListKind, q: string, cursor?: string | null) =>
  anonymousGet<Page<ListHit>>('/public/lists', { list, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) })
