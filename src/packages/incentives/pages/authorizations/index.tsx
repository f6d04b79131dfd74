// 授权管理: which partners may check the user's 信易租 grants, until when; a new authorisation for
// a grant for a chosen time; revoking one, which the partner's next check feels at once.
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import StateView from '../../../../components/state-view'
import { formatDateTime } from '../../../../features/incentives/dates'
import { AUTHORIZATION_DURATIONS, authorizationTone } from '../../../../features/incentives/labels'
import { incentiveRoutes } from '../../../../features/incentives/routes'
import { confirm, toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { newIdempotencyKey } from '../../../../services/http'
import {
  createAuthorization,
  fetchAuthorizations,
  fetchGrants,
  revokeAuthorization,
  type Authorization,
  type Grant,
} from '../../../../services/incentives-api'
import PageShell from '../../../../components/page-shell'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import keyIcon from '../../../../assets/icons/key.svg'
import './index.scss'

const DEFAULT_DURATION = AUTHORIZATION_DURATIONS.findIndex((d) => d.days === 30)

function NewAuthorization({ grants, preferred, onCreated }: { grants: Grant[]; preferred?: string; onCreated: (a: Authorization) => void }) {
  const [grantIndex, setGrantIndex] = useState(() => Math.max(0, grants.findIndex((g) => g.incentiveId === preferred)))
  const [durationIndex, setDurationIndex] = useState(DEFAULT_DURATION)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** one key per attempt: the same choice retried keeps it, a changed choice gets a new one */
  const attempt = useRef<{ body: string; key: string } | null>(null)

  if (grants.length === 0) {
    return (
      <View className='card'>
        <Text className='section-title'>新增授权</Text>
        <Text className='auth-hint'>您还没有有效的免押资格。先在信易租中申请免押资格，再授权合作方查验。</Text>
        <ActionButton kind='secondary' onClick={() => openPage(incentiveRoutes.grants)}>
          查看免押资格
        </ActionButton>
      </View>
    )
  }

  const grant = grants[Math.min(grantIndex, grants.length - 1)]
  const duration = AUTHORIZATION_DURATIONS[durationIndex]

  const submit = async () => {
    if (busy) return
    const body = `${grant.incentiveId}|${duration.days}`
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() }
    setBusy(true)
    setError(null)
    try {
      onCreated(await createAuthorization(grant.incentiveId, duration.days, attempt.current.key))
      attempt.current = null
      toast('已授权', 'success')
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card'>
      <Text className='section-title'>新增授权</Text>
      <Text className='field-label'>授权哪项免押资格</Text>
      <Picker mode='selector' range={grants.map((g) => `${g.name}（${g.partner}）`)} value={grantIndex} onChange={(e) => setGrantIndex(Number(e.detail.value))}>
        <View className='field-box auth-pick' role='button' aria-label={`授权项目：${grant.name}，点击修改`}>
          <Text className='auth-pick-text'>{grant.name}</Text>
          <Text className='auth-pick-change'>修改 ›</Text>
        </View>
      </Picker>
      <Text className='auth-partner'>被授权方：{grant.partner}</Text>

      <Text className='field-label'>授权期限</Text>
      <Picker mode='selector' range={AUTHORIZATION_DURATIONS.map((d) => d.label)} value={durationIndex} onChange={(e) => setDurationIndex(Number(e.detail.value))}>
        <View className='field-box auth-pick' role='button' aria-label={`授权期限：${duration.label}，点击修改`}>
          <Text className='auth-pick-text'>{duration.label}</Text>
          <Text className='auth-pick-change'>修改 ›</Text>
        </View>
      </Picker>
      <Text className='auth-hint'>授权期间，{grant.partner}可查验您的免押资格（等级是否达标、免押额度、有效期），不能查看您的信用记录。每次查验都会记入您的查询记录，您可随时撤销。</Text>

      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      <ActionButton disabled={busy} onClick={submit}>
        {busy ? '正在授权…' : '同意授权'}
      </ActionButton>
    </View>
  )
}

function AuthorizationCard({ item, onRevoked }: { item: Authorization; onRevoked: (a: Authorization) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const revoke = async () => {
    const ok = await confirm('撤销授权', `撤销后，${item.partner}将不能再查验您的免押资格。确定撤销吗？`, '撤销', { destructive: true })
    if (!ok) return
    setBusy(true)
    setError(null)
    try {
      onRevoked(await revokeAuthorization(item.id))
      toast('已撤销授权')
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className={`card auth ${item.status === 'active' ? '' : 'auth-off'}`} data-authorization={item.id}>
      <View className='auth-head'>
        <View className='auth-title-box'>
          <Text className='auth-partner-name'>{item.partner}</Text>
          <Text className='auth-service'>{item.service}</Text>
        </View>
        <Text className={`tag tag-${authorizationTone(item.status)}`}>{item.statusText}</Text>
      </View>
      <Text className='auth-scope'>授权内容：{item.scope}</Text>
      <View className='auth-times'>
        <Text className='auth-time'>授权时间 {formatDateTime(item.createdAt)}</Text>
        <Text className='auth-time'>
          {item.revokedAt ? `撤销时间 ${formatDateTime(item.revokedAt)}` : `${item.status === 'expired' ? '已于' : '有效至'} ${formatDateTime(item.expiresAt)}`}
        </Text>
      </View>
      {error && (
        <View className='form-error auth-error' role='alert'>
          {error}
        </View>
      )}
      {item.status === 'active' && (
        <View className='auth-actions'>
          <ActionButton kind='secondary' small className='auth-revoke' disabled={busy} onClick={revoke}>
            {busy ? '正在撤销…' : '撤销授权'}
          </ActionButton>
        </View>
      )}
    </View>
  )
}

const gate = { realName: true } as const

export default function AuthorizationsPage() {
  const preferred = useRouter().params.incentiveId
  const { scope } = useGate(gate)
  const remote = useQuery(scope && `authorizations|${scope}`, async () => {
    const [auths, grants] = await Promise.all([fetchAuthorizations(), fetchGrants()])
    return { auths: auths.items, grants: grants.items.filter((g) => g.status === 'active') }
  }, { topics: ['grants'] })
  return (
    <PageShell name='authorizations' gate={gate} what='管理授权' query={remote} skeleton={{ cards: 2, lines: 4, label: '正在加载授权' }} errorTitle='授权信息暂时无法加载'>
      {(data) => <Authorizations loaded={data.auths} grants={data.grants} preferred={preferred} />}
    </PageShell>
  )
}

/** The list as loaded, then as changed here (a new authorisation on top, a revoked one in place). */
function Authorizations({ loaded, grants, preferred }: { loaded: Authorization[]; grants: Grant[]; preferred?: string }) {
  const [items, setItems] = useState<Authorization[]>(loaded)
  useEffect(() => setItems(loaded), [loaded])
  const replace = (a: Authorization) => setItems((list) => list.map((x) => (x.id === a.id ? a : x)))
  const add = (a: Authorization) => setItems((list) => [a, ...list.filter((x) => x.id !== a.id)])
  return (
    <>
      <NewAuthorization grants={grants} preferred={preferred} onCreated={add} />
      <Text className='section-title auth-list-title'>我的授权</Text>
      {items.length === 0 ? (
        <StateView icon={keyIcon} title='还没有授权任何合作方' description='授权后，合作方才能在办理时查验您的免押资格。' />
      ) : (
        items.map((a) => <AuthorizationCard key={a.id} item={a} onRevoked={replace} />)
      )}
    </>
  )
}
