// /api/public/*: no login — the public list of enterprise commitments (answers in ./commitments),
// receipt verification, and the red and black list lookup.
import { z } from 'zod'
import { calendarDate, cursor, pageOf, subjectKind } from './common'

/** A name fragment, or 18 letters and digits meant as a USCC (then checked as one). */
const search = z.string({ error: '搜索内容格式不正确' }).trim().max(50, { error: '搜索内容不能超过 50 个字' }).optional()

export const PublicCommitmentsQuery = z.object({ q: search, cursor: cursor(300).optional() })

export const PUBLIC_LISTS = ['red', 'black'] as const
export type PublicListKind = (typeof PUBLIC_LISTS)[number]
export const PublicListsQuery = z.object({
  list: z.enum(PUBLIC_LISTS, { error: '请选择名单：red（红名单）或 black（严重失信主体名单）' }),
  q: search,
  cursor: cursor(300).optional(),
})

/** Any string: a receipt number of the wrong form is answered 404 with what the form should be. */
export const ReceiptParams = z.object({ no: z.string().trim().toUpperCase() })

export const ListHit = z.strictObject({
  /** opaque: not the record's id */
  id: z.string(),
  /** a person's name and ID number come masked */
  subject: z.strictObject({ kind: subjectKind, name: z.string(), identifier: z.string() }),
  /** the list the entry is on (a record may be on a list without its name recorded) */
  listName: z.string().nullable(),
  department: z.string(),
  legalBasis: z.string().nullable(),
  documentNo: z.string().nullable(),
  listedOn: calendarDate,
  publicityEnd: calendarDate.nullable(),
})
export type ListHit = z.infer<typeof ListHit>
export const ListHitPage = pageOf(ListHit)
export type ListHitPage = z.infer<typeof ListHitPage>
