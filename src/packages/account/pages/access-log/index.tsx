// 查询记录: who read the subject's credit record, when and why (DESIGN §3 Access log). Every read
// by anyone but the subject is logged by the server; readers arrive already masked.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import Icon from '../../../../components/icon'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessState from '../../../../features/credit/components/access-state'
import SubjectBanner from '../../../../components/page-shell/subject-banner'
import { formatDateTime } from '../../../../features/credit/format'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { fetchAccessLog } from '../../../../services/credit-api'
import accessLogIcon from '../../../../assets/icons/access-log.svg'
import warningIcon from '../../../../assets/icons/warning.svg'
import './index.scss'

export default function AccessLogPage() {
  const pageClass = usePageClass('access-log')
  const credit = useCreditSubject()
  const list = useCursorList(credit.access === 'ready' ? credit.scope : null, fetchAccessLog)
  const whose = credit.enterprise ? '该企业' : '您'

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
      <View className='card access-intro'>
        <View className='access-intro-icon'>
          <Icon className='access-intro-img' src={accessLogIcon} />
        </View>
        <View className='access-intro-text'>
          <Text className='access-intro-title'>谁查看过{credit.enterprise ? '企业' : '我'}的信用</Text>
          <Text className='access-lead'>除{whose}本人外，政府部门、合作机构等查询{whose}的信用信息时都会留下记录：查询方、时间和用途。</Text>
        </View>
      </View>

      {list.status === 'loading' && <Skeleton cards={2} lines={3} label='正在加载查询记录' />}

      {list.status === 'error' && (
        <StateView error icon={warningIcon} title='查询记录加载失败' description={list.error ?? undefined} actionText='重试' onAction={() => void list.refresh()} />
      )}

      {list.status === 'ready' && list.items.length === 0 && (
        <StateView icon={accessLogIcon} title={`暂无他人查询${whose}的信用记录`} description='有人查询时，这里会显示查询方、时间和用途。' />
      )}

      {list.error && list.items.length > 0 && <Text className='form-error'>列表未能刷新：{list.error}</Text>}

      {list.items.length > 0 && (
        <View className='card access-list'>
          {list.items.map((a) => (
            <View key={a.id} className='access-item'>
              <View className='access-head'>
                <Text className='access-reader'>{a.reader}</Text>
                <Text className='tag tag-muted'>{a.readerKind}</Text>
              </View>
              <Text className='access-purpose'>用途：{a.purpose}</Text>
              <Text className='access-time'>{formatDateTime(a.at)}</Text>
            </View>
          ))}
        </View>
      )}

      {list.status === 'ready' && list.items.length > 0 && (
        <ListFooter
          loadingMore={list.loadingMore}
          moreError={list.moreError}
          hasMore={list.hasMore}
          endText={`共 ${list.items.length} 条查询记录`}
          onMore={() => void list.loadMore()}
        />
      )}
    </View>
  )
}
