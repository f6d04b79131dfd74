// Display preferences kept on the device: 长辈模式 (larger type, higher contrast).
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../platform/storage'

interface PreferencesState {
  elderly: boolean
  setElderly(on: boolean): void
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      elderly: false,
      setElderly: (elderly) => set({ elderly }),
    }),
    { name: 'creditpass-preferences', storage: createJSONStorage(() => taroStorage) },
  ),
)
