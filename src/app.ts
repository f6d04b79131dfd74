// The app root: global styles, the WeChat privacy listener, the outbox, the H5 title bar and
// keyboard access, and where unknown addresses go; pages do the rest.
import { PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { enableKeyboardAccess } from './platform/keyboard-access'
import { routes } from './platform/navigation'
import { listenForWechatPrivacyRequests } from './platform/privacy'
import { startOutbox } from './services/outbox/start'
import { systemTextEnlarged } from './platform/system-font'
import { usePreferencesStore } from './stores/preferences'
import { setUpTitleBar } from './platform/title-bar'

import './app.scss'
import './styles/platform'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    listenForWechatPrivacyRequests()
    usePreferencesStore.getState().followSystem(systemTextEnlarged())
    // what an earlier run left unsent goes out now
    startOutbox()
    setUpTitleBar((apply) => {
      apply(usePreferencesStore.getState().elderly)
      usePreferencesStore.subscribe((s) => apply(s.elderly))
    })
    enableKeyboardAccess()
  })
  usePageNotFound(() => void Taro.redirectTo({ url: routes.notFound }))
  return children
}

export default App
