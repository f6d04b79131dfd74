// The app root: global styles and the WeChat privacy listener; pages do the rest.
import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { listenForWechatPrivacyRequests } from './platform/privacy'

import './app.scss'
import './styles/platform'

function App({ children }: PropsWithChildren) {
  useLaunch(() => listenForWechatPrivacyRequests())
  return children
}

export default App
