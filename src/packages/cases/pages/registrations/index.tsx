// 自愿注册: what the acting subject (the user, or the enterprise it acts for) registered, newest
// first, each with its state: 核验中, 已核验 (now a record), 未通过 (with reasons).
import { Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import StateView from '../../../../components/state-view'
import { REGISTRATION_STATUS_TAG, REGISTRATION_STATUS_TEXT, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage, routes } from '../../../../platform/navigation'
import { fetchMyRegistrations, type VoluntaryRegistration } from '../../../../services/cases-api'
import { useAuthStore } from '../../../../stores/auth'
import '../../cases.scss'

export default function MyRegistrationsPage() {
  const pageClass = usePageClass()
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const userId = useAuthStore((s) => s.user?.id ?? null)
  const actingFor = useAuthStore((s) => s.actingFor)
  const list = useCursorList<VoluntaryRegistration>(loggedIn ? `registrations|${userId}|${actingFor ?? ''}` : null, (cursor) => fetchMyRegistrations(cursor))
  useReachBottom(() => void list.loadMore())
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh()
  })

  if (!loggedIn) {
    return (
      <View className={`${pageClass} cases`}>
        <StateView title='登录后查看自愿注册的信息' actionText='登录 / 注册' onAction={() => openPage(routes.login)} />
      </View>
    )
  }
  return (
    <View className={`${pageClass} cases`}>
      <ActionButton className='cases-item' onClick={() => openPage(caseRoutes.registrationForm)}>
        {actingFor ? '为企业登记守信信息' : '登记守信信息'}
      </ActionButton>
      {list.status === 'error' && <StateView error title='加载失败' description={list.error ?? undefined} actionText='重新加载' onAction={() => void list.refresh()} />}
      {list.status === 'loading' && (
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <StateView title='还没有自愿注册的信息' description='资质资格、市场经营、合同履约、公益慈善等守信信息，经核验后计入信用记录。' />
      )}
      {list.items.map((r) => (
        <View key={r.id} className='card cases-item' role='link' onClick={() => openPage(caseRoutes.registration(r.id))}>
          <View className='cases-head'>
            <Text className='cases-title'>{r.title}</Text>
            <Text className={`tag ${REGISTRATION_STATUS_TAG[r.status]}`}>{REGISTRATION_STATUS_TEXT[r.status]}</Text>
          </View>
          <Text className='cases-item-meta'>
            {r.categoryLabel} · {chinaTime(r.filedAt)} 提交
          </Text>
          {r.dueDate && <Text className='cases-item-meta'>{r.dueDate} 前完成核验</Text>}
          {r.status === '已核验' && <Text className='cases-item-meta'>已计入信用记录</Text>}
          {r.status === '未通过' && r.reasons && <Text className='cases-item-meta'>未通过：{r.reasons}</Text>}
        </View>
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 项`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
