// One report in 我的信用报告: which report, its state in colour and words, number and time.
import { Text, View } from '@tarojs/components'
import { formatChinaDateTime } from '../../../../domain/dates'
import { periodText, REPORT_STATUS } from '../../../../features/reports/labels'
import { openPage, routes, withQuery } from '../../../../platform/navigation'
import { REPORT_KIND_TITLES, type Report } from '../../../../services/reports-api'
import './index.scss'

export default function ReportCard({ report }: { report: Report }) {
  const status = REPORT_STATUS[report.status]
  const period = periodText(report)
  return (
    <View
      className='card report-card'
      role='link'
      aria-label={`${REPORT_KIND_TITLES[report.kind]}，${status.label}，编号 ${report.number}`}
      onClick={() => openPage(withQuery(routes.reportDetail, { id: report.id }))}
    >
      <View className='report-card-head'>
        <Text className='report-card-title'>{REPORT_KIND_TITLES[report.kind]}</Text>
        <Text className={`tag ${status.tag}`}>{status.label}</Text>
      </View>
      {period && <Text className='report-card-line'>查询期间 {period}</Text>}
      <Text className='report-card-line report-card-number'>编号 {report.number}</Text>
      <View className='report-card-foot'>
        <Text className='muted'>申请于 {formatChinaDateTime(report.createdAt)}</Text>
        <Text className='report-card-chevron'>›</Text>
      </View>
    </View>
  )
}
