// 信用记录: the subject's records, newest decision first, filtered by 性质 / 类别 / 状态; more pages
// load as the user reaches the bottom, pull down to refresh. Opened from the home page's counts
// with a filter already set (?polarity=negative, ?status=公示中). A long list renders only the entries
// near the screen (WeChat's audit: fewer than 1,000 nodes on a page).
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import PageShell from '../../../../components/page-shell'
import WindowedList from '../../../../components/windowed-list'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { fetchRecords } from '../../../../services/credit-api'
import type { RecordFilter } from '../../../../services/types'
import RecordCard from '../../components/record-card'
import RecordFilters from '../../components/record-filters'
import { filterFromParams } from './filter-params'
import inboxIcon from '../../../../assets/icons/inbox.svg'

const gate = { realName: true } as const
const isFiltered = (f: RecordFilter) => Boolean(f.polarity || f.kind || f.status)

export default function RecordsPage() {
  const { params } = useRouter()
  const [filter, setFilter] = useState<RecordFilter>(() => filterFromParams(params))
  const { scope } = useGate(gate)
  const key = scope && ['records', scope, filter.polarity, filter.kind, filter.status].join('|')
  const list = useCursorQuery(key, (cursor) => fetchRecords(filter, cursor), { topics: ['credit', 'objections'] })

  return (
    <PageShell
      name='records'
      gate={gate}
      subject
      query={list}
      top={<RecordFilters filter={filter} onChange={setFilter} />}
      skeleton={{ lines: 4, label: '正在加载信用记录' }}
      errorTitle='信用记录加载失败'
      empty={
        isFiltered(filter)
          ? { icon: inboxIcon, title: '没有符合条件的记录', description: '换个筛选条件试试。', actionText: '清除筛选', onAction: () => setFilter({}) }
          : { icon: inboxIcon, title: '暂无信用记录，保持良好信用！', description: '行政许可、表彰奖励、行政处罚等公共信用信息由各部门依法归集后，会显示在这里。' }
      }
      endText={(n) => `已显示全部 ${n} 条记录`}
    >
      {(records) => <WindowedList name='records' items={records} keyOf={(r) => r.id} renderItem={(r) => <RecordCard record={r} />} />}
    </PageShell>
  )
}
