// Privacy consent: which version of the privacy notice the user accepted. Nothing personal is
// fetched before it.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { PRIVACY_POLICY_VERSION } from '../domain/policy'
import { taroStorage } from '../platform/storage'

interface ConsentState {
  acceptedVersion: string | null
  acceptedAt: string | null
  accept(): void
  withdraw(): void
}

export const useConsentStore = create<ConsentState>()(
  persist(
    (set) => ({
      acceptedVersion: null,
      acceptedAt: null,
      accept: () => set({ acceptedVersion: PRIVACY_POLICY_VERSION, acceptedAt: new Date().toISOString() }),
      withdraw: () => set({ acceptedVersion: null, acceptedAt: null }),
    }),
    { name: 'creditpass-consent', storage: createJSONStorage(() => taroStorage) },
  ),
)

export const hasConsented = (s: Pick<ConsentState, 'acceptedVersion'> = useConsentStore.getState()) =>
  s.acceptedVersion === PRIVACY_POLICY_VERSION
