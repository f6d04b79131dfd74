// The state filter above every officer queue (待办 / 待受理 / … / 已办结): one row of chips, the
// chosen one in the accent colour and announced as selected.
import { View } from '@tarojs/components'
import './index.scss'

export interface QueueFilter<T> {
  value: T
  label: string
}

export default function QueueFilters<T>({ filters, value, onChange }: { filters: readonly QueueFilter<T>[]; value: T; onChange(next: T): void }) {
  return (
    <View className='officer-filters' role='tablist' aria-label='按状态筛选'>
      {filters.map((f) => (
        <View key={f.label} className={`officer-filter ${value === f.value ? 'officer-filter-on' : ''}`} role='tab' aria-selected={value === f.value} onClick={() => onChange(f.value)}>
          {f.label}
        </View>
      ))}
    </View>
  )
}
