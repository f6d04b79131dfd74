// 免押资格查验 (rental partners): the partner scans or types the user's grant code and sees whether
// the deposit may be waived now, for whom (masked) and why; without the user's authorisation the
// server refuses and says so.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError } from '../../../../services/api-error'
import { checkGrant, type GrantCheck } from '../../../../services/incentives-api'
import { useAuthStore } from '../../../../stores/auth'
import CodeEntry from '../../components/code-entry'
import ResultCard from '../../components/result-card'
import { grantFailureTitle } from '../../labels'
import PageShell from '../../../../components/page-shell'
import '../staff.scss'

type Result = { ok: true; check: GrantCheck } | { ok: false; code: string; errorCode: string; message: string }

function GrantCheckForm() {
  const user = useAuthStore((s) => s.user)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)

  const check = async (code: string) => {
    setBusy(true)
    setResult(null)
    try {
      setResult({ ok: true, check: await checkGrant(code) })
      return true
    } catch (e) {
      const err = toApiError(e)
      setResult({ ok: false, code, errorCode: err.code, message: err.message })
      return false
    } finally {
      setBusy(false)
    }
  }

  const c = result?.ok ? result.check : null
  return (
    <>
      <View className='card staff-head'>
        <Text className='staff-head-caption'>查验机构</Text>
        <Text className='staff-head-org'>{user?.orgName ?? '合作机构'}</Text>
        <Text className='staff-head-who'>经办人 {user?.name ?? ''}</Text>
      </View>

      {c && (
        <ResultCard
          ok={c.depositFree}
          title={c.depositFree ? '可以免押' : '不能免押'}
          message={c.depositFree ? `${c.name}：免交押金 ${c.depositWaived ?? ''}` : c.reasons.join('；') || c.statusText}
          rows={[
            { label: '持有人', value: c.holder },
            { label: '资格状态', value: c.statusText },
            { label: '有效期至', value: c.validUntil },
            { label: '使用限制', value: c.limits },
            { label: '依据', value: c.depositFree ? c.reasons.join('；') : null },
            { label: '资格码', value: c.code },
          ]}
        />
      )}
      {result?.ok === false && <ResultCard ok={false} title={grantFailureTitle(result.errorCode)} message={result.message} rows={[{ label: '资格码', value: result.code }]} />}

      <CodeEntry codeName='免押资格码' scanText='扫码查验' submitText='查验' busy={busy} onCode={check} />
      <Text className='staff-note'>仅在用户授权期间可以查验；每次查验都会记入用户的查询记录。</Text>
    </>
  )
}

const gate = { role: 'rental_partner' } as const

export default function GrantCheckPage() {
  return (
    <PageShell name='staff-grant-check' gate={gate} who='信易租合作机构工作人员'>
      <GrantCheckForm />
    </PageShell>
  )
}
