// One credit report: while its PDF job runs, the progress (polled with backoff); when ready, its
// number, verification code, validity and SHA-256, and the file — opened in the mini-program (to
// forward or save), downloaded on H5; when failed, the way to ask again.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import { formatChinaDateTime } from '../../../../domain/dates'
import { periodText, REPORT_STATUS, validUntil, ymdText } from '../../../../features/reports/labels'
import { useReportProgress } from '../../../../features/reports/use-report-progress'
import { useGate } from '../../../../hooks/use-gate'
import { openPage, readParam, replacePage, routes, withQuery } from '../../../../platform/navigation'
import { DOWNLOAD_ACTION, openReportFile } from '../../../../services/report-file'
import { toApiError } from '../../../../services/api-error'
import { REPORT_KIND_TITLES, type Report } from '../../../../services/reports-api'
import warningIcon from '../../../../assets/icons/warning.svg'
import './index.scss'

const gate = { realName: true } as const
const STEPS = ['已受理申请', '生成 PDF 并加盖电子签章', '可下载、可核验']

export function Progress({ polls, error }: { polls: number; error: string | null }) {
  return (
    <View className='card rd-progress' role='status' aria-live='polite' aria-busy='true'>
      <Text className='section-title'>报告生成中</Text>
      <View className='rd-steps'>
        {STEPS.map((s, i) => (
          <View key={s} className={`rd-step ${i === 0 ? 'rd-step-done' : i === 1 ? 'rd-step-now' : ''}`}>
            <View className='rd-step-dot'>{i === 0 ? '✓' : String(i + 1)}</View>
            <Text className='rd-step-text'>
              {s}
              {i === 1 ? '…' : ''}
            </Text>
          </View>
        ))}
      </View>
      <View className='rd-bar'>
        <View className='rd-bar-fill' />
      </View>
      <Text className='muted rd-progress-note'>
        {polls > 20 ? '排队的报告较多，请稍候；' : '通常一分钟内完成；'}可以离开此页，完成后在“信用报告”中查看。
      </Text>
      {error && <Text className='form-error rd-poll-error'>暂时无法刷新进度（{error}），正在重试…</Text>}
    </View>
  )
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className='rd-row'>
      <Text className='rd-label'>{label}</Text>
      <View className='rd-value'>{children}</View>
    </View>
  )
}

function Ready({ report }: { report: Report }) {
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null)
  const period = periodText(report)
  const until = validUntil(report)

  const download = async () => {
    if (busy) return
    setBusy(true)
    setNote(null)
    try {
      setNote({ text: await openReportFile(report.id, report.number), error: false })
    } catch (e) {
      setNote({ text: toApiError(e).message, error: true })
    } finally {
      setBusy(false)
    }
  }

  const copy = () => {
    const text = `信用通${REPORT_KIND_TITLES[report.kind]}，报告编号 ${report.number}，核验码 ${report.verificationCode}。可在信用通“信用报告核验”中核验真伪。`
    void Taro.setClipboardData({ data: text }).then(
      () => setNote({ text: '已复制报告编号和核验码', error: false }),
      () => setNote({ text: '复制失败，请手动抄写报告编号和核验码', error: true }),
    )
  }

  return (
    <>
      <View className='card rd-card'>
        <View className='rd-head'>
          <Text className='rd-title'>{REPORT_KIND_TITLES[report.kind]}</Text>
          <Text className={`tag ${REPORT_STATUS.ready.tag}`}>{REPORT_STATUS.ready.label}</Text>
        </View>
        <Row label='报告编号'>
          <Text className='rd-mono'>{report.number}</Text>
        </Row>
        <Row label='核验码'>
          <Text className='rd-mono rd-code'>{report.verificationCode}</Text>
        </Row>
        <Row label='生成时间'>
          <Text>{formatChinaDateTime(report.readyAt)}</Text>
        </Row>
        {until && (
          <Row label='有效期至'>
            <Text>{ymdText(until)}</Text>
          </Row>
        )}
        {period && (
          <Row label='查询期间'>
            <Text>{period}</Text>
          </Row>
        )}
        {report.params.domains && (
          <Row label='查询领域'>
            <Text>{report.params.domains.join('、')}</Text>
          </Row>
        )}
        {report.sha256 && (
          <Row label='SHA-256'>
            <View className='rd-hash'>
              {[0, 16, 32, 48].map((i) => (
                <Text key={i} className='rd-mono rd-hash-line'>
                  {report.sha256!.slice(i, i + 16)}
                </Text>
              ))}
            </View>
          </Row>
        )}
      </View>

      <View className='rd-actions'>
        <ActionButton disabled={busy} onClick={() => void download()}>
          {busy ? '正在下载…' : DOWNLOAD_ACTION}
        </ActionButton>
        <ActionButton kind='secondary' onClick={copy}>
          复制编号和核验码
        </ActionButton>
        {note && (
          <View className={note.error ? 'form-error' : 'rd-note'} role={note.error ? 'alert' : 'status'}>
            {note.text}
          </View>
        )}
      </View>

      <View className='card rd-help'>
        <Text className='rd-help-title'>如何让对方核验</Text>
        <Text className='rd-help-text'>
          把 PDF 发给需要的单位即可。对方扫描报告首页的二维码，或在“信用报告核验”中输入报告编号和核验码，即可看到报告摘要和 SHA-256；也可上传 PDF 确认与原件一致。每次核验都会记入您的“查询记录”。
        </Text>
        <View className='link rd-help-link' role='link' onClick={() => openPage(withQuery(routes.reportVerify, { number: report.number }))}>
          打开核验页面 ›
        </View>
      </View>
    </>
  )
}

export default function ReportDetailPage() {
  const id = readParam(useRouter().params, 'id') ?? null
  const { scope } = useGate(gate)
  // The scope (user and subject) is part of what is asked: another subject's report is not found.
  const progress = useReportProgress(scope && id, scope)
  const { report } = progress

  return (
    <PageShell name='rd' gate={gate} what='查看信用报告' subject>
      {!id || (!report && progress.errorStatus === 404) ? (
        <StateView error icon={warningIcon} title='信用报告不存在或无权查看' description='请从“信用报告”列表打开您的报告。' actionText='查看我的报告' onAction={() => replacePage(routes.reports)} />
      ) : !report && progress.error ? (
        <StateView error icon={warningIcon} title='信用报告加载失败' description={progress.error} actionText='重试' onAction={progress.reload} />
      ) : !report ? (
        <Skeleton cards={1} lines={5} label='正在加载信用报告' />
      ) : report.status === 'pending' ? (
        <Progress polls={progress.polls} error={progress.error} />
      ) : report.status === 'failed' ? (
        <StateView
          error
          icon={warningIcon}
          title='报告生成失败'
          description='本次未能生成报告，不占用免费次数。请重新生成；如多次失败，请稍后再试。'
          actionText='重新生成'
          onAction={() => replacePage(withQuery(routes.reportGenerate, { kind: report.kind }))}
        />
      ) : (
        <Ready report={report} />
      )}
    </PageShell>
  )
}
