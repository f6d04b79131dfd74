// Says which enterprise a credit page is about, when the user acts for one.
import { Text, View } from '@tarojs/components'
import Icon from '../icon'
import type { SubjectRef } from '../../services/types'
import enterpriseIcon from '../../assets/icons/enterprise.svg'

export default function SubjectBanner({ enterprise }: { enterprise: SubjectRef | null }) {
  if (!enterprise) return null
  return (
    <View className='subject-banner'>
      <Icon className='subject-banner-icon' src={enterpriseIcon} />
      <Text className='subject-banner-text'>
        企业：{enterprise.name}
      </Text>
    </View>
  )
}
