// Display preferences kept on the device: 长辈模式 (larger type, higher contrast). Until the user
// switches it themself, it follows the phone: on when the system font is enlarged.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../platform/storage'

interface PreferencesState {
  elderly: boolean
  /** the user switched 长辈模式 themself: the phone's font size no longer decides */
  chosen: boolean
  setElderly(on: boolean): void
  /** at launch: larger type when the phone's text is enlarged, unless the user chose */
  followSystem(enlarged: boolean): void
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set, get) => ({
      elderly: false,
      chosen: false,
      setElderly: (elderly) => set({ elderly, chosen: true }),
      followSystem: (enlarged) => {
        if (!get().chosen && get().elderly !== enlarged) set({ elderly: enlarged })
      },
    }),
    { name: 'creditpass-preferences', storage: createJSONStorage(() => taroStorage) },
  ),
)
