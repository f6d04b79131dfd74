// 登录: 微信一键登录 in the mini-program, SMS everywhere, and demo personas when the server runs
// in sandbox mode. After login: 实名认证 if still needed, otherwise back where the user was.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import Icon from '../../../../components/icon'
import PageShell from '../../../../components/page-shell'
import { completeLogin } from '../../../../features/account/session'
import { isWeapp } from '../../../../platform/env'
import { openPage, routes } from '../../../../platform/navigation'
import { getWechatLoginCode } from '../../../../services/wechat-login'
import { toApiError } from '../../../../services/api-error'
import { fetchHealth, wechatLogin } from '../../../../services/auth-api'
import { useQuery } from '../../../../hooks/use-query'
import { hasConsented, useConsentStore } from '../../../../stores/consent'
import PersonaPicker from '../../components/persona-picker'
import SmsLoginForm from '../../components/sms-login-form'
import emblemIcon from '../../../../assets/icons/emblem.svg'
import './index.scss'

function WechatLogin({ disabled }: { disabled: boolean }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const login = async () => {
    if (disabled || busy) return
    setBusy(true)
    setError(null)
    try {
      completeLogin(await wechatLogin(await getWechatLoginCode()))
    } catch (e) {
      setError(toApiError(e).message)
      setBusy(false)
    }
  }
  return (
    <View>
      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      <ActionButton disabled={disabled || busy} onClick={login}>
        {busy ? '登录中…' : '微信一键登录'}
      </ActionButton>
    </View>
  )
}

export default function LoginPage() {
  const consented = useConsentStore(hasConsented)
  // A failed health check only hides the demo personas; the login forms report their own errors.
  const health = useQuery('health', fetchHealth).data
  const [smsOpen, setSmsOpen] = useState(!isWeapp)

  // The gates send people here: no gate of its own, only the privacy notice (and 长辈模式).
  return (
    <PageShell name='login' consent>

      <View className='login-brand'>
        <Icon className='login-emblem' src={emblemIcon} />
        <Text className='login-title'>登录信用通</Text>
        <Text className='login-lead'>查看本人公共信用信息，办理异议申诉、信用修复</Text>
      </View>

      <View className='card'>
        {isWeapp && <WechatLogin disabled={!consented} />}
        {isWeapp && !smsOpen && (
          <ActionButton kind='text' className='login-switch' onClick={() => setSmsOpen(true)}>
            使用手机号和验证码登录
          </ActionButton>
        )}
        {isWeapp && smsOpen && <View className='login-divider'><Text className='muted'>或使用短信验证码登录</Text></View>}
        {smsOpen && <SmsLoginForm disabled={!consented} />}
        {!consented && <Text className='muted login-hint'>请先同意隐私政策，再登录</Text>}
      </View>

      {health?.sandbox && <PersonaPicker disabled={!consented} />}

      <View className='login-foot'>
        <Text className='muted'>登录即表示您已阅读并同意</Text>
        <View className='link login-foot-link' role='link' onClick={() => openPage(routes.privacy)}>
          《信用通隐私政策》
        </View>
      </View>
    </PageShell>
  )
}
