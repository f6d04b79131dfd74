// Whether the user may use an incentive, and why, in the server's own words.
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function EligibilityNote({ eligible, reasons }: { eligible: boolean; reasons: string[] }) {
  return (
    <View className={`eligibility ${eligible ? 'eligibility-ok' : 'eligibility-no'}`} aria-label={`${eligible ? '符合条件' : '暂不符合'}：${reasons.join('；')}`}>
      <Text className='eligibility-label'>{eligible ? '符合条件' : '暂不符合'}</Text>
      <View className='eligibility-reasons'>
        {reasons.map((r) => (
          <Text key={r} className='eligibility-reason'>
            {r}
          </Text>
        ))}
      </View>
    </View>
  )
}
