// The login form's phone number, kept across a crash or a closed app until login succeeds.
// The SMS code is never kept.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../platform/storage'

interface LoginDraftState {
  phone: string
  setPhone(phone: string): void
  clear(): void
}

export const useLoginDraftStore = create<LoginDraftState>()(
  persist(
    (set) => ({
      phone: '',
      setPhone: (phone) => set({ phone }),
      clear: () => set({ phone: '' }),
    }),
    { name: 'creditpass-login-draft', storage: createJSONStorage(() => taroStorage) },
  ),
)
