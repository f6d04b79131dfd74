// 核验码查验 (library, hospital and 信用办 counters): scan or type the code a citizen shows for 信易阅 /
// 信易医 / 绿色通道; the answer says whether they qualify now, for whom (陈*远 and the ID's last 4,
// to compare with their ID card) and why. A screenshot's old code is refused; every check is logged.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatDateTime } from '../../../../features/incentives/dates'
import { toApiError } from '../../../../services/api-error'
import { checkCounterPass, type PassCheck } from '../../../../services/incentives-api'
import { useAuthStore } from '../../../../stores/auth'
import CodeEntry from '../../components/code-entry'
import ResultCard from '../../components/result-card'
import { passFailureTitle } from '../../labels'
import PageShell from '../../../../components/page-shell'
import '../staff.scss'

type Result = { ok: true; check: PassCheck } | { ok: false; code: string; errorCode: string; message: string }

function PassCheckForm() {
  const user = useAuthStore((s) => s.user)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)

  const check = async (code: string) => {
    setBusy(true)
    setResult(null)
    try {
      setResult({ ok: true, check: await checkCounterPass(code) })
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
        <Text className='staff-head-caption'>服务窗口</Text>
        <Text className='staff-head-org'>{user?.orgName ?? '服务窗口'}</Text>
        <Text className='staff-head-who'>经办人 {user?.name ?? ''}</Text>
      </View>

      {c && (
        <ResultCard
          ok={c.eligible}
          title={c.eligible ? '符合条件' : '暂不符合'}
          message={c.title}
          rows={[
            { label: '持有人', value: c.holder },
            { label: '身份证后四位', value: c.holderIdLast4 },
            { label: '信用等级', value: c.level },
            { label: c.eligible ? '依据' : '原因', value: c.reasons.join('；') },
            { label: '查验时间', value: formatDateTime(c.checkedAt) },
          ]}
        />
      )}
      {result?.ok === false && <ResultCard ok={false} title={passFailureTitle(result.errorCode)} message={result.message} rows={[{ label: '核验码', value: result.code }]} />}

      <CodeEntry codeName='核验码' scanText='扫码查验' submitText='查验' busy={busy} onCode={check} placeholder='核验码和动态码，如 K7QM-2XRD-9PTA-482913' />
      <Text className='staff-note'>请对方出示身份证，核对姓名首尾字和身份证号后四位。核验码每 30 秒刷新，截图无效。每次查验都会记入对方的查询记录。</Text>
    </>
  )
}

const gate = { role: ['counter', 'officer'] } as const

export default function PassCheckPage() {
  return (
    <PageShell name='staff-pass-check' gate={gate} who='服务窗口工作人员'>
      <PassCheckForm />
    </PageShell>
  )
}
