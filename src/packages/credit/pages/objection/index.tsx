// 异议详情 (the citizen's case page; messages link here): the state and what it means for the
// record, every step with its due date (and the calendar note when a date is only estimated), the
// decision with its reasons.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import { formatDateTime } from '../../../../features/credit/format'
import CaseSteps from '../../../../components/case-steps'
import { OUTCOME_EFFECTS, STATUS_TONES, SUSPENDED_NOTE } from '../../../../features/objections/labels'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage, readParam, routes, withQuery } from '../../../../platform/navigation'
import { fetchRecord } from '../../../../services/credit-api'
import { fetchObjection, type Objection } from '../../../../services/objections-api'
import type { CreditRecordDetail } from '../../../../services/types'
import StatusTag from '../../components/status-tag'
import objectionIcon from '../../../../assets/icons/objection.svg'
import './index.scss'

const gate = { realName: true } as const

export default function ObjectionPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `objection|${scope}|${id}` : null, async () => {
    const o = await fetchObjection(id)
    // The record is shown beside the case; the case shows even when the record fails to load.
    return { o, record: await fetchRecord(o.recordId).catch(() => null) }
  }, { topics: ['objections', 'credit'] })
  if (!id) {
    return (
      <PageShell name='obj-page'>
        <StateView icon={objectionIcon} title='未指定异议' description='请从“我的异议”或消息中打开异议。' actionText='我的异议' onAction={() => openPage(routes.myObjections)} />
      </PageShell>
    )
  }
  return (
    <PageShell name='obj-page' gate={gate} what='查看异议' query={q} skeleton={{ cards: 3, lines: 4, label: '正在加载异议详情' }} errorTitle='异议加载失败'>
      {(data) => <ObjectionView {...data} />}
    </PageShell>
  )
}

function ObjectionView({ o, record }: { o: Objection; record: CreditRecordDetail | null }) {
  const decided = o.status === '已办结'
  return (
    <View>
      <View className='card obj-page-head'>
        <View className='obj-page-status'>
          <Text className={`tag tag-${STATUS_TONES[o.status]}`}>{o.status}</Text>
          {o.overdue && <Text className='tag tag-danger'>已逾期</Text>}
        </View>
        <Text className='obj-page-title'>{decided ? `异议已办结：${o.steps[o.steps.length - 1].outcomeLabel ?? ''}` : '异议办理中'}</Text>
        {!decided && o.dueDate && (
          <Text className={`obj-page-due ${o.overdue ? 'obj-page-due-late' : ''}`}>{o.overdue ? `办理期限 ${o.dueDate} 已过` : `将于 ${o.dueDate} 前办结`}</Text>
        )}
        {!decided && o.dueDateNote && <Text className='obj-page-note'>{o.dueDateNote}</Text>}
        <Text className={`obj-page-effect ${decided ? '' : 'obj-page-effect-open'}`}>{decided && o.outcome ? OUTCOME_EFFECTS[o.outcome] : SUSPENDED_NOTE}</Text>
        {decided && o.decisionReasons && <Text className='obj-page-reasons'>{`决定理由：${o.decisionReasons}`}</Text>}
      </View>

      {record && (
        <View className='card obj-page-record' role='link' onClick={() => openPage(withQuery(routes.recordDetail, { id: record.id }))}>
          <View className='obj-page-record-head'>
            <Text className='obj-page-label'>异议的记录</Text>
            <StatusTag status={record.status} />
          </View>
          <Text className='obj-page-record-title'>{record.title}</Text>
          <Text className='muted'>{`${record.department} · 查看记录 ›`}</Text>
        </View>
      )}

      <View className='card'>
        <Text className='section-title'>办理进度</Text>
        <CaseSteps steps={o.steps} />
      </View>

      <View className='card'>
        <Text className='section-title'>我的异议</Text>
        <View className='obj-page-field'>
          <Text className='obj-page-label'>异议理由</Text>
          <Text className='obj-page-value'>{o.reasonLabel}</Text>
        </View>
        <View className='obj-page-field'>
          <Text className='obj-page-label'>提交时间</Text>
          <Text className='obj-page-value'>{formatDateTime(o.filedAt)}</Text>
        </View>
        <View className='obj-page-field'>
          <Text className='obj-page-label'>证明材料</Text>
          <Text className='obj-page-value'>{o.attachments.length > 0 ? `${o.attachments.length} 份（仅承办人员可查看）` : '未提交'}</Text>
        </View>
        <Text className='obj-page-description'>{o.description}</Text>
      </View>
    </View>
  )
}
