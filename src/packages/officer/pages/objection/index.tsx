// 异议办理 (the officer's case page; reminders link here): the filing and its evidence, the record
// with its history, the steps with their due dates, and the action the state allows — 受理,
// 转办 with a note, or a decision with written reasons. Refusals come back in plain Chinese.
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { inputText } from '../../../../features/objections/form'
import PageShell from '../../../../components/page-shell'
import { OUTCOME_LABELS } from '../../../../domain/objection'
import { formatDateTime } from '../../../../features/credit/format'
import CaseSteps from '../../../../components/case-steps'
import { STATUS_TONES } from '../../../../features/objections/labels'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { readParam } from '../../../../platform/navigation'
import { acceptObjection, decideObjection, fetchOfficerObjection, transferObjection, type DecisionRequest, type OfficerObjection } from '../../../../services/objections-api'
import DecisionForm from '../../components/decision-form'
import Evidence from '../../components/evidence'
import { useCaseAction } from '../../use-case-action'
import RecordPanel from './record-panel'
import '../officer.scss'
import './index.scss'

const confirm = async (title: string, content: string) => (await Taro.showModal({ title, content, confirmText: '确定', cancelText: '取消' })).confirm

const TOPICS = ['objections', 'credit'] as const

/** A case in this officer's view whose next step belongs to another department. */
function WaitingFor({ o }: { o: OfficerObjection }) {
  const transferredTo = o.steps.find((s) => s.status === '已转办')?.department
  return (
    <View className='card' role='status'>
      <Text className='section-title'>等待办理</Text>
      <Text className='officer-text'>
        {o.status === '已提交' ? '该异议待信用主管部门受理；受理后，作出记录的部门可以核查并作出决定。' : `该异议已转办至${transferredTo ?? '来源部门'}，由该部门核查并作出决定。`}
      </Text>
    </View>
  )
}

function Actions({ o }: { o: OfficerObjection }) {
  // the queue, the counts and this case change; so does the record (for any page showing it)
  const action = useCaseAction(TOPICS)
  const { error, setError } = action
  const busy = action.busy !== null
  const [transfer, setTransfer] = useState({ open: false, department: o.record.department, note: '' })
  const run = (act: () => Promise<unknown>, done: string) => action.run(done, act, done)
  const accept = () => void run(() => acceptObjection(o.id), '已受理')
  const doTransfer = () => {
    if (!transfer.department.trim() || !transfer.note.trim()) {
      setError('请填写转办部门和转办说明')
      return
    }
    void run(() => transferObjection(o.id, { department: transfer.department.trim(), note: transfer.note.trim() }), '已转办')
  }
  const decide = async (body: DecisionRequest) => {
    if (!(await confirm(`确定作出“${OUTCOME_LABELS[body.outcome]}”决定？`, '决定将通知信用主体，提交后不能更改。'))) return
    await run(() => decideObjection(o.id, body), '已办结')
  }

  if (o.status === '已办结') return null
  // The server says what this officer may do (department scope and state); anything else is another department's step.
  if (o.actions.length === 0) return <WaitingFor o={o} />
  if (o.actions.includes('accept')) {
    return (
      <View className='card'>
        <Text className='section-title'>受理核查</Text>
        <Text className='officer-text'>受理后进入核查，由您承办；证明材料仅承办人员可查看。</Text>
        {error && (
          <View className='form-error' role='alert'>
            {error}
          </View>
        )}
        <ActionButton disabled={busy} onClick={accept}>
          {busy ? '正在受理…' : '受理'}
        </ActionButton>
      </View>
    )
  }
  return (
    <>
      {o.actions.includes('transfer') && (
        <View className='card'>
          <View className='officer-transfer-head' role='button' aria-expanded={transfer.open} onClick={() => setTransfer((t) => ({ ...t, open: !t.open }))}>
            <Text className='section-title officer-transfer-title'>转办至来源部门</Text>
            <Text className='officer-link'>{transfer.open ? '收起' : '展开'}</Text>
          </View>
          {transfer.open && (
            <View className='officer-transfer'>
              <View className='field'>
                <Text className='field-label'>转办部门</Text>
                <View className='field-box'>
                  <Input className='field-input' value={transfer.department} aria-label='转办部门' onInput={(e) => setTransfer((t) => ({ ...t, department: inputText(e) }))} />
                </View>
              </View>
              <View className='field'>
                <Text className='field-label'>转办说明</Text>
                <Textarea className='officer-textarea' value={transfer.note} maxlength={500} placeholder='请说明需要部门核查的事项' aria-label='转办说明' onInput={(e) => setTransfer((t) => ({ ...t, note: inputText(e) }))} />
              </View>
              <ActionButton kind='secondary' disabled={busy} onClick={doTransfer}>
                转办
              </ActionButton>
            </View>
          )}
        </View>
      )}
      {o.actions.includes('decide') && (
      <View className='card'>
        <Text className='section-title'>{o.status === '已转办' ? `录入${o.steps.find((s) => s.status === '已转办')?.department ?? '部门'}的决定` : '作出决定'}</Text>
        <DecisionForm record={o.record} busy={busy} error={error} onSubmit={(body) => void decide(body)} />
      </View>
      )}
    </>
  )
}

const gate = { role: 'officer' } as const

export default function OfficerObjectionPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `officer-objection|${scope}|${id}` : null, () => fetchOfficerObjection(id), { topics: ['objections'] })
  return (
    <PageShell name='officer' gate={gate} who='部门工作人员' what='办理异议' query={q} skeleton={{ cards: 3, lines: 4, label: '正在加载异议' }} errorTitle='异议加载失败'>
      {(o) => <Case o={o} />}
    </PageShell>
  )
}

function Case({ o }: { o: OfficerObjection }) {
  return (
    <View className='officer-case'>
      <View className='officer-col'>
        <View className='card officer-case-head'>
          <View className='officer-case-tags'>
            <Text className={`tag tag-${STATUS_TONES[o.status]}`}>{o.status}</Text>
            {o.overdue && <Text className='tag tag-danger'>已逾期</Text>}
            <Text className='tag tag-muted'>{o.reasonLabel}</Text>
          </View>
          <Text className='officer-case-title'>{o.record.title}</Text>
          {o.dueDate && <Text className={`officer-case-due ${o.overdue ? 'officer-case-late' : ''}`}>{o.overdue ? `已逾期：应于 ${o.dueDate} 前办结` : `办理期限 ${o.dueDate}`}</Text>}
          {o.dueDateNote && <Text className='officer-note'>{o.dueDateNote}</Text>}
          <Text className='officer-label'>{`异议说明（${formatDateTime(o.filedAt)} 提交）`}</Text>
          <Text className='officer-text'>{o.description}</Text>
        </View>
        <View className='card'>
          <Text className='section-title'>{`证明材料（${o.attachments.length}）`}</Text>
          <Evidence files={o.attachments} />
        </View>
        <Actions key={o.status} o={o} />
      </View>
      <View className='officer-col'>
        <View className='card'>
          <Text className='section-title'>办理进度</Text>
          <CaseSteps steps={o.steps} />
        </View>
        <RecordPanel record={o.record} />
      </View>
    </View>
  )
}
