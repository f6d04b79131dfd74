// 兑换时长码: a one-time code from an organizer for service done off-site; credited once.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { hoursText } from '../../../../features/public-service/format'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { send } from '../../../../features/public-service/submit'
import { openPage } from '../../../../platform/navigation'
import { serviceUrls } from '../../../../services/public-service-api'
import '../../styles.scss'

interface Redeemed {
  hours: number
  title: string
  organization: string
}

function RedeemForm() {
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Redeemed | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const code = typed.trim().toUpperCase()

  const submit = async () => {
    if (busy || !code) return
    setBusy(true)
    setProblem(null)
    const sent = await send<Redeemed>({ kind: 'service-hour-code', title: '兑换时长码', url: serviceUrls.redeem, body: { code }, topics: ['credit'] })
    setBusy(false)
    if (sent.status === 'done') {
      setDone(sent.data)
      setTyped('')
    } else setProblem(sent.message)
  }

  return (
    <>
      {done && (
        <View className='card ps-result ps-result-ok' role='alert'>
          <Text className='section-title'>已兑换 {hoursText(done.hours)}</Text>
          <Text className='ps-task-line'>{done.title}（{done.organization}）</Text>
          <ActionButton small kind='secondary' className='ps-gap' onClick={() => openPage(serviceRoutes.hours)}>查看我的公益时长</ActionButton>
        </View>
      )}
      <View className='card'>
        <Text className='field-label'>时长码（12 位字母和数字）</Text>
        <View className='field-box'>
          <Input
            className='field-input'
            value={typed}
            maxlength={20}
            placeholder='例如 K7QM-2XRD-9PTA'
            nativeProps={{ 'aria-label': '时长码', autoComplete: 'off', autoCapitalize: 'characters' }}
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => void submit()}
          />
        </View>
        {problem && (
          <View className='form-error' role='alert'>
            {problem}
          </View>
        )}
        <ActionButton disabled={busy || !code} onClick={() => void submit()}>
          {busy ? '正在兑换…' : '兑换'}
        </ActionButton>
        <Text className='ps-note'>时长码由公益组织方为线上或场外服务发放，每个码只能兑换一次，兑换后立即计入“我的公益时长”。</Text>
      </View>
    </>
  )
}

const gate = { realName: true } as const

export default function RedeemPage() {
  return (
    <PageShell name='ps-redeem' gate={gate} what='兑换时长码'>
      <RedeemForm />
    </PageShell>
  )
}
