// One report as its reporter follows it: 已提交 → 已受理 → 核查中 → 已办结, each with its time or due
// date, and the reply once concluded.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import CaseSteps from '../../../../components/case-steps'
import { REPORT_STATUS_TAG, chinaTime } from '../../../../features/cases/labels'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { readParam } from '../../../../platform/navigation'
import { fetchReport, type DishonestyReport } from '../../../../services/cases-api'
import '../../cases.scss'

const gate = { login: true } as const

export default function ReportPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `report|${scope}|${id}` : null, () => fetchReport(id), { topics: ['cases'], refetchOnShow: true })
  if (!id) {
    return (
      <PageShell name='cases'>
        <StateView error title='未指定举报' />
      </PageShell>
    )
  }
  return (
    <PageShell name='cases' gate={gate} what='查看举报' query={q} skeleton={{ cards: 2, lines: 4, label: '正在加载举报' }} errorTitle='加载失败'>
      {(r) => <Report r={r} />}
    </PageShell>
  )
}

function Report({ r }: { r: DishonestyReport }) {
  return (
    <View>
      <View className='card cases-item'>
        <View className='cases-head'>
          <Text className='cases-title'>{r.enterpriseName ?? '被举报企业'}</Text>
          <Text className={`tag ${REPORT_STATUS_TAG[r.status]}`}>{r.status}</Text>
        </View>
        <View className='cases-row'><Text className='cases-row-label'>统一社会信用代码</Text><Text className='cases-row-value'>{r.uscc}</Text></View>
        <View className='cases-row'><Text className='cases-row-label'>举报类别</Text><Text className='cases-row-value'>{r.categoryLabel}</Text></View>
        <View className='cases-row'><Text className='cases-row-label'>提交时间</Text><Text className='cases-row-value'>{chinaTime(r.filedAt)}</Text></View>
        <View className='cases-row'><Text className='cases-row-label'>证据材料</Text><Text className='cases-row-value'>{r.attachments.length ? `${r.attachments.length} 个文件` : '无'}</Text></View>
        <Text className='cases-text'>{r.description}</Text>
      </View>

      {r.reply && (
        <View className='card cases-item cases-reply' role='status'>
          <Text className='section-title'>办结答复：{r.outcomeLabel}</Text>
          <Text className='cases-text'>{r.reply}</Text>
        </View>
      )}

      <View className='card cases-item'>
        <Text className='section-title'>办理进度</Text>
        <CaseSteps steps={r.steps} />
        {r.dueDateEstimated && <Text className='muted'>期限按法定节假日推算，以国务院公布的安排为准</Text>}
      </View>
      <Text className='muted cases-center'>举报人信息严格保密，进度变化会通知到消息中心</Text>
    </View>
  )
}
