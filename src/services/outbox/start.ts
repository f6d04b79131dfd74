// Starts the outbox once at launch: it sends what an earlier run left, and wakes up when the user
// signs in, the network comes back or the app returns to the front.
import { onAppShow, onNetworkBack } from '../../platform/network'
import { useAuthStore } from '../../stores/auth'
import { kick, resumeAll } from './runner'
import { useOutboxStore } from './store'

let started = false

export function startOutbox(): void {
  if (started) return
  started = true
  useAuthStore.subscribe((s, prev) => {
    if (s.user?.id !== prev.user?.id || s.refreshToken !== prev.refreshToken) kick()
  })
  useOutboxStore.persist.onFinishHydration(() => kick())
  onNetworkBack(resumeAll)
  onAppShow(resumeAll)
  kick()
}
