// 扫码签到 / 签退 at the task's site: the camera (WeChat's scanner, or the browser camera on H5 —
// the staff workbench's scanner) reads the organizer's QR, or the 6 digits below it are typed.
// The code changes every 30 seconds, so a photo sent to a friend is useless a minute later.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { send } from '../../../../features/public-service/submit'
import { openPage } from '../../../../platform/navigation'
import { serviceUrls, type AttendanceResult } from '../../../../services/public-service-api'
import { canScan, scanQrCode } from '../../../staff/scan'
import '../../styles.scss'

type Direction = 'in' | 'out'
const WORD: Record<Direction, string> = { in: '签到', out: '签退' }

function ScanForm() {
  const [direction, setDirection] = useState<Direction>('in')
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; title: string; text: string } | null>(null)
  const digits = typed.replace(/\D/g, '')

  const submit = async (code: string) => {
    if (busy) return
    setBusy(true)
    setResult(null)
    const sent = await send<AttendanceResult>({
      kind: `service-check-${direction}`, title: `公益任务${WORD[direction]}`, url: direction === 'in' ? serviceUrls.checkIn : serviceUrls.checkOut, body: { code }, dropIfUnanswered: true,
    })
    setBusy(false)
    if (sent.status === 'done') {
      setTyped('')
      setResult({ ok: true, title: `${sent.data.task.title}：${WORD[direction]}成功`, text: sent.data.message })
    } else {
      setResult({ ok: false, title: `${WORD[direction]}未成功`, text: sent.message })
    }
  }
  const scan = async () => {
    setResult(null)
    try {
      const text = await scanQrCode()
      if (text) await submit(text.trim())
    } catch (e) {
      setResult({ ok: false, title: '无法打开相机', text: e instanceof Error ? e.message : '请手动输入二维码下方的 6 位数字' })
    }
  }

  return (
    <>
      <View className='ps-chips' role='radiogroup' aria-label='签到或签退'>
        {(['in', 'out'] as const).map((d) => (
          <View key={d} className={`ps-chip ${direction === d ? 'ps-chip-on' : ''}`} role='radio' aria-checked={direction === d} onClick={() => setDirection(d)}>
            <Text>{WORD[d]}</Text>
          </View>
        ))}
      </View>
      {result && (
        <View className={`card ps-result ${result.ok ? 'ps-result-ok' : 'ps-result-fail'}`} role='alert'>
          <Text className='section-title'>{result.title}</Text>
          <Text className='ps-task-line'>{result.text}</Text>
        </View>
      )}
      <View className='card'>
        {canScan && (
          <ActionButton disabled={busy} onClick={() => void scan()}>
            {busy ? `正在${WORD[direction]}…` : `扫码${WORD[direction]}`}
          </ActionButton>
        )}
        <Text className='field-label ps-gap'>{canScan ? '或输入' : '输入'}二维码下方的 6 位数字</Text>
        <View className='field-box'>
          <Input
            className='field-input'
            type='number'
            maxlength={6}
            value={typed}
            placeholder='例如 482913'
            nativeProps={{ 'aria-label': '签到码', autoComplete: 'off', inputMode: 'numeric' }}
            onInput={(e) => setTyped(e.detail.value)}
          />
        </View>
        <ActionButton kind={canScan ? 'secondary' : 'primary'} disabled={busy || digits.length !== 6} onClick={() => void submit(digits)}>
          {busy ? `正在${WORD[direction]}…` : `确认${WORD[direction]}`}
        </ActionButton>
        <Text className='ps-note'>
          签到：任务开始前 30 分钟至结束；签退：任务开始后至结束后 1 小时。二维码每 30 秒变化，请扫描现场实时显示的码。签退后，服务时长由组织方确认后计入。
        </Text>
      </View>
      <ActionButton kind='text' onClick={() => openPage(serviceRoutes.bookings)}>查看我的预约</ActionButton>
    </>
  )
}

const gate = { realName: true } as const

export default function ScanPage() {
  return (
    <PageShell name='ps-scan' gate={gate} what='扫码签到'>
      <ScanForm />
    </PageShell>
  )
}
