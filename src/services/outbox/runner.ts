// Sends what the outbox holds: one item at a time in the order they were made, files first, each
// with its own Idempotency-Key; an unanswered item waits (backoff with full jitter) and is sent
// again with the same key, a final refusal becomes 失败 with the server's message.
import { toApiError, type ApiError } from '../api-error'
import { newIdempotencyKey } from '../http'
import { invalidate } from '../query/cache'
import { useAuthStore } from '../../stores/auth'
import { backoffDelay } from './backoff'
import { isFinalFailure } from './classify'
import { refusePersonalData } from './guard'
import { useOutboxStore } from './store'
import { apiTransport } from './transport'
import type { OutboxFile, OutboxInput, OutboxItem, OutboxTransport } from './types'

const FILE_PLACEHOLDER = 'outbox-file:'

/** How the first try of a submission ended, for the screen that made it. */
export type FirstOutcome =
  | { status: 'done'; item: OutboxItem; data: unknown }
  | { status: 'failed'; item: OutboxItem; error: ApiError }
  /** no answer yet: it stays 待发送 and is sent again by itself */
  | { status: 'pending'; item: OutboxItem; error: ApiError }

let transport: OutboxTransport = apiTransport
let itemSeq = 0
let timer: ReturnType<typeof setTimeout> | null = null
let running = false
/** bumped by a reset, so a send still running from before ends without effect */
let generation = 0
const waiting = new Map<string, (outcome: FirstOutcome) => void>()

export function setOutboxTransport(next: OutboxTransport): void {
  transport = next
}

/** Forgets timers and the send in progress (tests; a signed-out device). */
export function resetOutboxRunner(): void {
  generation++
  running = false
  if (timer) clearTimeout(timer)
  timer = null
  waiting.clear()
  transport = apiTransport
}

const store = () => useOutboxStore.getState()
const signedInAs = () => {
  const { user, refreshToken } = useAuthStore.getState()
  return refreshToken && user ? user.id : null
}

