// One incentive in the catalog: what it is, who offers it, its rule, and whether the user may use
// it (or why not). Tapping opens its detail and claim page.
import { Text, View } from '@tarojs/components'
import Icon from '../../../../components/icon'
import { openPage } from '../../../../platform/navigation'
import type { Incentive } from '../../../../services/incentives-api'
import { categoryIcon } from '../../labels'
import { detailUrl } from '../../routes'
import AudienceSwitch, { useWrongAudience } from '../audience-switch'
import EligibilityNote from '../eligibility-note'
import './index.scss'

export default function IncentiveCard({ item }: { item: Incentive }) {
  const wrongAudience = useWrongAudience(item)
  return (
    <View
      className='card incentive-card'
      role='link'
      data-incentive={item.id}
      onClick={() => openPage(detailUrl(item.id))}
    >
      <View className='incentive-card-head'>
        <View className={`incentive-card-icon ${item.eligible ? '' : 'incentive-card-icon-off'}`}>
          <Icon className='incentive-card-icon-img' src={categoryIcon(item.category)} />
        </View>
        <View className='incentive-card-title-box'>
          <View className='incentive-card-title-row'>
            <Text className='incentive-card-title'>{item.name}</Text>
            <Text className={`tag ${item.eligible ? 'tag-ok' : 'tag-muted'}`}>{item.eligible ? '可享受' : '暂不符合'}</Text>
          </View>
          <Text className='incentive-card-provider'>
            {item.categoryName} · {item.provider}
          </Text>
          <Text className={`tag ${wrongAudience ? 'tag-warn' : 'tag-accent'} incentive-card-audience`}>{item.audienceName}</Text>
        </View>
      </View>
      <Text className='incentive-card-summary'>{item.summary}</Text>
      <View className='incentive-card-rule'>
        <Text className='incentive-card-rule-label'>享受条件</Text>
        <Text className='incentive-card-rule-text'>{item.rule}</Text>
      </View>
      {!item.eligible && <EligibilityNote eligible={false} reasons={item.reasons} />}
      <AudienceSwitch item={item} compact />
      <View className='incentive-card-more'>
        <Text>{item.eligible && !wrongAudience && item.claimKind !== 'none' ? (item.claimKind === 'voucher' ? '领取卡券' : '申请免押') : '查看详情'}</Text>
        <Text className='incentive-card-chevron'>›</Text>
      </View>
    </View>
  )
}
