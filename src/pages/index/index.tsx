// 首页: who is signed in (masked) or which enterprise is shown, the credit score on its dial with
// the level, lists and counts, what changed since the last visit, and the service entry points.
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import ActionButton from '../../components/action-button'
import EntryGrid from '../../features/catalog/components/entry-grid'
import Icon from '../../components/icon'
import MessageBell from '../../features/messages/components/message-bell'
import StateView from '../../components/state-view'
import { maskName } from '../../domain/mask'
import { greeting } from '../../features/account/labels'
import { chooseSubject } from '../../features/account/switch-subject'
import { useProfileRefresh } from '../../features/account/use-profile-refresh'
import { creditServices, incentives } from '../../features/catalog/entries'
import CreditSummary, { CreditSummarySkeleton } from '../../features/credit/components/credit-summary'
import OpenObjections from '../../features/objections/components/open-cases'
import { openPage, routes } from '../../platform/navigation'
import { fetchOverview } from '../../services/credit-api'
import { useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'
import { useLastSeenStore } from '../../stores/last-seen'
import PageShell from '../../components/page-shell'
import { useGate } from '../../hooks/use-gate'
import { useQuery } from '../../hooks/use-query'
import emblemIcon from '../../assets/icons/emblem.svg'
import warningIcon from '../../assets/icons/warning.svg'
import './index.scss'

const gate = { realName: true } as const

export default function HomePage() {
  const user = useAuthStore((s) => s.user)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const consented = useConsentStore(hasConsented)
  const { error } = useProfileRefresh()
  const credit = useGate(gate)
  const overview = useQuery(credit.scope && `home-overview|${credit.scope}`, () => fetchOverview().then((data) => ({ key: credit.subjectId, data })), {
    topics: ['credit', 'objections'],
    // back from another page or tab: the score may have changed
    refetchOnShow: true,
  })
  const shown = overview.data && overview.data.key === credit.subjectId ? overview.data.data : null
  const change = useLastSeenStore((s) => (credit.subjectId ? s.changes[credit.subjectId] ?? null : null))
  const canSwitch = Boolean(user?.subjects.some((s) => s.kind === 'enterprise'))

  useEffect(() => {
    const loaded = overview.data
    if (loaded?.key) {
      const { score, counts } = loaded.data
      useLastSeenStore.getState().observe(loaded.key, { score, positive: counts.positive, negative: counts.negative })
    }
  }, [overview.data])

  const onSwitch = () => user && void chooseSubject(user)

  // Not gated as a whole: the entries show to everyone, the credit summary once the gate passes.
  return (
    <PageShell name='home' consent>
      {loggedIn && <MessageBell />}

      <View className='card home-hero'>
        <View className='home-hero-row'>
          <View className='home-hero-text'>
            {loggedIn && user && credit.enterprise ? (
              <>
                <Text className='home-greeting'>正在查看企业信用</Text>
                <Text className='home-name'>{credit.enterprise.name}</Text>
                <View className='home-id'>
                  <Text>统一社会信用代码 </Text>
                  <Text className='home-id-code'>{credit.enterprise.identifier}</Text>
                </View>
                <View className='home-status'>
                  <Text className='tag tag-accent'>{credit.enterprise.relation}</Text>
                </View>
              </>
            ) : loggedIn && user ? (
              <>
                <Text className='home-greeting'>{greeting()}，</Text>
                <Text className='home-name'>{user.name ? maskName(user.name) : user.phone ?? '信用通用户'}</Text>
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
          {loggedIn && canSwitch ? (
            <ActionButton small kind='secondary' className='home-switch' aria-label='切换身份' onClick={onSwitch}>
              切换
            </ActionButton>
          ) : (
            <Icon className='home-emblem' src={emblemIcon} />
          )}
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

      {credit.step === 'real-name' && (
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

      {credit.scope &&
        (shown ? (
          <>
            {overview.error && <Text className='form-error'>信用信息未能刷新：{overview.error}</Text>}
            <CreditSummary overview={shown} change={change} />
            <OpenObjections scope={credit.scope} />
          </>
        ) : overview.status === 'error' ? (
          <StateView
            error
            icon={warningIcon}
            title='信用信息加载失败'
            description={overview.error ?? undefined}
            actionText='重试'
            onAction={() => void overview.reload({ reset: true })}
          />
        ) : (
          <CreditSummarySkeleton enterprise={Boolean(credit.enterprise)} />
        ))}

      <View className='card'>
        <Text className='section-title'>信用服务</Text>
        <EntryGrid entries={creditServices} />
      </View>

      <View className='card'>
        <Text className='section-title'>守信激励</Text>
        <EntryGrid entries={incentives} />
      </View>

      <Text className='home-footnote'>信用信息来源于城市公共信用信息服务平台</Text>
    </PageShell>
  )
}
