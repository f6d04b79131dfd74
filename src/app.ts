// The app root: global styles, the WeChat privacy listener and the outbox; pages do the rest.
import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { listenForWechatPrivacyRequests } from './platform/privacy'
import { startOutbox } from './services/outbox/start'
import { systemTextEnlarged } from './platform/system-font'
import { usePreferencesStore } from './stores/preferences'

import './app.scss'
import './styles/platform'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    listenForWechatPrivacyRequests()
    usePreferencesStore.getState().followSystem(systemTextEnlarged())
    // what an earlier run left unsent goes out now
    startOutbox()
  })
  return children
}

export default App
