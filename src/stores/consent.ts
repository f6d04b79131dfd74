// Privacy consent: which version of the privacy notice the user accepted. Nothing personal is
// fetched before it. A refusal lasts for this launch only; the next launch asks again.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { PRIVACY_POLICY_VERSION } from '../domain/policy'
import { taroStorage } from '../platform/storage'

interface ConsentState {
  acceptedVersion: string | null
  acceptedAt: string | null
  /** the user chose 不同意 in this launch (not persisted) */
  declined: boolean
  accept(): void
  decline(): void
  /** show the notice again after a refusal */
  reconsider(): void
  withdraw(): void
}

export const useConsentStore = create<ConsentState>()(
  persist(
    (set) => ({
      acceptedVersion: null,
      acceptedAt: null,
      declined: false,
      accept: () => set({ acceptedVersion: PRIVACY_POLICY_VERSION, acceptedAt: new Date().toISOString(), declined: false }),
      decline: () => set({ declined: true }),
      reconsider: () => set({ declined: false }),
      withdraw: () => set({ acceptedVersion: null, acceptedAt: null, declined: false }),
    }),
    {
      name: 'creditpass-consent',
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ acceptedVersion: s.acceptedVersion, acceptedAt: s.acceptedAt }),
    },
  ),
)

export const hasConsented = (s: Pick<ConsentState, 'acceptedVersion'> = useConsentStore.getState()) =>
  s.acceptedVersion === PRIVACY_POLICY_VERSION
