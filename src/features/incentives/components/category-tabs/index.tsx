// A row of filter tabs (a segmented control): one is selected; each says its full name to a
// screen reader.
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface TabOption<K extends string> {
  key: K
  label: string
  /** what a screen reader says, when the label is short (游 → 信易游) */
  full?: string
}

export default function CategoryTabs<K extends string>({ tabs, value, onChange }: { tabs: TabOption<K>[]; value: K; onChange: (key: K) => void }) {
  return (
    <View className='seg-tabs' role='tablist'>
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`seg-tab ${t.key === value ? 'seg-tab-on' : ''}`}
          role='tab'
          aria-selected={t.key === value}
          aria-label={t.full ?? t.label}
          onClick={() => t.key !== value && onChange(t.key)}
        >
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  )
}
