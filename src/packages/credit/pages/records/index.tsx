// 信用记录: the subject's records, newest decision first, filtered by 性质 / 类别 / 状态; more pages
// load as the user reaches the bottom, pull down to refresh. Opened from the home page's counts
// with a filter already set (?polarity=negative, ?status=公示中). A long list renders only the entries
// near the screen (WeChat's audit: fewer than 1,000 nodes on a page).
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import WindowedList from '../../../../components/windowed-list'
import AccessState from '../../../../features/credit/components/access-state'
import SubjectBanner from '../../../../features/credit/components/subject-banner'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { fetchRecords } from '../../../../services/credit-api'
import type { RecordFilter } from '../../../../services/types'
import RecordCard from '../../components/record-card'
import RecordFilters from '../../components/record-filters'
import { filterFromParams } from './filter-params'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import warningIcon from '../../../../assets/icons/warning.svg'

const isFiltered = (f: RecordFilter) => Boolean(f.polarity || f.kind || f.status)

export default function RecordsPage() {
  const pageClass = usePageClass('records')
  const { params } = useRouter()
  const [filter, setFilter] = useState<RecordFilter>(() => filterFromParams(params))
  const credit = useCreditSubject()
  const key = credit.access === 'ready' ? [credit.scope, filter.polarity, filter.kind, filter.status].join('|') : null
  const list = useCursorList(key, (cursor) => fetchRecords(filter, cursor))

  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
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
      <RecordFilters filter={filter} onChange={setFilter} />

      {list.status === 'loading' && <Skeleton cards={3} lines={4} label='正在加载信用记录' />}

      {list.status === 'error' && (
        <StateView error icon={warningIcon} title='信用记录加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.refresh()} />
      )}

      {list.status === 'ready' && list.items.length === 0 && (
        isFiltered(filter) ? (
          <StateView icon={inboxIcon} title='没有符合条件的记录' description='换个筛选条件试试。' actionText='清除筛选' onAction={() => setFilter({})} />
        ) : (
          <StateView
            icon={inboxIcon}
            title='暂无信用记录，保持良好信用！'
            description='行政许可、表彰奖励、行政处罚等公共信用信息由各部门依法归集后，会显示在这里。'
          />
        )
      )}

      {list.error && list.items.length > 0 && <Text className='form-error'>列表未能刷新：{list.error}</Text>}

      <WindowedList name='records' items={list.items} keyOf={(r) => r.id} renderItem={(r) => <RecordCard record={r} />} />

      {list.status === 'ready' && list.items.length > 0 && (
        <ListFooter
          loadingMore={list.loadingMore}
          moreError={list.moreError}
          hasMore={list.hasMore}
          endText={`已显示全部 ${list.items.length} 条记录`}
          onMore={() => void list.loadMore()}
        />
      )}
    </View>
  )
}
