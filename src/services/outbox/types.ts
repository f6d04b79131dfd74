// The shape of one outbox item and of the transport that sends it; shared by the store, the
// runner and the screens that show 待发送 / 发送中 / 已提交 / 失败.
import type { Topic } from '../query/cache'

export type OutboxStatus = 'pending' | 'sending' | 'done' | 'failed'

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  done: '已提交',
  failed: '失败',
}

/** A local file that must be uploaded before its item is sent. */
export interface OutboxFile {
  /** the placeholder in the body (`outbox-file:<ref>`) that becomes the upload id */
  ref: string
  localPath: string
  name: string
  uploadId: string | null
}

export interface OutboxItem {
  id: string
  /** what it is, for code: 'voucher-claim', 'commitment-sign', … */
  kind: string
  /** what it is, for the user: shown in the 待发送 list */
  title: string
  /** the form it was sent from: at most one unfinished item per form */
  formKey: string | null
  /** the account that made it: only sent while that account is signed in */
  ownerId: string
  /** the X-Subject it was made as (the server scopes its Idempotency-Key by it) */
  subject: string | null
  url: string
  body: unknown
  files: OutboxFile[]
  idempotencyKey: string
  status: OutboxStatus
  /** sending attempts so far (the backoff grows with them) */
  attempts: number
  nextAttemptAt: number
  /** the last error in Chinese: the reason of 失败, or why a 待发送 item waits */
  lastError: string | null
  /** where the answer's id sits (e.g. 'voucher.id'), and the page that shows it (the id is appended, encoded) */
  resultPath: string | null
  link: string | null
  /** the id of what the server created, once 已提交 */
  resultId: string | null
  /** what the submission changes: these query topics are invalidated once it is 已提交 */
  topics?: Topic[]
  createdAt: number
  updatedAt: number
}

export interface OutboxRequest {
  url: string
  body: unknown
  idempotencyKey: string
  subject: string | null
}

export interface OutboxTransport {
  /** POSTs the item; rejects with anything the API client rejects with */
  send(request: OutboxRequest): Promise<unknown>
  /** uploads one local file; resolves with the server's upload id */
  upload(file: { localPath: string; name: string }, subject: string | null): Promise<{ id: string }>
}

/** Everything a caller states when it hands a submission to the outbox. */
export interface OutboxInput {
  kind: string
  title: string
  formKey?: string | null
  ownerId: string
  subject: string | null
  url: string
  body: unknown
  files?: Array<Omit<OutboxFile, 'uploadId'>>
  resultPath?: string | null
  link?: string | null
  topics?: Topic[]
}
