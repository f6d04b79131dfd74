// 自愿注册 queue (officers): registrations waiting for verification, oldest first, or the decided ones.
import { Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import ListFooter from '../../../../components/list-footer'
import StateView from '../../../../components/state-view'
import type { VoluntaryStatus } from '../../../../domain/cases'
import { REGISTRATION_STATUS_TAG, REGISTRATION_STATUS_TEXT, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage } from '../../../../platform/navigation'
import { fetchRegistrationQueue, type OfficerRegistration } from '../../../../services/cases-api'
import { useAuthStore } from '../../../../stores/auth'
import '../officer-cases.scss'

const FILTERS: { status: VoluntaryStatus; label: string }[] = [
  { status: '已提交', label: '待核验' },
  { status: '已核验', label: '已核验' },
  { status: '未通过', label: '未通过' },
]

export default function RegistrationQueuePage() {
  const pageClass = usePageClass()
  const isOfficer = useAuthStore((s) => Boolean(s.user?.roles?.includes('officer')))
  const [status, setStatus] = useState<VoluntaryStatus>('已提交')
  const list = useCursorList<OfficerRegistration>(isOfficer ? `officer-registrations|${status}` : null, (cursor) => fetchRegistrationQueue(status, cursor))
  useReachBottom(() => void list.loadMore())
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh()
  })

  if (!isOfficer) return <View className={pageClass}><StateView error title='仅限信用主管部门工作人员使用' /></View>
  return (
    <View className={`${pageClass} oc`}>
      <View className='oc-tabs' role='tablist'>
        {FILTERS.map((f) => (
          <View key={f.status} role='tab' aria-selected={f.status === status} className={`oc-tab ${f.status === status ? 'oc-tab-on' : ''}`} onClick={() => setStatus(f.status)}>
            {f.label}
          </View>
        ))}
      </View>
      {list.status === 'error' && <StateView error title='加载失败' description={list.error ?? undefined} actionText='重新加载' onAction={() => void list.refresh()} />}
      {list.status === 'loading' && <View className='card'><Text className='muted'>正在加载…</Text></View>}
      {list.status === 'ready' && list.items.length === 0 && <StateView title={status === '已提交' ? '没有待核验的注册信息' : '暂无'} />}
      {list.items.map((r) => (
        <View key={r.id} className='card oc-item' role='link' onClick={() => openPage(caseRoutes.officerRegistration(r.id))}>
          <View className='oc-head'>
            <Text className='oc-title'>{r.title}</Text>
            <Text className={`tag ${REGISTRATION_STATUS_TAG[r.status]}`}>{REGISTRATION_STATUS_TEXT[r.status]}</Text>
          </View>
          <Text className='oc-meta'>{r.subject.name} · {r.categoryLabel} · {chinaTime(r.filedAt)} 提交</Text>
          {r.dueDate && <Text className={`oc-meta ${r.overdue ? 'oc-late' : ''}`}>{r.overdue ? '已逾期：' : ''}{r.dueDate} 前核验</Text>}
        </View>
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 项`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
