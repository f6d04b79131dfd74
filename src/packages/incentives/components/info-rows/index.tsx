// Label–value rows (地址, 开放时间 …); rows without a value are left out.
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function InfoRows({ rows }: { rows: { label: string; value: string | null | undefined }[] }) {
  const shown = rows.filter((r): r is { label: string; value: string } => Boolean(r.value))
  if (shown.length === 0) return null
  return (
    <View className='info-rows'>
      {shown.map((r) => (
        <View key={r.label} className='info-row'>
          <Text className='info-row-label'>{r.label}</Text>
          <Text className='info-row-value'>{r.value}</Text>
        </View>
      ))}
    </View>
  )
}
