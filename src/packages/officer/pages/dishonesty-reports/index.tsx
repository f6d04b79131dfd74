// 失信举报 queue (officers): open reports oldest first, or those in one state. The reporter is
// never in the queue; the officer who accepts a report sees them, masked, on its page.
import { Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import ListFooter from '../../../../components/list-footer'
import StateView from '../../../../components/state-view'
import type { DishonestyStatus } from '../../../../domain/cases'
import { REPORT_STATUS_TAG, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage } from '../../../../platform/navigation'
import { fetchReportQueue, type OfficerDishonestyReport } from '../../../../services/cases-api'
import { useAuthStore } from '../../../../stores/auth'
import '../officer-cases.scss'

const FILTERS: { status: DishonestyStatus | undefined; label: string }[] = [
  { status: undefined, label: '待办' },
  { status: '已提交', label: '待受理' },
  { status: '已受理', label: '已受理' },
  { status: '核查中', label: '核查中' },
  { status: '已办结', label: '已办结' },
]

export default function ReportQueuePage() {
  const pageClass = usePageClass()
  const isOfficer = useAuthStore((s) => Boolean(s.user?.roles?.includes('officer')))
  const [status, setStatus] = useState<DishonestyStatus | undefined>(undefined)
  const list = useCursorList<OfficerDishonestyReport>(isOfficer ? `officer-reports|${status ?? ''}` : null, (cursor) => fetchReportQueue(status, cursor))
  useReachBottom(() => void list.loadMore())
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh()
  })

  if (!isOfficer) return <View className={pageClass}><StateView error title='仅限信用主管部门工作人员使用' /></View>
  return (
    <View className={`${pageClass} oc`}>
      <View className='oc-tabs' role='tablist'>
        {FILTERS.map((f) => (
          <View key={f.label} role='tab' aria-selected={f.status === status} className={`oc-tab ${f.status === status ? 'oc-tab-on' : ''}`} onClick={() => setStatus(f.status)}>
            {f.label}
          </View>
        ))}
      </View>
      {list.status === 'error' && <StateView error title='加载失败' description={list.error ?? undefined} actionText='重新加载' onAction={() => void list.refresh()} />}
      {list.status === 'loading' && <View className='card'><Text className='muted'>正在加载…</Text></View>}
      {list.status === 'ready' && list.items.length === 0 && <StateView title='没有待办的举报' description='新的举报会出现在这里，请在受理期限内受理。' />}
      {list.items.map((r) => (
        <View key={r.id} className='card oc-item' role='link' onClick={() => openPage(caseRoutes.officerReport(r.id))}>
          <View className='oc-head'>
            <Text className='oc-title'>{r.enterpriseName ?? r.uscc}</Text>
            <Text className={`tag ${REPORT_STATUS_TAG[r.status]}`}>{r.status}</Text>
          </View>
          <Text className='oc-meta'>{r.categoryLabel} · {chinaTime(r.filedAt)} 收到{r.handledByMe ? ' · 我受理的' : ''}</Text>
          {r.dueDate && <Text className={`oc-meta ${r.overdue ? 'oc-late' : ''}`}>{r.overdue ? '已逾期：' : ''}{r.status === '已提交' ? `${r.dueDate} 前受理` : `${r.dueDate} 前办结`}</Text>}
        </View>
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 件`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
