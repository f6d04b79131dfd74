// 我的: the masked profile, enterprises the user acts for, privacy and logout.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../components/action-button'
import { useState } from 'react'
import Icon from '../../components/icon'
import PrivacyConsent from '../../components/privacy-consent'
import { logout } from '../../features/account/session'
import { useProfileRefresh } from '../../features/account/use-profile-refresh'
import { confirm } from '../../platform/feedback'
import { openPage, routes } from '../../platform/navigation'
import { useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'
import avatarIcon from '../../assets/icons/avatar.svg'
import enterpriseIcon from '../../assets/icons/enterprise.svg'
import shieldIcon from '../../assets/icons/shield.svg'
import './index.scss'

export default function MinePage() {
  const user = useAuthStore((s) => s.user)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const consented = useConsentStore(hasConsented)
  const { error } = useProfileRefresh()
  const [leaving, setLeaving] = useState(false)
  const enterprises = user?.subjects.filter((s) => s.kind === 'enterprise') ?? []

  const onLogout = async () => {
    setLeaving(true)
    await logout()
    setLeaving(false)
  }

  const onWithdraw = async () => {
    const ok = await confirm('撤回隐私政策同意', '撤回后将退出登录，登录和本人信用查询将无法使用。确定撤回吗？', '撤回')
    if (!ok) return
    await logout()
    useConsentStore.getState().withdraw()
  }

  return (
    <View className='page mine'>
      <PrivacyConsent />

      {loggedIn && user ? (
        <View className='card'>
          <View className='mine-head'>
            <Icon className='mine-avatar' src={avatarIcon} />
            <View className='mine-head-text'>
              <Text className='mine-name'>{user.name ?? '未实名用户'}</Text>
              {user.realNameVerified ? (
                <Text className='tag tag-ok mine-tag'>已实名认证</Text>
              ) : (
                <Text className='tag tag-warn mine-tag'>未实名认证</Text>
              )}
            </View>
          </View>
          <View className='mine-rows'>
            <View className='mine-row'>
              <Text className='mine-row-label'>手机号</Text>
              <Text className='mine-row-value'>{user.phone ?? '未绑定'}</Text>
            </View>
            <View className='mine-row'>
              <Text className='mine-row-label'>身份证号</Text>
              <Text className='mine-row-value'>{user.idNumber ?? '未填写'}</Text>
            </View>
            <View className='mine-row'>
              <Text className='mine-row-label'>实名状态</Text>
              {user.realNameVerified ? (
                <Text className='mine-row-value mine-ok'>已认证</Text>
              ) : (
                <View className='mine-row-value link' role='link' onClick={() => openPage(routes.realName)}>
                  未认证，去实名认证 ›
                </View>
              )}
            </View>
          </View>
        </View>
      ) : (
        <View className='card'>
          <View className='mine-head'>
            <Icon className='mine-avatar' src={avatarIcon} />
            <View className='mine-head-text'>
              <Text className='mine-name'>未登录</Text>
              <Text className='muted'>登录后查看本人资料和信用信息</Text>
            </View>
          </View>
          <ActionButton className='mine-login' disabled={!consented} onClick={() => openPage(routes.login)}>
            登录 / 注册
          </ActionButton>
        </View>
      )}

      {error && <Text className='form-error'>资料未能刷新：{error}</Text>}

      {enterprises.length > 0 && (
        <View className='card'>
          <Text className='section-title'>我代理的企业</Text>
          {enterprises.map((e) => (
            <View key={e.id} className='mine-enterprise'>
              <View className='mine-enterprise-icon'>
                <Icon className='mine-icon-img' src={enterpriseIcon} />
              </View>
              <View className='mine-enterprise-text'>
                <Text className='mine-enterprise-name'>{e.name}</Text>
                <Text className='muted'>统一社会信用代码 {e.identifier}</Text>
              </View>
              <Text className='tag tag-accent'>{e.relation}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card mine-menu'>
        <View className='mine-menu-item' role='link' onClick={() => openPage(routes.privacy)}>
          <Icon className='mine-menu-icon' src={shieldIcon} />
          <Text className='mine-menu-text'>隐私政策</Text>
          <Text className='mine-chevron'>›</Text>
        </View>
        {consented && (
          <View className='mine-menu-item' role='button' onClick={onWithdraw}>
            <Icon className='mine-menu-icon' src={shieldIcon} />
            <Text className='mine-menu-text'>撤回隐私政策同意</Text>
            <Text className='mine-chevron'>›</Text>
          </View>
        )}
      </View>

      {loggedIn && (
        <ActionButton kind='secondary' className='mine-logout' disabled={leaving} onClick={onLogout}>
          {leaving ? '正在退出…' : '退出登录'}
        </ActionButton>
      )}
    </View>
  )
}
