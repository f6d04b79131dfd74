// The login form's phone number while the user moves between the login screens. Kept in memory
// only: a full phone number is personal data and never goes to client storage (DESIGN §3,
// Masking). The SMS code is never kept at all.
import { create } from 'zustand'

interface LoginDraftState {
  phone: string
  setPhone(phone: string): void
  clear(): void
}

export const useLoginDraftStore = create<LoginDraftState>()((set) => ({
  phone: '',
  setPhone: (phone) => set({ phone }),
  clear: () => set({ phone: '' }),
}))
