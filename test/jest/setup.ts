import { __reset } from './taro-mock'
import { useAuthStore } from '../../src/stores/auth'
import { useConsentStore } from '../../src/stores/consent'
import { useLastSeenStore } from '../../src/stores/last-seen'
import { useLoginDraftStore } from '../../src/stores/login-draft'
import { usePreferencesStore } from '../../src/stores/preferences'
import { resetOutboxRunner } from '../../src/services/outbox/runner'
import { useOutboxStore } from '../../src/services/outbox/store'
import { clearQueries } from '../../src/services/query/cache'

// Every store back to its first state (actions included) before each test.
const initialStates = [
  [useAuthStore, useAuthStore.getState()],
  [useConsentStore, useConsentStore.getState()],
  [useLoginDraftStore, useLoginDraftStore.getState()],
  [usePreferencesStore, usePreferencesStore.getState()],
  [useLastSeenStore, useLastSeenStore.getState()],
  [useOutboxStore, useOutboxStore.getState()],
] as const

beforeEach(() => {
  __reset()
  resetOutboxRunner()
  clearQueries()
  for (const [store, state] of initialStates) (store.setState as (s: unknown, replace: true) => void)(state, true)
})
