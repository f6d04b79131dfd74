// A form's draft in the outbox store: kept across a closed app until the form is submitted (the
// runner drops it when its item is 已提交). Only ever read back for the account that wrote it.
import { useCallback, useRef } from 'react'
import { refusePersonalData } from './guard'
import { useOutboxStore } from './store'

/** The form key names everything the draft belongs to (form, account, subject, text version). */
export function useFormDraft<T extends object>(formKey: string | null, ownerId: string | null, empty: T) {
  const stored = useOutboxStore((s) => (formKey ? s.drafts[formKey] : undefined))
  const data = stored && stored.ownerId === ownerId ? (stored.data as T) : empty

  const emptyRef = useRef(empty)
  emptyRef.current = empty
  const update = useCallback(
    (patch: Partial<T>) => {
      if (!formKey || !ownerId) return
      const s = useOutboxStore.getState()
      const before = s.drafts[formKey]
      const next = { ...(before && before.ownerId === ownerId ? (before.data as T) : emptyRef.current), ...patch }
      refusePersonalData(next)
      s.saveDraft(formKey, ownerId, next)
    },
    // `empty` may be a fresh object each render (read through a ref); the key and the owner identify the draft
    [formKey, ownerId],
  )

  const clear = useCallback(() => {
    if (formKey) useOutboxStore.getState().clearDraft(formKey)
  }, [formKey])

  return { data, update, clear }
}
