// One report for the officer: what was reported, its evidence and steps, and the next action —
// 受理, 开始核查 (with a note), 办结 (a conclusion and the reply the reporter reads). The reporter
// appears only to the officer who accepted it, masked.
import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { DISHONESTY_OUTCOMES, type DishonestyOutcome } from '../../../../domain/cases'
import CaseSteps from '../../../../components/case-steps'
import ChoiceChips from '../../../../features/cases/components/choice-chips'
import { REPORT_STATUS_TAG, chinaTime } from '../../../../features/cases/labels'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { readParam } from '../../../../platform/navigation'
import { acceptReport, concludeReport, fetchOfficerReport, verifyReport, type OfficerDishonestyReport } from '../../../../services/cases-api'
import { CASE_TOPICS, useCaseAction } from '../../use-case-action'
import '../officer-cases.scss'

const gate = { role: 'officer' } as const

export default function OfficerReportPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `officer-report|${scope}|${id}` : null, () => fetchOfficerReport(id), { topics: ['cases'] })
  return (
    <PageShell name='oc' gate={gate} who='信用主管部门工作人员' what='办理举报' query={q} skeleton={{ cards: 3, lines: 3, label: '正在加载举报' }} errorTitle='无法查看'>
      {(r) => <Report r={r} />}
    </PageShell>
  )
}

function Report({ r }: { r: OfficerDishonestyReport }) {
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<DishonestyOutcome | null>(null)
  const [reply, setReply] = useState('')
  const { busy: running, error, run } = useCaseAction(CASE_TOPICS)
  const busy = running !== null
  const act = (action: () => Promise<unknown>, done: string) => void run(done, action, done)
  const mine = r.handledByMe
  return (
    <View>
      <View className='card oc-item'>
        <View className='oc-head'>
          <Text className='oc-title'>{r.enterpriseName ?? '未在本平台登记的企业'}</Text>
          <Text className={`tag ${REPORT_STATUS_TAG[r.status]}`}>{r.status}</Text>
        </View>
        <View className='oc-row'><Text className='oc-label'>统一社会信用代码</Text><Text className='oc-value'>{r.uscc}</Text></View>
        <View className='oc-row'><Text className='oc-label'>举报类别</Text><Text className='oc-value'>{r.categoryLabel}</Text></View>
        <View className='oc-row'><Text className='oc-label'>收到时间</Text><Text className='oc-value'>{chinaTime(r.filedAt)}</Text></View>
        <Text className='oc-text'>{r.description}</Text>
      </View>

      <View className='card oc-item'>
        <Text className='section-title'>举报人</Text>
        {r.reporter ? (
          <View>
            <View className='oc-row'><Text className='oc-label'>姓名</Text><Text className='oc-value'>{r.reporter.name}</Text></View>
            <View className='oc-row'><Text className='oc-label'>手机号</Text><Text className='oc-value'>{r.reporter.phone ?? '未留'}</Text></View>
            <Text className='oc-meta'>仅受理人可见，已脱敏；答复通过消息中心送达举报人。请勿向被举报企业或他人透露举报人信息。</Text>
          </View>
        ) : (
          <Text className='oc-meta'>{r.status === '已提交' ? '受理后，受理人可看到脱敏后的举报人信息和证据材料。' : '该举报由其他工作人员办理，举报人信息仅受理人可见。'}</Text>
        )}
        {mine && r.attachments.length > 0 && (
          <View className='oc-files'>
            {r.attachments.map((a, i) => (
              <Text key={a.id} className='oc-meta'>证据 {i + 1}：{a.type === 'application/pdf' ? 'PDF 文件' : '图片'}（{Math.ceil(a.size / 1024)} KB）</Text>
            ))}
          </View>
        )}
      </View>

      {r.reply && (
        <View className='card oc-item'>
          <Text className='section-title'>办结答复：{r.outcomeLabel}</Text>
          <Text className='oc-text'>{r.reply}</Text>
        </View>
      )}

      <View className='card oc-item'>
        <Text className='section-title'>办理进度</Text>
        <CaseSteps steps={r.steps} />
      </View>

      {error && <View className='form-error' role='alert'>{error}</View>}
      {r.status === '已提交' && (
        <ActionButton disabled={busy} onClick={() => act(() => acceptReport(r.id), '已受理')}>受理举报</ActionButton>
      )}
      {r.status === '已受理' && mine && (
        <View className='card'>
          <Text className='field-label'>核查说明（选填，举报人可见）</Text>
          <View className='field-box oc-textarea-box'>
            <Textarea className='oc-textarea' value={note} maxlength={500} placeholder='如：已转市场监管部门现场核查' nativeProps={{ 'aria-label': '核查说明' }} onInput={(e) => setNote(e.detail.value)} />
          </View>
          <ActionButton className='oc-gap' disabled={busy} onClick={() => act(() => verifyReport(r.id, note.trim() || undefined), '已开始核查')}>开始核查</ActionButton>
        </View>
      )}
      {r.status === '核查中' && mine && (
        <View className='card'>
          <Text className='field-label'>核查结论</Text>
          <ChoiceChips<DishonestyOutcome> label='核查结论' options={DISHONESTY_OUTCOMES} value={outcome} onChange={setOutcome} />
          <Text className='field-label oc-gap'>答复举报人</Text>
          <View className='field-box oc-textarea-box'>
            <Textarea className='oc-textarea' value={reply} maxlength={1000} placeholder='核查情况和处理结果' nativeProps={{ 'aria-label': '答复举报人' }} onInput={(e) => setReply(e.detail.value)} />
          </View>
          <ActionButton className='oc-gap' disabled={busy || !outcome || !reply.trim()} onClick={() => act(() => concludeReport(r.id, outcome!, reply.trim()), '已办结')}>办结并答复</ActionButton>
        </View>
      )}
    </View>
  )
}
