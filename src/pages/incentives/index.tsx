// 守信激励: the incentive programmes that are coming. No eligibility is shown until the
// incentive service can compute it from the person's real record.
import { Text, View } from '@tarojs/components'
import Icon from '../../components/icon'
import PrivacyConsent from '../../components/privacy-consent'
import { incentives } from '../../features/catalog/entries'
import './index.scss'

export default function IncentivesPage() {
  return (
    <View className='page incentives'>
      <PrivacyConsent />

      <View className='card incentives-intro'>
        <Text className='incentives-intro-title'>守信者处处便利</Text>
        <Text className='incentives-intro-text'>
          信用良好的市民和企业可以享受以下激励措施。各项目开放后，这里会按您本人的信用状况，逐项说明能否享受以及原因。
        </Text>
      </View>

      {incentives.map((item) => (
        <View key={item.id} className='card incentive' aria-label={`${item.title}，即将开放`}>
          <View className='incentive-icon'>
            <Icon className='incentive-icon-img' src={item.icon} />
          </View>
          <View className='incentive-body'>
            <View className='incentive-head'>
              <Text className='incentive-title'>{item.title}</Text>
              <Text className='tag tag-muted'>即将开放</Text>
            </View>
            <Text className='incentive-desc'>{item.description}</Text>
          </View>
        </View>
      ))}

      <Text className='incentives-note'>
        享受条件以各项目开放时公布的规则为准；列入严重失信主体名单的，依法不能享受守信激励。
      </Text>
    </View>
  )
}
