// 信易游 claim: pick a benefit and a visit date (today … today + the booking window), then claim.
// The choice is a form draft and the claim an outbox item: both survive a restart, and an
// unanswered claim is sent again (by itself or on 重新领取) under its one Idempotency-Key.
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { VOUCHER_BOOKING_WINDOW_DAYS } from '../../../../domain/policy'
import { EMPTY_CLAIM, claimFormKey, voucherClaim, type ClaimDraft } from '../../../../features/incentives/claim-form'
import { bookableDate, bookingWindow, chinaToday, formatVisitDate } from '../../../../features/incentives/dates'
import { voucherUrl } from '../../../../features/incentives/routes'
import { toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import type { Incentive } from '../../../../services/incentives-api'
import { discard, kick, retryNow, submit as send } from '../../../../services/outbox/runner'
import { itemById, liveItemOf, useOutboxStore } from '../../../../services/outbox/store'
import { useFormDraft } from '../../../../services/outbox/use-form-draft'
import { useAuthStore } from '../../../../stores/auth'
import './index.scss'

export default function VoucherClaim({ incentive }: { incentive: Incentive }) {
  const ownerId = useAuthStore((s) => s.user?.id ?? null)
  const actingFor = useAuthStore((s) => s.actingFor)
  const formKey = ownerId ? claimFormKey(ownerId, incentive.id) : null
  const form = useFormDraft<ClaimDraft>(formKey, ownerId, EMPTY_CLAIM)
  const draft = form.data
  const { update } = form
  const live = useOutboxStore((s) => (formKey ? liveItemOf(formKey)(s) : undefined))
  const waiting = live?.status === 'pending' || live?.status === 'sending'
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const busyRef = useRef(false)
  const [watchId, setWatchId] = useState<string | null>(null)
  const watched = useOutboxStore(itemById(watchId))
  // Read the clock on each render: a page left open past the last entry stops offering today.
  const now = new Date()
  const range = bookingWindow(now, incentive.hours)
  const closedToday = range.start !== chinaToday(now)
  const benefit = incentive.benefits.find((b) => b.code === draft.benefit) ?? incentive.benefits[0]
  const visitDate = bookableDate(draft.visitDate, now, incentive.hours)

  // A kept date that has passed is replaced by today (and so is a new attempt).
  useEffect(() => {
    if (draft.visitDate && draft.visitDate !== visitDate) update({ visitDate })
  }, [draft.visitDate, visitDate, update])

  // A claim left waiting by an earlier visit: watch it (the outbox may answer while this is open).
  const liveId = live?.id
  useEffect(() => {
    if (waiting && liveId) {
      setWatchId(liveId)
      kick()
    }
  }, [waiting, liveId])
  useEffect(() => {
    if (watched?.status === 'done' && watched.resultId) {
      toast('领取成功', 'success')
      openPage(voucherUrl(watched.resultId))
      setWatchId(null)
    }
  }, [watched?.status, watched?.resultId])

  const edit = (change: { benefit?: string; visitDate?: string }) => {
    if (live?.status === 'sending') return
    setError(null)
    // Another choice is another claim: the waiting one (sent under the old choice's key) goes.
    if (live) discard(live.id)
    form.update({ benefit: benefit?.code ?? null, visitDate, ...change })
  }

  const submit = async () => {
    if (busyRef.current || !benefit || !incentive.eligible || !ownerId) return
    busyRef.current = true
    // Pin the choice on screen: the item and its key belong to exactly this choice.
    form.update({ benefit: benefit.code, visitDate })
    setBusy(true)
    setError(null)
    try {
      const again = waiting && live ? retryNow(live.id) : null
      const outcome = await (again ?? send(voucherClaim(ownerId, actingFor, incentive, { benefit: benefit.code, visitDate })))
      setWatchId(outcome.item.id)
      if (outcome.status === 'failed') {
        // A final refusal: shown here, and the next tap is a new claim.
        discard(outcome.item.id)
        setError(outcome.error.message)
      } else if (outcome.status === 'pending') {
        setError(outcome.error.message)
      }
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      busyRef.current = false
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
      {waiting && !busy && <Text className='claim-hint claim-hint-center'>待发送：网络恢复后会自动提交，不会重复领取</Text>}
      <ActionButton className='claim-submit' disabled={busy} onClick={submit}>
        {busy ? '领取中…' : error || waiting ? '重新领取' : '领取卡券'}
      </ActionButton>
    </View>
  )
}
