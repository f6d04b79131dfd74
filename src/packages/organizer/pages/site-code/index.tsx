// 现场签到码 (organizer): the task's check-in code as a QR and 6 digits that change every 30 seconds
// (a photo sent to a friend is useless a minute later); citizens scan it to check in and out.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import PageShell from '../../../../components/page-shell'
import QrCode from '../../../../components/qr-code'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import { formatChinaDateTime } from '../../../../domain/dates'
import { DateTime } from '../../../../features/public-service/components/task-card'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { readParam } from '../../../../platform/navigation'
import { fetchSiteCode, fetchTaskAttendees, type SiteCode } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

const gate = { role: 'organizer' } as const

/** What the QR carries: a marker, so the citizen's scanner knows it is a 公益签到 code, and the digits. */
const siteQrValue = (code: string) => `CPSVC:${code}`

/** The current code, fetched again when its window ends; seconds left on the server's clock. */
function useSiteCode(taskId: string) {
  const [code, setCode] = useState<(SiteCode & { offset: number }) | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const loading = useRef(false)

  const load = async () => {
    if (loading.current) return
    loading.current = true
    try {
      const c = await fetchSiteCode(taskId)
      setCode({ ...c, offset: Date.parse(c.serverTime) - Date.now() })
      setError(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : '签到码暂时无法显示')
    } finally {
      loading.current = false
    }
  }
  useEffect(() => {
    void load()
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [taskId])
  const left = code ? Math.ceil((Date.parse(code.expiresAt) - (now + code.offset)) / 1000) : 0
  useEffect(() => {
    if (code && left <= 0) void load()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [code, left <= 0])
  return { code, error, secondsLeft: Math.max(0, left), retry: load }
}

function SiteCodeView({ taskId }: { taskId: string }) {
  const { scope } = useGate(gate)
  // the task page's query: its title is already in the cache when opened from there
  const task = useQuery(scope && `org-task|${scope}|${taskId}`, () => fetchTaskAttendees(taskId), { topics: ['service'] })
  const { code, error, secondsLeft, retry } = useSiteCode(taskId)
  if (error && !code) return <StateView error icon={inboxIcon} title='签到码暂时无法显示' description={error} actionText='重试' onAction={() => void retry()} />
  if (!code) return <Skeleton cards={1} lines={6} label='正在生成签到码' />
  const t = task.data?.task
  return (
    <View className='card'>
      {t && <Text className='ps-task-title ps-center'>{t.title}</Text>}
      {t && (
        <Text className='ps-center muted'>
          <Text className='ps-nowrap'>签到：<DateTime iso={t.checkIn.opens} /> 起</Text>　<Text className='ps-nowrap'>签退至：{formatChinaDateTime(t.checkOut.closes).slice(11)}</Text>
        </Text>
      )}
      <View className='ps-qr'>
        <QrCode value={siteQrValue(code.code)} label={`现场签到二维码，签到码 ${code.code.split('').join(' ')}`} />
      </View>
      <Text className='ps-code' aria-label={`签到码 ${code.code.split('').join(' ')}`}>{`${code.code.slice(0, 3)} ${code.code.slice(3)}`}</Text>
      <Text className='ps-center muted' aria-live='polite'>{secondsLeft} 秒后刷新</Text>
      {error && <Text className='form-error ps-center'>{error}</Text>}
      <Text className='ps-note'>请参与者在“公益任务 → 扫码签到 / 签退”中扫描此码，或输入下方 6 位数字。签到码每 30 秒变化，截图、转发无效。签到、签退后，请在报名名单中确认每人的服务时长。</Text>
    </View>
  )
}

export default function SiteCodePage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  return (
    <PageShell name='org-site-code' gate={id ? gate : undefined} what='出示签到码' who='公益组织者' pullToRefresh={false}>
      {id ? <SiteCodeView taskId={id} /> : <StateView icon={inboxIcon} title='没有指定任务' description='请从任务页面打开签到码。' />}
    </PageShell>
  )
}
