// 我的举报: the reports the user filed, newest first, paged; each shows its state and opens its progress.
import { Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import StateView from '../../../../components/state-view'
import { REPORT_STATUS_TAG, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage, routes } from '../../../../platform/navigation'
import { fetchMyReports, type DishonestyReport } from '../../../../services/cases-api'
import { useAuthStore } from '../../../../stores/auth'
import '../../cases.scss'

export default function MyReportsPage() {
  const pageClass = usePageClass()
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const userId = useAuthStore((s) => s.user?.id ?? null)
  // reports are filed as the user themself, whichever enterprise they act for elsewhere
  const list = useCursorList<DishonestyReport>(loggedIn ? `reports|${userId}` : null, (cursor) => fetchMyReports(cursor))
  useReachBottom(() => void list.loadMore())
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh()
  })

  if (!loggedIn) {
    return (
      <View className={`${pageClass} cases`}>
        <StateView title='登录后查看我的举报' actionText='登录 / 注册' onAction={() => openPage(routes.login)} />
      </View>
    )
  }
  return (
    <View className={`${pageClass} cases`}>
      <ActionButton className='cases-item' onClick={() => openPage(caseRoutes.reportForm())}>
        举报失信行为
      </ActionButton>
      {list.status === 'error' && <StateView error title='加载失败' description={list.error ?? undefined} actionText='重新加载' onAction={() => void list.refresh()} />}
      {list.status === 'loading' && (
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <StateView title='还没有举报' description='发现企业虚假宣传、拖欠工资、制售假冒伪劣等失信行为，可在这里举报，并跟踪受理、核查和办结进度。' />
      )}
      {list.items.map((r) => (
        <View key={r.id} className='card cases-item' role='link' onClick={() => openPage(caseRoutes.report(r.id))}>
          <View className='cases-head'>
            <Text className='cases-title'>{r.enterpriseName ?? r.uscc}</Text>
            <Text className={`tag ${REPORT_STATUS_TAG[r.status]}`}>{r.status}</Text>
          </View>
          <Text className='cases-item-meta'>
            {r.categoryLabel} · {chinaTime(r.filedAt)} 提交
          </Text>
          {r.dueDate && <Text className={`cases-item-meta ${r.overdue ? 'field-error' : ''}`}>{r.status === '已提交' ? `${r.dueDate} 前决定是否受理` : `${r.dueDate} 前办结答复`}</Text>}
          {r.outcomeLabel && <Text className='cases-item-meta'>结论：{r.outcomeLabel}</Text>}
        </View>
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 件`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
