// 信用报告: what a report is and how often it is free, the way to a new one (for an enterprise also
// the 专项信用报告 that replaces 无违法违规证明), and the subject's reports, newest first (cursor pages;
// a request sent from the generate page invalidates the list).
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { REPORT_VALID_DAYS, REPORTS_PER_DAY, REPORTS_PER_YEAR } from '../../../../domain/policy'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage, routes, withQuery } from '../../../../platform/navigation'
import { fetchReports } from '../../../../services/reports-api'
import ReportCard from '../../components/report-card'
import reportIcon from '../../../../assets/icons/report.svg'
import './index.scss'

const gate = { realName: true } as const

function Intro({ enterprise }: { enterprise: boolean }) {
  return (
    <>
      <View className='card reports-intro'>
        <Text className='reports-intro-title'>公共信用信息报告</Text>
        <Text className='reports-intro-text'>
          载明{enterprise ? '企业' : '本人'}的全部公共信用信息、每条信息的来源与变更经过、信用分及其构成，加盖电子签章，任何人可凭报告编号和核验码核验真伪。
        </Text>
        <View className='reports-facts'>
          <Text className='tag tag-accent'>每年免费 {REPORTS_PER_YEAR} 份</Text>
          <Text className='tag tag-muted'>每天最多 {REPORTS_PER_DAY} 份</Text>
          <Text className='tag tag-muted'>有效期 {REPORT_VALID_DAYS} 天</Text>
        </View>
        <ActionButton className='reports-generate' onClick={() => openPage(withQuery(routes.reportGenerate, { kind: 'full' }))}>
          生成信用报告
        </ActionButton>
        {enterprise && (
          <ActionButton kind='secondary' className='reports-generate' onClick={() => openPage(withQuery(routes.reportGenerate, { kind: 'special' }))}>
            生成专项信用报告（代替无违法违规证明）
          </ActionButton>
        )}
        <View className='reports-verify link' role='link' onClick={() => openPage(routes.reportVerify)}>
          核验一份信用报告 ›
        </View>
      </View>
      <Text className='section-title reports-list-title'>我的报告</Text>
    </>
  )
}

export default function ReportsPage() {
  const { scope, enterprise } = useGate(gate)
  const list = useCursorQuery(scope && `reports|${scope}`, (cursor) => fetchReports(cursor), { topics: ['reports'] })

  return (
    <PageShell
      name='reports'
      gate={gate}
      what='生成和查看信用报告'
      subject
      query={list}
      top={<Intro enterprise={Boolean(enterprise)} />}
      skeleton={{ cards: 2, label: '正在加载信用报告' }}
      errorTitle='信用报告加载失败'
      empty={{ icon: reportIcon, title: '还没有生成过信用报告', description: '点击上方“生成信用报告”，约一分钟内即可下载。' }}
      endText={(n) => `已显示全部 ${n} 份报告`}
    >
      {(reports) => reports.map((r) => <ReportCard key={r.id} report={r} />)}
    </PageShell>
  )
}
