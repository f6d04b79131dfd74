// 记录详情: every field of one record, whether it counts in the score, and its status history as a
// timeline (records are never deleted; every change has who, when and why), and its objection:
// 我要异议 while in publicity, the open case (which suspends the record) or where to go otherwise.
// A negative record also shows what it obliges and whether that is met (应履行义务, 履行情况), and
// whether, how and from when it can be repaired (features/repair).
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import { fulfilmentLabel } from '../../../../domain/obligation'
import { formatDateTime, publicityPeriod } from '../../../../features/credit/format'
import { POLARITY_LABELS, polarityTone, severityLabel, severityTone } from '../../../../features/credit/labels'
import RepairStatus from '../../../../features/repair/components/repair-status'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { readParam } from '../../../../platform/navigation'
import { fetchOverview, fetchRecord } from '../../../../services/credit-api'
import type { CreditOverview, CreditRecordDetail } from '../../../../services/types'
import StatusTag from '../../components/status-tag'
import ObjectionCard from './objection-card'
import { countNote } from './count-note'
import warningIcon from '../../../../assets/icons/warning.svg'
import Unbroken from '../../../../components/unbroken'
import './index.scss'

function fields(r: CreditRecordDetail): [string, string][] {
  // What the decision obliges and whether it is known as met: repair needs it met (or proven).
  const obligation: [string, string][] = r.polarity === 'negative' ? [['应履行义务', r.obligation.duty ?? '无'], ['履行情况', fulfilmentLabel(r.obligation)]] : []
  return [
    ['类别', r.kind],
    ['性质', `${POLARITY_LABELS[r.polarity]}信息`],
    ['严重程度', r.severity ? severityLabel(r.severity) : r.polarity === 'positive' ? '不适用（正面信息）' : '未分级'],
    ['决定文书号', r.documentNo ?? '无'],
    ['来源部门', r.department],
    ['法律依据', r.legalBasis ?? '未提供'],
    ['决定日期', r.decisionDate],
    ...obligation,
    ['公示期', publicityPeriod(r.publicityStart, r.publicityEnd)],
  ]
}

const gate = { realName: true } as const

export default function RecordDetailPage() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const { scope } = useGate(gate)
  const remote = useQuery(scope && id ? `record|${scope}|${id}` : null, () =>
    // The note on scoring is extra: the record shows even when the overview fails.
    Promise.all([fetchRecord(id), fetchOverview().catch(() => null)]),
    { topics: ['credit', 'objections'] },
  )

  if (!id) {
    return (
      <PageShell name='detail' gate={gate}>
        <StateView error icon={warningIcon} title='未指定记录' description='请从信用记录列表进入' />
      </PageShell>
    )
  }
  return (
    <PageShell
      name='detail'
      gate={gate}
      subject
      query={remote}
      skeleton={{ lines: 4, label: '正在加载记录详情' }}
      errorTitle='记录加载失败'
      notFound={{ title: '记录不存在或无权查看', description: '该记录可能不属于当前身份，请切换身份后再试。' }}
    >
      {([record, overview]) => <RecordDetail record={record} overview={overview} scope={scope ?? ''} />}
    </PageShell>
  )
}

function RecordDetail({ record, overview, scope }: { record: CreditRecordDetail; overview: CreditOverview | null; scope: string }) {
  const note = overview ? countNote(record, overview) : null
  const history = [...record.history].reverse()
  return (
    <>
      <View className='card detail-head'>
        <View className='detail-tags'>
          <Text className={`tag tag-${polarityTone(record.polarity)}`}>{POLARITY_LABELS[record.polarity]}</Text>
          <Text className='tag tag-muted'>{record.kind}</Text>
          {record.severity && <Text className={`tag tag-${severityTone(record.severity)}`}>{severityLabel(record.severity)}</Text>}
          <StatusTag status={record.status} />
        </View>
        <Text className='detail-title'>{record.title}</Text>
        {record.list && (
          <Text className={`detail-list detail-list-${record.list.kind}`}>
            {record.list.kind === 'red' ? '已列入红名单' : '已列入严重失信主体名单'}：{record.list.name}
          </Text>
        )}
        {note && (
          <View className={`detail-note detail-note-${note.tone}`}>
            <Text className='detail-note-title'>{note.title}</Text>
            <Unbroken className='detail-note-text' text={note.detail} />
          </View>
        )}
      </View>

      <ObjectionCard record={record} />
      {record.polarity === 'negative' && <RepairStatus recordId={record.id} scope={scope} />}

      <View className='card'>
        <Text className='section-title'>记录信息</Text>
        {fields(record).map(([label, value]) => (
          <View key={label} className='detail-field'>
            <Text className='detail-field-label'>{label}</Text>
            <Unbroken className='detail-field-value' text={value} />
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>内容</Text>
        <Text className='detail-content'>{record.content}</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>状态变更记录</Text>
        {history.length === 0 ? (
          <Text className='muted'>暂无状态变更</Text>
        ) : (
          <View className='timeline' role='list'>
            {history.map((h, n) => (
              <View key={`${h.at}-${n}`} className={`timeline-item ${n === 0 ? 'timeline-item-now' : ''}`} role='listitem'>
                <View className='timeline-axis'>
                  <View className='timeline-dot' />
                  {n < history.length - 1 && <View className='timeline-line' />}
                </View>
                <View className='timeline-body'>
                  <View className='timeline-head'>
                    <StatusTag status={h.status} />
                    <Text className='timeline-time'>{formatDateTime(h.at)}</Text>
                  </View>
                  <Unbroken className='timeline-reason' text={h.reason} />
                  <Text className='timeline-actor'>{h.actor}</Text>
                </View>
              </View>
            ))}
          </View>
        )}
      </View>
    </>
  )
}
