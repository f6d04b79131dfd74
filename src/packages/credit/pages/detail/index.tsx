// 记录详情: every field of one record, whether it counts in the score, and its status history as a
// timeline (records are never deleted; every change has who, when and why), and its objection:
// 我要异议 while in publicity, the open case (which suspends the record) or where to go otherwise.
// A negative record also shows whether, how and from when it can be repaired (features/repair).
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessState from '../../../../features/credit/components/access-state'
import SubjectBanner from '../../../../components/page-shell/subject-banner'
import { formatDateTime, publicityPeriod } from '../../../../features/credit/format'
import { POLARITY_LABELS, polarityTone, severityLabel, severityTone } from '../../../../features/credit/labels'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import { usePageClass } from '../../../../hooks/use-page-class'
import RepairStatus from '../../../../features/repair/components/repair-status'
import { useQuery } from '../../../../hooks/use-query'
import { goBack, readParam, routes } from '../../../../platform/navigation'
import { fetchOverview, fetchRecord } from '../../../../services/credit-api'
import type { CreditRecordDetail } from '../../../../services/types'
import StatusTag from '../../components/status-tag'
import ObjectionCard from './objection-card'
import { countNote } from './count-note'
import warningIcon from '../../../../assets/icons/warning.svg'
import Unbroken from '../../../../components/unbroken'
import './index.scss'

function fields(r: CreditRecordDetail): [string, string][] {
  return [
    ['类别', r.kind],
    ['性质', `${POLARITY_LABELS[r.polarity]}信息`],
    ['严重程度', r.severity ? severityLabel(r.severity) : r.polarity === 'positive' ? '不适用（正面信息）' : '未分级'],
    ['决定文书号', r.documentNo ?? '无'],
    ['来源部门', r.department],
    ['法律依据', r.legalBasis ?? '未提供'],
    ['决定日期', r.decisionDate],
    ['公示期', publicityPeriod(r.publicityStart, r.publicityEnd)],
  ]
}

export default function RecordDetailPage() {
  const pageClass = usePageClass('detail')
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const credit = useCreditSubject()
  const remote = useQuery(
    credit.access === 'ready' && id ? `record-detail|${credit.scope}|${id}` : null,
    // The note on scoring is extra: the record shows even when the overview fails.
    () => Promise.all([fetchRecord(id), fetchOverview().catch(() => null)]),
    // filing or deciding an objection changes the record, its objection and whether it counts
    { topics: ['credit', 'objections'] },
  )

  if (credit.access !== 'ready') {
    return (
      <View className={pageClass}>
        <PrivacyConsent />
        <AccessState access={credit.access} />
      </View>
    )
  }
  if (!id || remote.status === 'error') {
    // 404: the record does not exist or is another subject's; trying again will not help.
    const retry = Boolean(id) && remote.errorStatus !== 404
    return (
      <View className={pageClass}>
        <StateView
          error
          icon={warningIcon}
          title={!id ? '未指定记录' : retry ? '记录加载失败' : '记录不存在或无权查看'}
          description={!id ? '请从信用记录列表进入' : retry ? remote.error ?? undefined : '该记录可能不属于当前身份，请切换身份后再试。'}
          actionText={retry ? '重试' : '返回'}
          onAction={() => (retry ? void remote.reload({ reset: true }) : goBack(routes.home))}
        />
      </View>
    )
  }
  if (!remote.data) {
    return (
      <View className={pageClass}>
        <Skeleton cards={3} lines={4} label='正在加载记录详情' />
      </View>
    )
  }

  const [record, overview] = remote.data
  const note = overview ? countNote(record, overview) : null
  const history = [...record.history].reverse()
  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <SubjectBanner enterprise={credit.enterprise} />

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
      {record.polarity === 'negative' && <RepairStatus recordId={record.id} scope={credit.scope} />}

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
    </View>
  )
}
