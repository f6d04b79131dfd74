// First-launch privacy consent. Until the current PRIVACY_POLICY_VERSION is accepted it covers
// the page; after 不同意 it shrinks to a notice and every personal feature stays off. In the
// mini-program the 同意 button also answers WeChat's own privacy authorisation.
import { ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useState, useSyncExternalStore } from 'react'
import ActionButton from '../action-button'
import { isWeapp } from '../../platform/env'
import { contentFits } from '../../platform/measure'
import { openPage, routes } from '../../platform/navigation'
import {
  PRIVACY_AGREE_BUTTON_ID,
  answerWechatPrivacyRequest,
  hasWechatPrivacyRequest,
  reportPrivacyDialogShown,
  subscribeWechatPrivacyRequests,
} from '../../platform/privacy'
import { hasConsented, useConsentStore } from '../../stores/consent'

const collected: { what: string; why: string }[] = [
  { what: '手机号码', why: '用于短信验证码登录和账号安全' },
  { what: '姓名、身份证号码', why: '用于实名认证，并据此查询您本人的公共信用信息' },
  { what: '微信登录标识（仅小程序）', why: '用于微信一键登录，不获取您的微信头像和通讯录' },
]

export default function PrivacyConsent() {
  const consented = useConsentStore(hasConsented)
  const declined = useConsentStore((s) => s.declined)
  const wechatAsks = useSyncExternalStore(subscribeWechatPrivacyRequests, hasWechatPrivacyRequest)
  const open = (!consented && !declined) || wechatAsks

  useEffect(() => {
    if (open && wechatAsks) reportPrivacyDialogShown()
  }, [open, wechatAsks])

  // The text is taller than the box on small screens and in 长辈模式: a fade and a hint say there
  // is more until its end has been seen. 同意 never waits for it (reading is the user's choice).
  const [readToEnd, setReadToEnd] = useState(false)
  useEffect(() => {
    if (!open) return
    const timer = setTimeout(() => void contentFits('#consent-body', '#consent-body-content').then((fits) => fits && setReadToEnd(true)), 300)
    return () => clearTimeout(timer)
  }, [open])

  const agree = () => {
    useConsentStore.getState().accept()
    answerWechatPrivacyRequest(true)
  }
  const disagree = () => {
    answerWechatPrivacyRequest(false)
    if (!hasConsented()) useConsentStore.getState().decline()
  }

  if (!open) {
    if (consented) return null
    return (
      <View className='consent-declined' role='status'>
        <Text className='consent-declined-text'>
          您尚未同意隐私政策，登录、实名认证和本人信用查询暂不可用，仅可浏览公开内容。
        </Text>
        <ActionButton small onClick={() => useConsentStore.getState().reconsider()}>
          查看并同意
        </ActionButton>
      </View>
    )
  }

  return (
    <View className='consent-mask'>
      <View className='consent-dialog' role='dialog' aria-modal='true' aria-labelledby='consent-title'>
        <Text id='consent-title' className='consent-title'>
          个人信息保护提示
        </Text>
        <View className='consent-body-box'>
          <ScrollView id='consent-body' scrollY className='consent-body' lowerThreshold={24} onScrollToLower={() => setReadToEnd(true)}>
            <View id='consent-body-content'>
              <Text className='consent-text'>
                欢迎使用信用通。我们依照《个人信息保护法》处理您的个人信息。在您同意之前，本应用不会收集任何个人信息。使用登录和本人信用查询时，我们需要：
              </Text>
              {collected.map((item) => (
                <View key={item.what} className='consent-item'>
                  <Text className='consent-item-what'>{item.what}</Text>
                  <Text className='consent-item-why'>{item.why}</Text>
                </View>
              ))}
              <Text className='consent-text'>
                页面上的个人信息均脱敏显示，身份证号码不会保存在您的手机上。除您本人外，任何人查询您的信用信息都会被记录，您可随时查看。
              </Text>
              <View className='consent-link-row'>
                <Text className='consent-text'>完整内容请阅读</Text>
                <View className='link consent-link' role='link' onClick={() => openPage(routes.privacy)}>
                  《信用通隐私政策》
                </View>
              </View>
            </View>
          </ScrollView>
          {!readToEnd && <View className='consent-fade' />}
        </View>
        {!readToEnd && (
          <Text className='consent-more-hint'>
            向下滑动阅读全文
          </Text>
        )}
        <View className='consent-actions'>
          <ActionButton kind='secondary' className='consent-action' onClick={disagree}>
            不同意
          </ActionButton>
          {isWeapp ? (
            <ActionButton
              id={PRIVACY_AGREE_BUTTON_ID}
              className='consent-action'
              openType='agreePrivacyAuthorization'
              onAgreePrivacyAuthorization={agree}
            >
              同意
            </ActionButton>
          ) : (
            <ActionButton className='consent-action' onClick={agree}>
              同意
            </ActionButton>
          )}
        </View>
      </View>
    </View>
  )
}
