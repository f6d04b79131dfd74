// One registration for the officer: whose it is, what it claims, the evidence and the commitment;
// 核验通过 makes it a positive record, 不予通过 needs reasons the subject will read.
import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import CaseSteps from '../../../../components/case-steps'
import { REGISTRATION_STATUS_TAG, REGISTRATION_STATUS_TEXT, chinaTime } from '../../../../features/cases/labels'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { readParam } from '../../../../platform/navigation'
import { fetchOfficerRegistration, rejectRegistration, verifyRegistration, type OfficerRegistration } from '../../../../services/cases-api'
import { CASE_TOPICS, useCaseAction } from '../../use-case-action'
import '../officer-cases.scss'

const gate = { role: 'officer' } as const

export default function OfficerRegistrationPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `officer-registration|${scope}|${id}` : null, () => fetchOfficerRegistration(id), { topics: ['cases'] })
  return (
    <PageShell name='oc' gate={gate} who='信用主管部门工作人员' what='核验自愿注册' query={q} skeleton={{ cards: 2, lines: 4, label: '正在加载注册信息' }} errorTitle='无法查看'>
      {(r) => <Registration r={r} />}
    </PageShell>
  )
}

function Registration({ r }: { r: OfficerRegistration }) {
  const [text, setText] = useState('')
  const { busy: running, error, run } = useCaseAction(CASE_TOPICS)
  const busy = running !== null
  const act = (action: () => Promise<unknown>, done: string) => void run(done, action, done)
  return (
    <View>
      <View className='card oc-item'>
        <View className='oc-head'>
          <Text className='oc-title'>{r.title}</Text>
          <Text className={`tag ${REGISTRATION_STATUS_TAG[r.status]}`}>{REGISTRATION_STATUS_TEXT[r.status]}</Text>
        </View>
        <View className='oc-row'><Text className='oc-label'>{r.subject.kind === 'enterprise' ? '企业' : '申请人'}</Text><Text className='oc-value'>{r.subject.name}</Text></View>
        <View className='oc-row'><Text className='oc-label'>{r.subject.kind === 'enterprise' ? '统一社会信用代码' : '身份证号码'}</Text><Text className='oc-value'>{r.subject.identifier}</Text></View>
        <View className='oc-row'><Text className='oc-label'>类别</Text><Text className='oc-value'>{r.categoryLabel}</Text></View>
        <View className='oc-row'><Text className='oc-label'>提交时间</Text><Text className='oc-value'>{chinaTime(r.filedAt)}</Text></View>
        <View className='oc-row'><Text className='oc-label'>真实性承诺回执</Text><Text className='oc-value'>{r.commitment.receiptNo}</Text></View>
        <Text className='oc-text'>{r.description}</Text>
        {r.attachments.map((a, i) => (
          <Text key={a.id} className='oc-meta'>证明材料 {i + 1}：{a.type === 'application/pdf' ? 'PDF 文件' : '图片'}（{Math.ceil(a.size / 1024)} KB）</Text>
        ))}
      </View>
      <View className='card oc-item'>
        <Text className='section-title'>核验进度</Text>
        <CaseSteps steps={r.steps} />
      </View>
      {error && <View className='form-error' role='alert'>{error}</View>}
      {r.status === '已提交' && (
        <View className='card'>
          <Text className='field-label'>核验意见（不予通过时必填，申请人可见）</Text>
          <View className='field-box oc-textarea-box'>
            <Textarea className='oc-textarea' value={text} maxlength={500} placeholder='如：材料齐全，与颁发单位核实一致' nativeProps={{ 'aria-label': '核验意见' }} onInput={(e) => setText(e.detail.value)} />
          </View>
          <ActionButton className='oc-gap' disabled={busy} onClick={() => act(() => verifyRegistration(r.id, text.trim() || undefined), '已核验通过')}>核验通过，计入信用记录</ActionButton>
          <ActionButton className='oc-gap' kind='secondary' disabled={busy || !text.trim()} onClick={() => act(() => rejectRegistration(r.id, text.trim()), '已不予通过')}>不予通过</ActionButton>
        </View>
      )}
    </View>
  )
}
