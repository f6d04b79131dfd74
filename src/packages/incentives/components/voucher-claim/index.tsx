// 信易游 claim: pick a benefit and a visit date (today … today + the booking window), then claim.
// The choice is kept across a restart; one idempotency key covers every retry of the same choice.
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { VOUCHER_BOOKING_WINDOW_DAYS } from '../../../../domain/policy'
import { draftOf, useClaimDraftStore } from '../../../../features/incentives/claim-draft'
import { bookableDate, bookingWindow, chinaToday, formatVisitDate } from '../../../../features/incentives/dates'
import { voucherUrl } from '../../../../features/incentives/routes'
import { toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { claimVoucher, type Incentive } from '../../../../services/incentives-api'
import './index.scss'

export default function VoucherClaim({ incentive }: { incentive: Incentive }) {
  const draft = useClaimDraftStore(draftOf(incentive.id))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Read the clock on each render: a page left open past the last entry stops offering today.
  const now = new Date()
  const range = bookingWindow(now, incentive.hours)
  const closedToday = range.start !== chinaToday(now)
  const benefit = incentive.benefits.find((b) => b.code === draft.benefit) ?? incentive.benefits[0]
  const visitDate = bookableDate(draft.visitDate, now, incentive.hours)

  // A kept date that has passed is replaced by today (and so is a new attempt).
  useEffect(() => {
    if (draft.visitDate && draft.visitDate !== visitDate) useClaimDraftStore.getState().edit(incentive.id, { visitDate })
  }, [draft.visitDate, visitDate, incentive.id])

  const edit = (change: { benefit?: string; visitDate?: string }) => {
    setError(null)
    useClaimDraftStore.getState().edit(incentive.id, { benefit: benefit?.code ?? null, visitDate, ...change })
  }

  const submit = async () => {
    if (busy || !benefit || !incentive.eligible) return
    const store = useClaimDraftStore.getState()
    // Pin the choice on screen before taking the key: the key belongs to exactly this choice.
    store.edit(incentive.id, { benefit: benefit.code, visitDate })
    const key = store.keyFor(incentive.id)
    setBusy(true)
    setError(null)
    try {
      const res = await claimVoucher(incentive.id, { visitDate, benefit: benefit.code }, key)
      useClaimDraftStore.getState().done(incentive.id)
      if (res.kind === 'voucher') {
        toast('领取成功', 'success')
        openPage(voucherUrl(res.voucher.id))
      }
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  if (!incentive.eligible) {
    return (
      <View className='card claim'>
        <Text className='section-title'>领取信易游卡券</Text>
        <Text className='claim-hint claim-hint-first'>信用等级达到要求或列入守信红名单后，即可在这里选择优惠和游览日期，领取卡券。</Text>
        <ActionButton disabled>领取卡券</ActionButton>
        <Text className='claim-hint claim-hint-center'>暂不符合领取条件，原因见上方</Text>
      </View>
    )
  }

  return (
    <View className='card claim'>
      <Text className='section-title'>领取信易游卡券</Text>
      <Text className='field-label'>选择优惠</Text>
      <View className='claim-options' role='radiogroup' aria-label='选择优惠'>
        {incentive.benefits.map((b) => {
          const on = b.code === benefit?.code
          return (
            <View
              key={b.code}
              className={`claim-option ${on ? 'claim-option-on' : ''}`}
              role='radio'
              aria-checked={on}
              data-benefit={b.code}
              onClick={() => edit({ benefit: b.code })}
            >
              <View className={`claim-radio ${on ? 'claim-radio-on' : ''}`} />
              <View className='claim-option-text'>
                <Text className='claim-option-name'>{b.name}</Text>
                <Text className='claim-option-detail'>{b.detail}</Text>
              </View>
            </View>
          )
        })}
      </View>

      <Text className='field-label'>游览日期</Text>
      <Picker mode='date' value={visitDate} start={range.start} end={range.end} onChange={(e) => edit({ visitDate: String(e.detail.value) })}>
        <View className='field-box claim-date' role='button' aria-label={`游览日期：${formatVisitDate(visitDate)}，点击修改`}>
          <Text className='claim-date-text'>{formatVisitDate(visitDate)}</Text>
          <Text className='claim-date-change'>修改 ›</Text>
        </View>
      </Picker>
      {closedToday && incentive.hours && (
        <Text className='claim-hint claim-closed'>
          今天已过最晚入园时间（{incentive.hours.lastEntry}），不能再领取今天的卡券，最早可预约明天。
        </Text>
      )}
      <Text className='claim-hint'>
        {closedToday ? '可预约明天起' : '可预约今天起'} {VOUCHER_BOOKING_WINDOW_DAYS} 天内的日期；卡券仅限所选日期当天使用，每张只能使用一次。
        {incentive.hours ? `入园时间 ${incentive.hours.opens ?? ''}–${incentive.hours.lastEntry}。` : ''}
      </Text>

      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      <ActionButton className='claim-submit' disabled={busy} onClick={submit}>
        {busy ? '领取中…' : error ? '重新领取' : '领取卡券'}
      </ActionButton>
    </View>
  )
}
