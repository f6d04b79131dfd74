// A citizen's case form (objection, repair application, report, registration): its draft and its
// evidence kept across a closed app, the filing handed to the outbox (sent again under its one key
// until answered, never twice), the item watched while the page is open, and the case opened once
// the server has made it. The page keeps only its fields and its checks.
import { useEffect, useRef, useState } from 'react'
import type { SavedUpload, UploadItem } from '../components/uploader/types'
import { replacePage } from '../platform/navigation'
import { requestCaseSubscription } from '../platform/subscribe'
import { toApiError, type ApiError } from '../services/api-error'
import { refusePersonalData } from '../services/outbox/guard'
import { discard, kick, retryNow, submit as send } from '../services/outbox/runner'
import { itemById, liveItemOf, useOutboxStore } from '../services/outbox/store'
import type { OutboxInput } from '../services/outbox/types'
import { useFormDraft } from '../services/outbox/use-form-draft'
import { useAuthStore } from '../stores/auth'

export interface CaseFormOptions<T> {
  /** names the draft (and the one unfinished item) from the account and the subject it acts for */
  formKey(ownerId: string, subject: string | null): string
  empty: T
  /** the page of the case the server made */
  detail(id: string): string
  /** said after the server's words when a filing is kept to be sent again */
  pendingNote: string
  /** WeChat subscribe-message templates to ask for in the tap (none: nothing is asked) */
  templateIds?: string[]
}

export interface SubmitContext {
  ownerId: string
  subject: string | null
  formKey: string
  /** the ids of the evidence uploaded so far */
  attachmentIds: string[]
}

type Draft<T> = T & { evidence?: SavedUpload[] }

/** A file name is shown again from storage: one that holds a phone or ID number is kept unnamed. */
function storable(f: UploadItem, n: number): SavedUpload {
  let name = f.name
  try {
    refusePersonalData(name)
  } catch {
    name = `证明材料 ${n + 1}`
  }
  return { uploadId: f.uploadId!, name, type: f.type, size: f.size, pages: f.pages }
}

export function useCaseForm<T extends object>(opts: CaseFormOptions<T>) {
  const user = useAuthStore((s) => s.user)
  const subject = useAuthStore((s) => s.actingFor)
  const ownerId = user?.id ?? null
  const formKey = ownerId ? opts.formKey(ownerId, subject) : null
  const draft = useFormDraft<Draft<T>>(formKey, ownerId, opts.empty)
  const [files, setFiles] = useState<UploadItem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // a second tap before the first re-render must not send twice
  const inFlight = useRef(false)

  // a shared device: another account's drafts are not kept
  useEffect(() => {
    if (ownerId) useOutboxStore.getState().keepDraftsOf(ownerId)
  }, [ownerId])

  const live = useOutboxStore((s) => (formKey ? liveItemOf(formKey)(s) : undefined))
  const waiting = live?.status === 'pending' || live?.status === 'sending'
  const liveId = waiting ? live.id : null
  const [watchId, setWatchId] = useState<string | null>(null)
  const watched = useOutboxStore(itemById(watchId))
  // An item still waiting from before (a closed app): watch it and try it now.
  useEffect(() => {
    if (!liveId) return
    setWatchId(liveId)
    kick()
  }, [liveId])
  // Answered, now or later by the outbox while this page is open: show the case.
  const detail = useRef(opts.detail)
  detail.current = opts.detail
  const resultId = watched?.status === 'done' ? watched.resultId : null
  useEffect(() => {
    if (resultId) replacePage(detail.current(resultId))
  }, [resultId])

  /** Changes the draft; nothing changes while a filing waits to be sent (it is what was filed). */
  function edit(patch: Partial<T>) {
    if (waiting) return
    try {
      draft.update(patch as Partial<Draft<T>>)
      setError(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  /** The uploader's list: kept on screen, and what is uploaded kept in the draft. */
  function onFiles(items: UploadItem[]) {
    setFiles(items)
    if (waiting) return
    const evidence = items.filter((f) => f.status === 'done' && f.uploadId).map(storable)
    const before = draft.data.evidence ?? []
    if (evidence.length === before.length && evidence.every((f, n) => f.uploadId === before[n].uploadId)) return
    draft.update({ evidence } as Partial<Draft<T>>)
  }

  const attachmentIds = files.filter((f) => f.status === 'done' && f.uploadId).map((f) => f.uploadId!)

  /**
   * Files the case. Call it first thing in the tap: WeChat allows the subscribe request only there,
   * before anything is awaited. `build` returns null when the form is not ready (nothing is sent);
   * a filing still waiting from before is sent again instead of the one built.
   */
  function submit(build: (ctx: SubmitContext) => OutboxInput | null, onFailed?: (e: ApiError) => void): Promise<void> {
    if (opts.templateIds) requestCaseSubscription(opts.templateIds)
    if (!ownerId || !formKey || inFlight.current) return Promise.resolve()
    const input = build({ ownerId, subject, formKey, attachmentIds })
    if (!input) return Promise.resolve()
    inFlight.current = true
    setBusy(true)
    setError(null)
    // one waiting from before goes again under its own key (the draft is what it filed)
    const again = waiting && live ? retryNow(live.id) : null
    return (again ?? send(input))
      .then((outcome) => {
        setWatchId(outcome.item.id)
        if (outcome.status === 'pending') {
          setError(`${outcome.error.message}。${opts.pendingNote}`)
        } else if (outcome.status === 'failed') {
          discard(outcome.item.id)
          setError(outcome.error.message)
          onFailed?.(outcome.error)
        }
      })
      .catch((e) => setError(toApiError(e).message))
      .finally(() => {
        inFlight.current = false
        setBusy(false)
      })
  }

  return {
    data: draft.data as T,
    edit,
    /** the evidence the draft kept, for the uploader to show again */
    savedFiles: draft.data.evidence ?? [],
    files,
    onFiles,
    attachmentIds,
    uploading: files.some((f) => f.status === 'uploading'),
    uploadFailed: files.some((f) => f.status === 'failed'),
    /** an earlier filing of this form waits to be sent (or is being sent) */
    waiting,
    busy,
    error,
    setError,
    ownerId,
    subject,
    formKey,
    submit,
  }
}
