// 信用报告: what a report is and how often it is free, the way to a new one (for an enterprise also
// the 专项信用报告 that replaces 无违法违规证明), and the subject's reports, newest first (cursor pages).
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import { REPORT_VALID_DAYS, REPORTS_PER_DAY, REPORTS_PER_YEAR } from '../../../../domain/policy'
import AccessState from '../../../../features/credit/components/access-state'
import SubjectBanner from '../../../../features/credit/components/subject-banner'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage, routes, withQuery } from '../../../../platform/navigation'
import { fetchReports } from '../../../../services/reports-api'
import ReportCard from '../../components/report-card'
import reportIcon from '../../../../assets/icons/report.svg'
import warningIcon from '../../../../assets/icons/warning.svg'
import './index.scss'

export default function ReportsPage() {
  const pageClass = usePageClass('reports')
  const credit = useCreditSubject()
  const list = useCursorList(credit.access === 'ready' ? `reports|${credit.scope}` : null, (cursor) => fetchReports(cursor))

  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from a report just asked for: it is on the list, with its state.
  const firstShow = useRef(true)
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else void list.refresh()
  })

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
      <View className='card reports-intro'>
        <Text className='reports-intro-title'>公共信用信息报告</Text>
        <Text className='reports-intro-text'>
          载明{credit.enterprise ? '企业' : '本人'}的全部公共信用信息、每条信息的来源与变更经过、信用分及其构成，加盖电子签章，任何人可凭报告编号和核验码核验真伪。
        </Text>
        <View className='reports-facts'>
          <Text className='tag tag-accent'>每年免费 {REPORTS_PER_YEAR} 份</Text>
          <Text className='tag tag-muted'>每天最多 {REPORTS_PER_DAY} 份</Text>
          <Text className='tag tag-muted'>有效期 {REPORT_VALID_DAYS} 天</Text>
        </View>
        <ActionButton className='reports-generate' onClick={() => openPage(withQuery(routes.reportGenerate, { kind: 'full' }))}>
          生成信用报告
        </ActionButton>
        {credit.enterprise && (
          <ActionButton kind='secondary' className='reports-generate' onClick={() => openPage(withQuery(routes.reportGenerate, { kind: 'special' }))}>
            生成专项信用报告（代替无违法违规证明）
          </ActionButton>
        )}
        <View className='reports-verify link' role='link' onClick={() => openPage(routes.reportVerify)}>
          核验一份信用报告 ›
        </View>
      </View>

      <Text className='section-title reports-list-title'>我的报告</Text>
      {list.status === 'loading' && <Skeleton cards={2} lines={3} label='正在加载信用报告' />}
      {list.status === 'error' && (
        <StateView error icon={warningIcon} title='信用报告加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.refresh()} />
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <StateView icon={reportIcon} title='还没有生成过信用报告' description='点击上方“生成信用报告”，约一分钟内即可下载。' />
      )}
      {list.error && list.items.length > 0 && <Text className='form-error'>列表未能刷新：{list.error}</Text>}
      {list.items.map((r) => (
        <ReportCard key={r.id} report={r} />
      ))}
      {list.status === 'ready' && list.items.length > 0 && (
        <ListFooter
          loadingMore={list.loadingMore}
          moreError={list.moreError}
          hasMore={list.hasMore}
          endText={`已显示全部 ${list.items.length} 份报告`}
          onMore={() => void list.loadMore()}
        />
      )}
    </View>
  )
}
