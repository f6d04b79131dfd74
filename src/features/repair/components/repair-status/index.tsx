// On a negative record's page, from the day it appears (两书同达): whether, how and from which date
// it can be repaired, what is still missing, and the score once it is — with the way to the planner
// and, when it can be repaired now, to the application.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchEligibility } from '../../../../services/repairs-api'
import { STATE_LABELS, STATE_TONES } from '../../format'
import { repairRoutes } from '../../routes'
import './index.scss'

export default function RepairStatus({ recordId, scope }: { recordId: string; scope: string }) {
  // one answer per subject, shared by every record page; a filing, a decision or confirmed hours refresh it
  const remote = useQuery(`eligibility|${scope}`, fetchEligibility, { topics: ['cases', 'credit', 'service'] })
  if (remote.status === 'error') {
    return (
      <View className='card repair-status'>
        <Text className='section-title'>信用修复</Text>
        <Text className='muted'>修复条件暂时无法加载：{remote.error}</Text>
        <ActionButton small kind='secondary' onClick={() => void remote.reload({ reset: true })}>
          重试
        </ActionButton>
      </View>
    )
  }
  const item = remote.data?.items.find((i) => i.recordId === recordId)
  if (!item) return null
  return (
    <View className='card repair-status' aria-label='信用修复'>
      <View className='repair-status-head'>
        <Text className='section-title repair-status-title'>信用修复</Text>
        <Text className={`tag tag-${STATE_TONES[item.state]}`}>{STATE_LABELS[item.state]}</Text>
      </View>
      {item.state !== 'never' && item.eligibleFrom && (
        <Text className='repair-status-line'>
          {item.severity ? `${item.severity}失信信息公示满 ${item.repairAfterMonths} 个月后可申请修复，` : ''}
          {`${item.eligibleFrom} 起可申请`}
        </Text>
      )}
      {item.state !== 'never' && (
        <Text className='repair-status-line'>{`需要：履行证明 + 《信用修复承诺书》${item.hoursRequired > 0 ? ` + 公益服务 ${item.hoursRequired} 小时（已确认 ${item.hoursConfirmed} 小时）` : ''}`}</Text>
      )}
      {item.missing.length > 0 && (
        <View className='repair-status-missing'>
          {item.missing.map((m) => (
            <Text key={m} className='repair-status-missing-item'>
              {item.state === 'never' ? m : `还缺：${m}`}
            </Text>
          ))}
        </View>
      )}
      {item.lastRejection && item.state !== 'never' && <Text className='repair-status-line repair-status-rejected'>{`上次申请未通过：${item.lastRejection.reasons}`}</Text>}
      {item.state !== 'never' && item.scoreAfter !== item.scoreNow && (
        <Text className='repair-status-line'>{`修复后信用分预计由 ${item.scoreNow} 分变为 ${item.scoreAfter} 分`}</Text>
      )}
      <View className='repair-status-actions'>
        {item.state === 'eligible' && <ActionButton onClick={() => openPage(repairRoutes.apply(recordId))}>申请信用修复</ActionButton>}
        <ActionButton kind='secondary' onClick={() => openPage(repairRoutes.planner)}>
          查看修复规划
        </ActionButton>
      </View>
      <Text className='muted repair-status-free'>信用修复免费办理，请勿相信任何收费“代办修复”。</Text>
    </View>
  )
}
