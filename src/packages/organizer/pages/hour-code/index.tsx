// 发放时长码 (organizer): a one-time code worth N hours for service done off-site; the person
// redeems it in 公益服务 → 兑换时长码. Every code issued is in the audit trail.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { validHours } from '../../../../domain/public-service'
import { hoursText } from '../../../../features/public-service/format'
import { send } from '../../../../features/public-service/submit'
import { serviceUrls } from '../../../../services/public-service-api'
import '../../styles.scss'

interface Issued {
  code: string
  hours: number
  note: string
}

function HourCodeForm() {
  const [hours, setHours] = useState('2')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<Issued | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const submit = async () => {
    if (busy) return
    const h = Number(hours)
    if (!validHours(h)) return setProblem('时长须在 0.5–24 小时之间，以 0.5 小时为单位')
    if (!note.trim()) return setProblem('请填写说明（服务内容）')
    setBusy(true)
    setProblem(null)
    const sent = await send<Issued>({ kind: 'organizer-hour-code', title: `发放时长码：${note.trim()}`, url: serviceUrls.hourCode, body: { hours: h, note: note.trim() } })
    setBusy(false)
    if (sent.status === 'done') {
      setIssued(sent.data)
      setNote('')
    } else setProblem(sent.message)
  }

  return (
    <>
      {issued && (
        <View className='card ps-result ps-result-ok'>
          <Text className='section-title'>时长码（{hoursText(issued.hours)}）</Text>
          <Text className='ps-code' selectable>{issued.code}</Text>
          <Text className='ps-task-line'>{issued.note}</Text>
          <Text className='ps-note'>请将此码交给服务者本人，在“公益服务 → 兑换时长码”中兑换。每个码只能兑换一次；离开本页后不再显示。</Text>
        </View>
      )}
      <View className='card'>
        <View className='field'>
          <Text className='field-label'>时长（小时，0.5 为单位）</Text>
          <View className='field-box'>
            <Input className='field-input' type='digit' value={hours} maxlength={4} nativeProps={{ 'aria-label': '时长' }} onInput={(e) => setHours(e.detail.value)} />
          </View>
        </View>
        <View className='field'>
          <Text className='field-label'>说明（服务内容，兑换后显示在对方的时长明细中）</Text>
          <View className='field-box'>
            <Input className='field-input' value={note} maxlength={200} placeholder='例如 线上课业辅导（11 月）' nativeProps={{ 'aria-label': '说明' }} onInput={(e) => setNote(e.detail.value)} />
          </View>
        </View>
        {problem && (
          <View className='form-error' role='alert'>
            {problem}
          </View>
        )}
        <ActionButton disabled={busy} onClick={() => void submit()}>
          {busy ? '正在生成…' : '生成时长码'}
        </ActionButton>
      </View>
    </>
  )
}

const gate = { role: 'organizer' } as const

export default function HourCodePage() {
  return (
    <PageShell name='org-hour-code' gate={gate} what='发放时长码' who='公益组织者'>
      <HourCodeForm />
    </PageShell>
  )
}
