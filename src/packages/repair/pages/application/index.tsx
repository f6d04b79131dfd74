// One repair application: its steps with who acted, when, and the due date (overdue and
// estimated dates said so), the decision and its reasons; a rejected one can be made again.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessState from '../../../../features/credit/components/access-state'
import { formatDateTime } from '../../../../features/credit/format'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import FreeNotice from '../../../../features/repair/components/free-notice'
import { STATUS_TONES } from '../../../../features/repair/format'
import { repairRoutes } from '../../../../features/repair/routes'
import { usePageClass } from '../../../../hooks/use-page-class'
import { useRemote } from '../../../../hooks/use-remote'
import { goBack, openPage, readParam, routes } from '../../../../platform/navigation'
import { fetchRepair, type RepairStep } from '../../../../services/repairs-api'
import warningIcon from '../../../../assets/icons/warning.svg'
import './index.scss'

export function StepTimeline({ steps }: { steps: RepairStep[] }) {
  return (
    <View className='rtimeline' role='list' aria-label='办理进度'>
      {steps.map((s, n) => (
        <View key={s.status} className={`rstep ${s.done ? 'rstep-done' : ''}`} role='listitem'>
          <View className='rstep-dot' />
          <View className='rstep-body'>
            <Text className='rstep-title'>{`${s.status} · ${s.title}`}</Text>
            {s.at && <Text className='muted'>{`${formatDateTime(s.at)}${s.actor ? ` · ${s.actor}` : ''}`}</Text>}
            {s.dueDate && (
              <Text className={`rstep-due ${s.overdue ? 'rstep-overdue' : ''}`}>
                {`${s.done ? '期限' : '最迟'} ${s.dueDate}${s.overdue ? (s.done ? '（逾期办结）' : '（已逾期）') : ''}`}
              </Text>
            )}
            {s.note && <Text className='muted'>{s.note}</Text>}
            {s.outcomeLabel && <Text className='rstep-outcome'>{`结果：${s.outcomeLabel}`}</Text>}
            {s.reasons && <Text className='rstep-reasons'>{`理由：${s.reasons}`}</Text>}
          </View>
          {n < steps.length - 1 && <View className='rstep-line' />}
        </View>
      ))}
    </View>
  )
}

export default function ApplicationPage() {
  const pageClass = usePageClass('application')
  const id = readParam(useRouter().params, 'id') ?? ''
  const credit = useCreditSubject()
  const remote = useRemote(credit.access === 'ready' && id ? `${credit.scope}|repair|${id}` : null, () => fetchRepair(id))
  usePullDownRefresh(() => void remote.reload().finally(() => Taro.stopPullDownRefresh()))

  if (credit.access !== 'ready') {
    return (
      <View className={pageClass}>
        <PrivacyConsent />
        <AccessState access={credit.access} />
      </View>
    )
  }
  if (!id || remote.status === 'error') {
    const retry = Boolean(id) && remote.errorStatus !== 404
    return (
      <View className={pageClass}>
        <StateView
          error
          icon={warningIcon}
          title={retry ? '申请加载失败' : '申请不存在或无权查看'}
          description={retry ? remote.error ?? undefined : '该申请可能不属于当前身份，请切换身份后再试。'}
          actionText={retry ? '重试' : '返回'}
          onAction={() => (retry ? void remote.reload({ reset: true }) : goBack(routes.home))}
        />
      </View>
    )
  }
  if (!remote.data) {
    return (
      <View className={pageClass}>
        <Skeleton cards={2} lines={4} label='正在加载修复申请' />
      </View>
    )
  }
  const a = remote.data
  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <View className='card'>
        <View className='app-head'>
          <Text className='app-title'>{a.record.title}</Text>
          <Text className={`tag tag-${STATUS_TONES[a.status]}`}>{a.status}</Text>
        </View>
        <Text className='muted'>{`${a.record.department}${a.record.documentNo ? ` · ${a.record.documentNo}` : ''}`}</Text>
        {a.status === '审核中' && a.dueDate && <Text className='app-line'>{`最迟 ${a.dueDate} 前作出决定${a.dueDateNote ? `（${a.dueDateNote}）` : ''}`}</Text>}
        {a.status === '审核中' && <Text className='app-line'>{`获准后信用分预计为 ${a.scoreExpected} 分`}</Text>}
        {a.status === '已通过' && <Text className='app-line app-ok'>记录已修复，停止公示，不再计入信用分。</Text>}
        {a.status === '未通过' && <Text className='app-line app-rejected'>{`未通过的理由：${a.decisionReasons ?? ''}。补正后可以重新申请。`}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>办理进度</Text>
        <StepTimeline steps={a.steps} />
      </View>

      <View className='card'>
        <Text className='section-title'>申请材料</Text>
        <Text className='app-line'>{`履行证明 ${a.attachments.length} 个文件`}</Text>
        <Text className='app-line'>{`《${a.commitment.title}》回执 ${a.commitment.receiptNo}`}</Text>
      </View>

      {a.status === '未通过' && <ActionButton onClick={() => openPage(repairRoutes.apply(a.recordId))}>补正后重新申请</ActionButton>}
      <FreeNotice />
    </View>
  )
}
