// 扫码核销 (scenic-spot verifiers): scan the visitor's QR code (mini-program) or type its code; the
// voucher is redeemed once and the answer shows big: the benefit, the masked holder and the time,
// or exactly why not (a second scan says when and where it was used).
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { holderForCheck } from '../../../../domain/mask'
import { formatDateTime, formatVisitDate } from '../../../../features/incentives/dates'
import { toApiError } from '../../../../services/api-error'
import { newIdempotencyKey } from '../../../../services/http'
import { verifyVoucher, type VerifiedVoucher } from '../../../../services/incentives-api'
import { useAuthStore } from '../../../../stores/auth'
import CodeEntry from '../../components/code-entry'
import ResultCard from '../../components/result-card'
import { verifyFailureTitle } from '../../labels'
import PageShell from '../../../../components/page-shell'
import '../staff.scss'

type Result = { ok: true; voucher: VerifiedVoucher } | { ok: false; code: string; errorCode: string; message: string }

function Verify() {
  const user = useAuthStore((s) => s.user)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)

  const verify = async (code: string) => {
    setBusy(true)
    setResult(null)
    try {
      // A key per scan: a network retry of this scan gets its own answer back, not "already used".
      const voucher = await verifyVoucher(code, newIdempotencyKey())
      setResult({ ok: true, voucher })
      return true
    } catch (e) {
      const err = toApiError(e)
      setResult({ ok: false, code, errorCode: err.code, message: err.message })
      return false
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <View className='card staff-head'>
        <Text className='staff-head-caption'>核销点</Text>
        <Text className='staff-head-org'>{user?.orgName ?? '合作景区'}</Text>
        <Text className='staff-head-who'>核验员 {user?.name ?? ''}</Text>
      </View>

      {result?.ok === true && (
        <ResultCard
          ok
          title='核销成功'
          message={`${result.voucher.benefit.name}：${result.voucher.benefit.detail}`}
          rows={[
            // Masked by the server already; masked again here so a full name can never reach the screen.
            { label: '持券人', value: holderForCheck(result.voucher.holder, null).name },
            { label: '身份证后四位', value: result.voucher.holderIdLast4 },
            { label: '景区', value: result.voucher.spot },
            { label: '游览日期', value: formatVisitDate(result.voucher.visitDate) },
            { label: '核销时间', value: formatDateTime(result.voucher.usedAt) },
            { label: '卡券码', value: result.voucher.code },
          ]}
        />
      )}
      {result?.ok === false && <ResultCard ok={false} title={verifyFailureTitle(result.errorCode)} message={result.message} rows={[{ label: '卡券码', value: result.code }]} />}

      <CodeEntry codeName='卡券码' scanText='扫码核销' submitText='核销' busy={busy} onCode={verify} placeholder='卡券码和动态码，如 K7QM-2XRD-9PTA-482913' />
      <Text className='staff-note'>
        请游客出示身份证，核对姓名首尾字和身份证号后四位与“持券人”一致。二维码每 30 秒刷新，截图无效；手动输入时请同时输入卡券码和其下方的 6 位动态码。每张卡券只能核销一次，核销记录会告知持券人。
      </Text>
    </>
  )
}

const gate = { role: 'verifier' } as const

export default function VerifyPage() {
  return (
    <PageShell name='staff-verify' gate={gate} who='合作景区核验员'>
      <Verify />
    </PageShell>
  )
}