/** Stores a submission (refusing personal data) and starts sending it. */
export function enqueue(input: OutboxInput): OutboxItem {
  refusePersonalData([input.title, input.url, input.body, (input.files ?? []).map((f) => f.name)])
  const now = Date.now()
  const item: OutboxItem = {
    id: `ob-${now.toString(36)}-${(++itemSeq).toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    kind: input.kind,
    title: input.title,
    formKey: input.formKey ?? null,
    ownerId: input.ownerId,
    subject: input.subject,
    url: input.url,
    body: input.body,
    files: (input.files ?? []).map((f) => ({ ...f, uploadId: null })),
    idempotencyKey: newIdempotencyKey(),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    resultPath: input.resultPath ?? null,
    link: input.link ?? null,
    topics: input.topics ?? [],
    resultId: null,
    createdAt: now,
    updatedAt: now,
  }
  store().add(item)
  kick()
  return item
}

/** Enqueues and resolves when its first try ends (sent, refused, or left waiting). */
export function submit(input: OutboxInput): Promise<FirstOutcome> {
  const item = enqueue(input)
  return new Promise((resolve) => waiting.set(item.id, resolve))
}

/**
 * Sends an item now. A waiting one keeps its key; a failed one was answered for good under its
 * key (the server would replay that answer), so it goes again under a new key.
 */
export function retryNow(id: string): Promise<FirstOutcome> | null {
  const item = store().items.find((i) => i.id === id)
  if (!item || item.status === 'sending' || item.status === 'done') return null
  const fresh = item.status === 'failed' ? { idempotencyKey: newIdempotencyKey(), attempts: 0 } : {}
  store().patch(id, { ...fresh, status: 'pending', nextAttemptAt: 0, lastError: null })
  const outcome = new Promise<FirstOutcome>((resolve) => waiting.set(id, resolve))
  kick()
  return outcome
}

/** Drops an item that is not being sent right now; true when it is gone. */
export function discard(id: string): boolean {
  const item = store().items.find((i) => i.id === id)
  if (!item) return true
  if (item.status === 'sending') return false
  store().remove(id)
  waiting.delete(id)
  return true
}

/** Everything waiting is due now (the network came back, the app came to the front). */
export function resumeAll(): void {
  for (const i of store().items) if (i.status === 'pending' && i.nextAttemptAt > Date.now()) store().patch(i.id, { nextAttemptAt: 0 })
  kick()
}

export function kick(): void {
  if (timer) clearTimeout(timer)
  timer = null
  void drain()
}

function nextDue(owner: string): OutboxItem | undefined {
  const now = Date.now()
  return store()
    .items.filter((i) => i.status === 'pending' && i.ownerId === owner && i.nextAttemptAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt)[0]
}

async function drain(): Promise<void> {
  if (running) return
  running = true
  const gen = generation
  try {
    for (;;) {
      const owner = signedInAs()
      const item = owner ? nextDue(owner) : undefined
      if (!item) break
      await attempt(item, gen)
      if (gen !== generation) return
    }
  } finally {
    if (gen === generation) running = false
  }
  if (gen === generation) schedule()
}

function schedule() {
  const owner = signedInAs()
  const waits = store()
    .items.filter((i) => i.status === 'pending' && i.ownerId === owner)
    .map((i) => i.nextAttemptAt)
  if (!waits.length) return
  timer = setTimeout(kick, Math.max(0, Math.min(...waits) - Date.now()))
}

async function attempt(item: OutboxItem, gen: number): Promise<void> {
  const attempts = item.attempts + 1
  store().patch(item.id, { status: 'sending', attempts })
  let outcome: FirstOutcome
  try {
    const files = await uploadMissing(item, gen)
    const data = await transport.send({ url: item.url, body: withUploads(item.body, files), idempotencyKey: item.idempotencyKey, subject: item.subject })
    if (gen !== generation) return
    store().patch(item.id, { status: 'done', lastError: null, resultId: item.resultPath ? pick(data, item.resultPath) : null })
    if (item.formKey) store().clearDraft(item.formKey)
    if (item.topics?.length) invalidate(...item.topics)
    outcome = { status: 'done', item: current(item), data }
  } catch (e) {
    if (gen !== generation) return
    const error = toApiError(e)
    if (isFinalFailure(error)) {
      store().patch(item.id, { status: 'failed', lastError: error.message })
      outcome = { status: 'failed', item: current(item), error }
    } else {
      store().patch(item.id, { status: 'pending', lastError: error.message, nextAttemptAt: Date.now() + backoffDelay(attempts) })
      outcome = { status: 'pending', item: current(item), error }
    }
  }
  const resolve = waiting.get(item.id)
  waiting.delete(item.id)
  resolve?.(outcome)
}

const current = (item: OutboxItem) => store().items.find((i) => i.id === item.id) ?? item

/** Uploads the files not uploaded yet, one by one, keeping each id as soon as it is known. */
async function uploadMissing(item: OutboxItem, gen: number): Promise<OutboxFile[]> {
  const files = item.files.map((f) => ({ ...f }))
  for (const file of files) {
    if (file.uploadId) continue
    const { id } = await transport.upload({ localPath: file.localPath, name: file.name }, item.subject)
    if (gen !== generation) throw new Error('outbox reset')
    file.uploadId = id
    store().patch(item.id, { files: files.map((f) => ({ ...f })) })
  }
  return files
}

/** The body with every `outbox-file:<ref>` string replaced by that file's upload id. */
export function withUploads(body: unknown, files: OutboxFile[]): unknown {
  if (!files.length) return body
  const ids = new Map(files.map((f) => [`${FILE_PLACEHOLDER}${f.ref}`, f.uploadId]))
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return ids.has(v) ? ids.get(v) : v
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(body)
}

export const fileRef = (ref: string) => `${FILE_PLACEHOLDER}${ref}`

function pick(data: unknown, path: string): string | null {
  let v: unknown = data
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined
  return typeof v === 'string' ? v : null
}
