// 我的修复申请: newest first, each with its status, the due date and whether it is overdue.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessState from '../../../../features/credit/components/access-state'
import SubjectBanner from '../../../../components/page-shell/subject-banner'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import { STATUS_TONES } from '../../../../features/repair/format'
import { repairRoutes } from '../../../../features/repair/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage } from '../../../../platform/navigation'
import { fetchMyRepairs } from '../../../../services/repairs-api'
import warningIcon from '../../../../assets/icons/warning.svg'
import repairIcon from '../../../../assets/icons/repair.svg'
import './index.scss'

export default function ApplicationsPage() {
  const pageClass = usePageClass('applications')
  const credit = useCreditSubject()
  const list = useCursorList(credit.access === 'ready' ? `${credit.scope}|repairs` : null, fetchMyRepairs)
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()))

  if (credit.access !== 'ready') {
    return (
      <View className={pageClass}>
        <PrivacyConsent />
        <AccessState access={credit.access} />
      </View>
    )
  }
  if (list.status === 'error') {
    return (
      <View className={pageClass}>
        <StateView error icon={warningIcon} title='申请加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.refresh()} />
      </View>
    )
  }
  if (list.status !== 'ready') {
    return (
      <View className={pageClass}>
        <Skeleton cards={3} lines={2} label='正在加载修复申请' />
      </View>
    )
  }
  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <SubjectBanner enterprise={credit.enterprise} />
      {list.items.length === 0 ? (
        <StateView icon={repairIcon} title='还没有修复申请' description='符合条件的失信记录可以在线申请修复，免费办理。' actionText='查看修复规划' onAction={() => openPage(repairRoutes.planner)} />
      ) : (
        <View role='list'>
          {list.items.map((a) => (
            <View key={a.id} className='card repair-row' role='listitem' onClick={() => openPage(repairRoutes.application(a.id))}>
              <View className='repair-row-head'>
                <Text className='repair-row-title'>{a.record.title}</Text>
                <Text className={`tag tag-${STATUS_TONES[a.status]}`}>{a.status}</Text>
              </View>
              <Text className='muted'>{`提交于 ${a.filedAt.slice(0, 10)}`}</Text>
              {a.status === '审核中' && a.dueDate && (
                <Text className={`repair-row-due ${a.overdue ? 'repair-row-overdue' : ''}`}>{a.overdue ? `已超过答复期限，最迟 ${a.dueDate} 前决定` : `最迟 ${a.dueDate} 前作出决定`}</Text>
              )}
              {a.status === '未通过' && a.decisionReasons && <Text className='repair-row-reason'>{`理由：${a.decisionReasons}`}</Text>}
            </View>
          ))}
          <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 件申请`} onMore={() => void list.loadMore()} />
        </View>
      )}
    </View>
  )
}
