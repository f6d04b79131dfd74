// Repair is free: said plainly wherever a citizen plans or applies, with the warning against paid
// "信用修复" services (a common scam).
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function FreeNotice() {
  return (
    <View className='free-notice' role='note'>
      <Text className='free-notice-title'>信用修复免费办理</Text>
      <Text className='free-notice-text'>
        在本平台申请信用修复不收取任何费用，也无需委托中介。凡自称可以“付费修复”“内部渠道删除失信记录”的，均涉嫌诈骗，请勿轻信、切勿转账。
      </Text>
    </View>
  )
}
