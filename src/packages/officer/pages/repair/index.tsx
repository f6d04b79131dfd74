// One repair application for the officer: the record with its history, the proof and the signed
// commitment, the hours record, the score before and after — and approve or reject with reasons.
// One tap is one decision: its key is kept for the retries of that tap.
import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import CaseSteps from '../../../../components/case-steps'
import { fulfilmentLabel } from '../../../../domain/obligation'
import PageShell from '../../../../components/page-shell'
import { formatDateTime } from '../../../../features/credit/format'
import { hoursShort, STATUS_TONES } from '../../../../features/repair/format'
import { openAttachment } from '../../../../features/repair/open-attachment'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { readParam } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { newIdempotencyKey } from '../../../../services/http'
import { decideRepair, fetchRepairCase, type OfficerRepairCase, type RepairDecisionBody } from '../../../../services/repairs-api'
import { CASE_TOPICS, useCaseAction } from '../../use-case-action'
import './index.scss'

const gate = { role: 'officer' } as const
const notFound = { title: '申请不存在', description: '请从修复审核列表进入' }

export default function RepairCasePage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `repair-case|${scope}|${id}` : null, () => fetchRepairCase(id), { topics: ['cases', 'credit'] })
  return (
    <PageShell name='repair-case' gate={gate} who='信用办工作人员' what='审核信用修复' query={q} skeleton={{ cards: 3, lines: 4, label: '正在加载修复申请' }} errorTitle='申请加载失败' notFound={notFound}>
      {(c) => <Case c={c} />}
    </PageShell>
  )
}

function Case({ c }: { c: OfficerRepairCase }) {
  const [reasons, setReasons] = useState('')
  const { busy, error, setError, run } = useCaseAction(CASE_TOPICS)
  const key = useRef<{ outcome: string; reasons: string; key: string } | null>(null)
  const open = c.status === '审核中'

  const decide = (outcome: RepairDecisionBody['outcome']) => {
    const text = reasons.trim()
    if (!text) {
      setError(outcome === 'approve' ? '请填写准予修复的理由' : '请填写不予修复的理由，市民据此补正')
      return
    }
    if (busy) return
    // The same decision tapped again (after a lost answer) goes under the same key.
    if (!key.current || key.current.outcome !== outcome || key.current.reasons !== text) key.current = { outcome, reasons: text, key: newIdempotencyKey() }
    const idempotencyKey = key.current.key
    void run(outcome, () => decideRepair(c.id, { outcome, reasons: text }, idempotencyKey), outcome === 'approve' ? '已准予修复' : '已不予修复')
  }

  const short = hoursShort(c.hours.required, c.hours.confirmed)
  return (
    <>
      <View className='card'>
        <View className='orc-head'>
          <Text className='orc-title'>{c.record.title}</Text>
          {c.overdue ? <Text className='tag tag-danger'>已逾期</Text> : <Text className={`tag tag-${STATUS_TONES[c.status]}`}>{c.status}</Text>}
        </View>
        <Text className='orc-line'>{`申请人：${c.subject.name}（${c.subject.kind === 'enterprise' ? '企业' : '个人'}）`}</Text>
        <Text className='orc-line'>{`${c.record.severity ?? ''}失信 · ${c.record.department}${c.record.documentNo ? ` · ${c.record.documentNo}` : ''}`}</Text>
        <Text className='orc-line'>{`决定日期 ${c.record.decisionDate} · 公示至 ${c.record.publicityEnd ?? '—'}`}</Text>
        {open && <Text className='orc-line'>{`答复期限 ${c.steps[1].dueDate} · 决定期限 ${c.dueDate}`}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>办理进度</Text>
        <CaseSteps steps={c.steps} />
      </View>

      <View className='card'>
        <Text className='section-title'>修复条件</Text>
        {c.record.obligation.duty && (
          <Text className={`orc-line ${c.record.obligation.metOn ? 'orc-good' : 'orc-bad'}`}>{`应履行义务：${c.record.obligation.duty} · ${fulfilmentLabel(c.record.obligation)}${c.record.obligation.metOn ? '' : '（请核对申请人上传的履行证明，准予修复即记为已履行）'}`}</Text>
        )}
        <Text className={`orc-line ${short > 0 ? 'orc-bad' : 'orc-good'}`}>{`公益服务时长：已确认 ${c.hours.confirmed} 小时 / 需 ${c.hours.required} 小时${short > 0 ? `（差 ${short} 小时）` : '（已满足）'}`}</Text>
        <Text className='orc-line'>{`《${c.commitment.title}》回执 ${c.commitment.receiptNo}，签署于 ${formatDateTime(c.commitment.signedAt)}`}</Text>
        <Text className='orc-line'>{`信用分：现 ${c.score.now} 分${open ? `，准予修复后 ${c.score.after} 分` : ''}`}</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>{`履行证明（${c.attachments.length} 个文件）`}</Text>
        {c.attachments.map((f, n) => (
          <View key={f.id} className='orc-file' role='button' onClick={() => void openAttachment(f).catch((e) => setError(toApiError(e).message))}>
            <Text>{`材料 ${n + 1} · ${f.type === 'application/pdf' ? 'PDF' : '图片'} · ${Math.max(1, Math.round(f.size / 1024))} KB`}</Text>
            <Text className='link'>查看</Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>记录变更历史</Text>
        {c.record.history.map((h, n) => (
          <Text key={`${h.at}-${n}`} className='orc-line'>{`${formatDateTime(h.at)} · ${h.status} · ${h.actor}：${h.reason}`}</Text>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>{open ? '作出决定' : '决定'}</Text>
        {open ? (
          <>
            <Textarea
              className='orc-reasons'
              value={reasons}
              maxlength={1000}
              placeholder='决定理由（市民可见），如：已缴清罚款并完成公益服务，准予修复'
              onInput={(e) => setReasons(e.detail.value)}
              aria-label='决定理由'
            />
            {error && (
              <View className='form-error' role='alert'>
                {error}
              </View>
            )}
            <View className='orc-actions'>
              <ActionButton disabled={busy !== null} onClick={() => decide('approve')}>
                {busy === 'approve' ? '正在提交…' : '准予修复'}
              </ActionButton>
              <ActionButton kind='secondary' disabled={busy !== null} onClick={() => decide('reject')}>
                {busy === 'reject' ? '正在提交…' : '不予修复'}
              </ActionButton>
            </View>
          </>
        ) : (
          <Text className='orc-line'>{`${c.outcomeLabel ?? ''}：${c.decisionReasons ?? ''}（${c.decidedAt ? formatDateTime(c.decidedAt) : ''}）`}</Text>
        )}
      </View>
    </>
  )
}
