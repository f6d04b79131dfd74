// One voucher to show at the gate: its QR code, large, drawn on the device from the code alone,
// with the code in letters under it for typing; the screen is brightened while it shows. The user
// may cancel (作废) a voucher not yet used.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { formatDateTime, formatVisitDate } from '../../../../features/incentives/dates'
import { voucherTone } from '../../../../features/incentives/labels'
import { useRotatingCode } from '../../../../features/incentives/use-rotating-code'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { confirm, toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { incentiveRoutes } from '../../../../features/incentives/routes'
import { toApiError } from '../../../../services/api-error'
import { cancelVoucher, type Voucher } from '../../../../services/incentives-api'
import { invalidate } from '../../../../services/query/cache'
import QrCode from '../../../../components/qr-code'
import { useBrightScreen } from '../../hooks/use-bright-screen'
import { loadVoucher } from '../../voucher-lookup'
import './index.scss'

function VoucherView({ voucher, onChange }: { voucher: Voucher; onChange: (v: Voucher) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const live = voucher.status === 'available'
  useBrightScreen(live)
  // The QR holds the code and the digits of this 30-s window: a screenshot stops working a minute later.
  const rotating = useRotatingCode(live ? voucher.pass : null)
  const qrValue = rotating ? `${voucher.code}-${rotating.digits}` : voucher.code

  const cancel = async () => {
    const ok = await confirm('作废卡券', `作废后这张“${voucher.benefit.name}”卡券将不能再使用，确定作废吗？`, '作废', { destructive: true })
    if (!ok) return
    setBusy(true)
    setError(null)
    try {
      const after = await cancelVoucher(voucher.id)
      onChange(after)
      invalidate('vouchers')
      // The server answers with the voucher as it is: it may have been used at the gate meanwhile.
      toast(after.status === 'revoked' ? '卡券已作废' : `该卡券${after.statusText}，未作废`)
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <View className='card ticket'>
        <View className='ticket-head'>
          <Text className='ticket-spot'>{voucher.spot}</Text>
          <Text className={`tag tag-${voucherTone(voucher.status)}`}>{voucher.statusText}</Text>
        </View>
        <Text className='ticket-benefit'>{voucher.benefit.name}</Text>
        <Text className='ticket-detail'>{voucher.benefit.detail}</Text>

        <View className='ticket-qr'>
          <QrCode value={qrValue} dimmed={!live} label={`卡券二维码，卡券码 ${voucher.code}${rotating ? `，动态码 ${rotating.digits}` : ''}`} />
          {!live && <Text className='ticket-qr-stamp'>{voucher.statusText}</Text>}
        </View>
        <Text className='ticket-code' aria-label={`卡券码 ${voucher.code.split('').join(' ')}`}>
          {voucher.code}
        </Text>
        {rotating && (
          <View className='ticket-pass' aria-label={`动态码 ${rotating.digits.split('').join(' ')}，${rotating.secondsLeft} 秒后刷新`}>
            <Text className='ticket-pass-label'>动态码</Text>
            <Text className='ticket-pass-digits'>{`${rotating.digits.slice(0, 3)} ${rotating.digits.slice(3)}`}</Text>
            <Text className='ticket-pass-timer'>{rotating.secondsLeft} 秒后刷新</Text>
          </View>
        )}
        <Text className='ticket-code-hint'>
          {live ? '二维码每 30 秒自动刷新，截图无效。无法扫码时，请工作人员输入卡券码和动态码' : '此卡券已不能使用'}
        </Text>

        <View className='ticket-rows'>
          <View className='ticket-row'>
            <Text className='ticket-row-label'>游览日期</Text>
            <Text className='ticket-row-value'>{formatVisitDate(voucher.visitDate)}（仅限当日）</Text>
          </View>
          {voucher.usedAt && (
            <View className='ticket-row'>
              <Text className='ticket-row-label'>核销</Text>
              <Text className='ticket-row-value'>
                {formatDateTime(voucher.usedAt)} · {voucher.usedPlace}
              </Text>
            </View>
          )}
          <View className='ticket-row'>
            <Text className='ticket-row-label'>领取时间</Text>
            <Text className='ticket-row-value'>{formatDateTime(voucher.createdAt)}</Text>
          </View>
        </View>
      </View>

      {live && (
        <View className='card ticket-rules'>
          <Text className='ticket-rules-text'>入园时向工作人员出示此二维码，扫码核销后即享优惠。卡券与您本人绑定，每张只能使用一次，请勿转发或截图给他人。</Text>
        </View>
      )}
      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      {live && (
        <ActionButton kind='secondary' className='ticket-cancel' disabled={busy} onClick={cancel}>
          {busy ? '正在作废…' : '作废此卡券'}
        </ActionButton>
      )}
    </>
  )
}

const gate = { realName: true } as const

export default function VoucherPage() {
  const id = useRouter().params.id ?? ''
  const { scope } = useGate(gate)
  const remote = useQuery(scope && id ? `voucher|${scope}|${id}` : null, () => loadVoucher(id), { topics: ['vouchers'] })
  const [changed, setChanged] = useState<Voucher | null>(null)

  return (
    <PageShell
      name='voucher'
      gate={gate}
      what='出示卡券'
      query={remote}
      skeleton={{ cards: 1, lines: 6, label: '正在加载卡券' }}
      errorTitle='卡券暂时无法显示'
      // Not found (or another account's): trying again will not help; the list of one's own will.
      notFound={{
        title: '卡券不存在或无权查看',
        description: '这张卡券可能属于其他账号，或链接有误。您领取的卡券都在“我的卡券”中。',
        actionText: '查看我的卡券',
        onAction: () => openPage(incentiveRoutes.vouchers),
      }}
    >
      {(loaded) => <VoucherView voucher={changed && changed.id === loaded.id ? changed : loaded} onChange={setChanged} />}
    </PageShell>
  )
}
