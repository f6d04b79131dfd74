// Switching whose credit the app shows: the user themself or an enterprise they act for
// (DESIGN §4 X-Subject). The choice is the enterprise's USCC (public), or null for oneself.
import { choose } from '../../platform/feedback'
import type { Profile, SubjectRef } from '../../services/types'
import { useAuthStore } from '../../stores/auth'

export const subjectLabel = (s: SubjectRef): string => (s.kind === 'person' ? `本人（${s.name}）` : s.name)

/** Acts for `subject` from now on: every credit call carries its USCC, or none for oneself. */
export function actAs(subject: SubjectRef): void {
  useAuthStore.getState().setActingFor(subject.kind === 'enterprise' ? subject.identifier : null)
}

/** Asks which identity to use (an action sheet) and switches to it. */
export async function chooseSubject(user: Profile): Promise<void> {
  const subjects = user.subjects
  const picked = await choose(subjects.map(subjectLabel))
  if (picked !== null && subjects[picked]) actAs(subjects[picked])
}

/** Forgets an enterprise the user no longer acts for (the profile is the server's word). */
export function keepActingForValid(user: Profile): void {
  const { actingFor, setActingFor } = useAuthStore.getState()
  if (actingFor && !user.subjects.some((s) => s.kind === 'enterprise' && s.identifier === actingFor)) setActingFor(null)
}
