// 我的异议: the acting subject's objections, newest first, in cursor pages; each opens its case.
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessState from '../../../../features/credit/components/access-state'
import SubjectBanner from '../../../../features/credit/components/subject-banner'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import ObjectionItem from '../../../../features/objections/components/item'
import { objectionRoutes } from '../../../../features/objections/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage, routes } from '../../../../platform/navigation'
import { fetchMyObjections, type Objection } from '../../../../services/objections-api'
import objectionIcon from '../../../../assets/icons/objection.svg'
import warningIcon from '../../../../assets/icons/warning.svg'

export default function MyObjectionsPage() {
  const pageClass = usePageClass()
  const credit = useCreditSubject()
  const list = useCursorList<Objection>(credit.access === 'ready' ? `objections|${credit.scope}` : null, fetchMyObjections)
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
  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <SubjectBanner enterprise={credit.enterprise} />
      {list.status === 'loading' && <Skeleton cards={3} lines={3} label='正在加载我的异议' />}
      {list.status === 'error' && <StateView error icon={warningIcon} title='加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.refresh()} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <StateView
          icon={objectionIcon}
          title='还没有提出过异议'
          description='如认为某条信用记录有误，可在“信用记录”中打开该记录，点击“我要异议”。'
          actionText='查看信用记录'
          onAction={() => openPage(routes.records)}
        />
      )}
      {list.items.map((o) => (
        <ObjectionItem key={o.id} item={o} onOpen={() => openPage(objectionRoutes.detail(o.id))} />
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 件异议`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
