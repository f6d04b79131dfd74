// The app root: global styles, the WeChat privacy listener, the H5 title bar and keyboard access,
// and where unknown addresses go; pages do the rest.
import { PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { enableKeyboardAccess } from './platform/keyboard-access'
import { routes } from './platform/navigation'
import { listenForWechatPrivacyRequests } from './platform/privacy'
import { setUpTitleBar } from './platform/title-bar'

import './app.scss'
import './styles/platform'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    listenForWechatPrivacyRequests()
    setUpTitleBar()
    enableKeyboardAccess()
  })
  usePageNotFound(() => void Taro.redirectTo({ url: routes.notFound }))
  return children
}

export default App
