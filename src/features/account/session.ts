// Starting and ending a session, the same way for every login method.
import { goBack, replacePage, routes } from '../../platform/navigation'
import { logoutSession } from '../../services/auth-api'
import type { LoginResponse } from '../../services/types'
import { useAuthStore } from '../../stores/auth'
import { useLoginDraftStore } from '../../stores/login-draft'

/** Keeps the session, forgets the login draft, and moves on: to 实名认证 first if still needed. */
export function completeLogin(res: LoginResponse): void {
  useAuthStore.getState().setSession(res)
  useLoginDraftStore.getState().clear()
  if (!res.user.realNameVerified) replacePage(routes.realName)
  else goBack()
}

/** How long logout waits for the server before ending the session on this device anyway. */
const LOGOUT_WAIT_MS = 3000

/** Revokes the refresh token on the server, then clears the local session even if that failed. */
export async function logout(): Promise<void> {
  const { refreshToken } = useAuthStore.getState()
  try {
    if (refreshToken) {
      await Promise.race([logoutSession(refreshToken), new Promise((resolve) => setTimeout(resolve, LOGOUT_WAIT_MS))])
    }
  } catch {
    // The server forgets an unused refresh token when it expires; the device forgets it now.
  } finally {
    useAuthStore.getState().clear()
    useLoginDraftStore.getState().clear()
  }
}
