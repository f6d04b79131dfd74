// 首页: who is signed in (masked), real-name status, and the service entry points.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../components/action-button'
import EntryGrid from '../../components/entry-grid'
import Icon from '../../components/icon'
import PrivacyConsent from '../../components/privacy-consent'
import { greeting } from '../../features/account/labels'
import { useProfileRefresh } from '../../features/account/use-profile-refresh'
import { creditServices, incentives } from '../../features/catalog/entries'
import { openPage, routes } from '../../platform/navigation'
import { useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'
import emblemIcon from '../../assets/icons/emblem.svg'
import './index.scss'

export default function HomePage() {
  const user = useAuthStore((s) => s.user)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const consented = useConsentStore(hasConsented)
  const { error } = useProfileRefresh()

  return (
    <View className='page home'>
      <PrivacyConsent />

      <View className='card home-hero'>
        <View className='home-hero-row'>
          <View className='home-hero-text'>
            {loggedIn && user ? (
              <>
                <Text className='home-greeting'>{greeting()}，</Text>
                <Text className='home-name'>{user.name ?? user.phone ?? '信用通用户'}</Text>
                <View className='home-status'>
                  {user.realNameVerified ? (
                    <Text className='tag tag-ok'>已实名认证</Text>
                  ) : (
                    <Text className='tag tag-warn'>未实名认证</Text>
                  )}
                </View>
              </>
            ) : (
              <>
                <Text className='home-name'>您好，欢迎使用信用通</Text>
                <Text className='home-lead'>登录后可查看本人公共信用信息，办理异议申诉和信用修复。</Text>
              </>
            )}
          </View>
          <Icon className='home-emblem' src={emblemIcon} />
        </View>
        {!loggedIn && (
          <View className='home-login'>
            <ActionButton disabled={!consented} onClick={() => openPage(routes.login)}>
              登录 / 注册
            </ActionButton>
            {!consented && <Text className='muted home-login-hint'>同意隐私政策后才能登录</Text>}
          </View>
        )}
      </View>

      {loggedIn && user && !user.realNameVerified && (
        <View className='card home-notice'>
          <View className='home-notice-text'>
            <Text className='home-notice-title'>完成实名认证</Text>
            <Text className='muted'>实名后才能查询本人信用信息</Text>
          </View>
          <ActionButton small onClick={() => openPage(routes.realName)}>
            去认证
          </ActionButton>
        </View>
      )}

      {error && <Text className='form-error'>资料未能刷新：{error}</Text>}

      <View className='card'>
        <Text className='section-title'>信用服务</Text>
        <EntryGrid entries={creditServices} />
      </View>

      <View className='card'>
        <Text className='section-title'>守信激励</Text>
        <EntryGrid entries={incentives} />
      </View>

      <Text className='home-footnote'>信用信息来源于城市公共信用信息服务平台</Text>
    </View>
  )
}
