// 信易租 claim: 申请免押 gives a deposit-free grant whose code the user shows the partner; the
// partner may check it only while the user authorises them (授权管理).
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { grantClaim } from '../../../../features/incentives/claim-form'
import { authorizationsUrl, incentiveRoutes } from '../../../../features/incentives/routes'
import { toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import type { ClaimResult, Grant, Incentive } from '../../../../services/incentives-api'
import { discard, retryNow, submit as send } from '../../../../services/outbox/runner'
import { liveItemOf, useOutboxStore } from '../../../../services/outbox/store'
import { useAuthStore } from '../../../../stores/auth'
import './index.scss'

export default function GrantClaim({ incentive }: { incentive: Incentive }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [grant, setGrant] = useState<Grant | null>(null)
  const ownerId = useAuthStore((s) => s.user?.id ?? null)
  const actingFor = useAuthStore((s) => s.actingFor)
  const input = ownerId ? grantClaim(ownerId, actingFor, incentive) : null
  const live = useOutboxStore((s) => (input?.formKey ? liveItemOf(input.formKey)(s) : undefined))

  const submit = async () => {
    if (busy || !incentive.eligible || !input) return
    setBusy(true)
    setError(null)
    try {
      // An application still waiting goes again under its key, never as a second one.
      const again = live && live.status === 'pending' ? retryNow(live.id) : null
      const outcome = await (again ?? send(input))
      if (outcome.status === 'done') {
        const res = outcome.data as ClaimResult
        if (res.kind === 'grant') {
          setGrant(res.grant)
          toast('免押资格已生效', 'success')
        }
      } else {
        if (outcome.status === 'failed') discard(outcome.item.id)
        setError(outcome.error.message)
      }
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  if (grant) {
    return (
      <View className='card grant-claim' role='status'>
        <Text className='section-title'>免押资格已生效</Text>
        <Text className='grant-claim-label'>免押资格码</Text>
        <Text className='grant-claim-code'>{grant.code}</Text>
        <Text className='grant-claim-hint'>
          办理时向{grant.partner}出示此资格码。合作方只有在您授权后才能查验，请先在“授权管理”中授权；有效期至 {grant.validUntil}。
        </Text>
        <ActionButton onClick={() => openPage(authorizationsUrl(incentive.id))}>授权合作方查验</ActionButton>
        <ActionButton kind='text' className='grant-claim-more' onClick={() => openPage(incentiveRoutes.grants)}>
          查看我的免押资格
        </ActionButton>
      </View>
    )
  }

  return (
    <View className='card grant-claim'>
      <Text className='section-title'>申请免押资格</Text>
      <Text className='grant-claim-hint'>
        申请后获得免押资格码，凭码在合作方办理免押{incentive.depositWaived ? `（免交 ${incentive.depositWaived}）` : ''}。合作方查验前需要您另行授权，您可随时撤销。
      </Text>
      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      <ActionButton disabled={busy || !incentive.eligible} onClick={submit}>
        {busy ? '申请中…' : error ? '重新申请' : '申请免押'}
      </ActionButton>
      {!incentive.eligible && <Text className='grant-claim-hint grant-claim-center'>暂不符合申请条件，原因见上方</Text>}
    </View>
  )
}
