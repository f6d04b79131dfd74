// 我的公益时长: the confirmed total, what it adds to the credit score (diminishing returns), how
// many hours until the next point, and every credited entry with its source. Hours confirmed or
// redeemed elsewhere refresh it ('service').
import { Text, View } from '@tarojs/components'
import { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import { DateTime } from '../../../../features/public-service/components/task-card'
import { hoursText } from '../../../../features/public-service/format'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchHours, type HoursEntry, type HoursSummary } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

const gate = { realName: true } as const

function Summary({ s }: { s: HoursSummary }) {
  return (
    <>
      <View className='card'>
        <Text className='ps-center muted'>已确认的公益时长</Text>
        <Text className='ps-big' aria-label={`累计 ${s.total} 小时`}>{s.total}</Text>
        <Text className='ps-center muted'>小时</Text>
        <View className='ps-gap'>
          <View className='ps-row'><Text className='ps-row-label'>信用分加分</Text><Text className='ps-row-value'>+{s.points} 分（最多 {s.maxPoints} 分）</Text></View>
        </View>
        <Text className='ps-note'>
          {s.hoursToNextPoint === null ? '公益时长加分已达上限，继续服务仍计入时长（可用于信用修复）。' : `再服务 ${s.hoursToNextPoint} 小时可加 1 分。`}
          时长越多，每 1 分所需的时长越长。参加任务的时长在组织方确认后计入。
        </Text>
      </View>
      <View className='ps-actions'>
        <ActionButton small className='ps-action' onClick={() => openPage(serviceRoutes.tasks)}>报名公益任务</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.redeem)}>兑换时长码</ActionButton>
      </View>
    </>
  )
}

/** The entries, paged below the summary (the shell pages only its own query). */
function Entries({ scope }: { scope: string }) {
  const list = useCursorQuery<HoursEntry>(`hours-list|${scope}`, async (cursor) => {
    const page = await fetchHours(cursor)
    return { items: page.items, nextCursor: page.nextCursor }
  }, { topics: ['service'] })
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => void list.refresh())
  return (
    <>
      <Text className='ps-day'>时长明细</Text>
      {list.status === 'ready' && list.items.length === 0 && <StateView icon={inboxIcon} title='还没有已确认的公益时长' description='参加公益任务并由组织方确认，或兑换时长码后，时长会显示在这里。' />}
      {list.status === 'error' && <StateView error icon={inboxIcon} title='明细暂时无法加载' description={list.error ?? ''} actionText='重试' onAction={() => void list.refresh()} />}
      {list.items.map((e) => (
        <View key={e.id} className='card ps-task' data-entry={e.id}>
          <View className='ps-task-head'>
            <Text className='ps-task-title'>{e.title}</Text>
            <Text className='ps-task-hours'>+{hoursText(e.hours)}</Text>
          </View>
          <Text className='ps-task-org'>{e.organization}</Text>
          <Text className='ps-task-line'>
            来源：{e.sourceLabel} · <DateTime iso={e.creditedAt} />
            {e.correctedAt && (
              <>
                （<DateTime iso={e.correctedAt} /> 经组织方更正）
              </>
            )}
          </Text>
        </View>
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 条`} onMore={() => void list.loadMore()} />
      )}
    </>
  )
}

export default function HoursPage() {
  const { scope } = useGate(gate)
  const summary = useQuery(scope && `hours|${scope}`, () => fetchHours(), { topics: ['service'] })
  return (
    <PageShell name='ps-hours' gate={gate} what='查看公益时长' query={summary} skeleton={{ cards: 2, lines: 4, label: '正在加载公益时长' }} errorTitle='公益时长暂时无法加载' isEmpty={() => false}>
      {(s) => (
        <>
          <Summary s={s} />
          {scope && <Entries scope={scope} />}
        </>
      )}
    </PageShell>
  )
}
