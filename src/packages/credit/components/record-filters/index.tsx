// The record list's filters: 全部 / 正面 / 负面, then 类别 and 状态 as rows of chips that scroll
// sideways (with a fade at the edge while there is more), or wrap in 长辈模式.
import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { POLARITY_LABELS, RECORD_KINDS, RECORD_STATUSES } from '../../../../features/credit/labels'
import type { Polarity, RecordFilter, RecordStatus } from '../../../../services/types'
import { usePreferencesStore } from '../../../../stores/preferences'
import './index.scss'

interface Option<T> {
  value: T | undefined
  label: string
}

function ChipRow<T extends string>({ name, options, value, onChange }: { name: string; options: Option<T>[]; value: T | undefined; onChange(v: T | undefined): void }) {
  const elderly = usePreferencesStore((s) => s.elderly)
  // Whether the row has been scrolled to its right end: until then a fade says there is more.
  const [atEnd, setAtEnd] = useState(false)
  const chips = (
    <View className={`filters-chips ${elderly ? 'filters-chips-wrap' : ''}`} role='radiogroup' aria-label={name}>
      {options.map((o) => {
        const on = o.value === value
        return (
          <View
            key={o.label}
            className={`chip ${on ? 'chip-on' : ''}`}
            role='radio'
            aria-checked={on}
            aria-label={`${name}：${o.label}`}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </View>
        )
      })}
    </View>
  )
  return (
    <View className={`filters-row ${elderly ? 'filters-row-wrap' : ''}`}>
      <Text className='filters-row-name'>{name}</Text>
      {elderly ? (
        // Large chips would leave one or two in view: 长辈模式 shows them all, on as many lines as needed.
        chips
      ) : (
        <View className='filters-scroll-box'>
          <ScrollView
            scrollX
            className='filters-scroll'
            enhanced
            showScrollbar={false}
            lowerThreshold={16}
            upperThreshold={16}
            onScrollToLower={() => setAtEnd(true)}
            onScrollToUpper={() => setAtEnd(false)}
          >
            {chips}
          </ScrollView>
          {!atEnd && <View className='filters-fade' data-testid={`filters-fade-${name}`} />}
        </View>
      )}
    </View>
  )
}

const polarities: Option<Polarity>[] = [
  { value: undefined, label: '全部' },
  { value: 'positive', label: POLARITY_LABELS.positive },
  { value: 'negative', label: POLARITY_LABELS.negative },
]
const kinds: Option<string>[] = [{ value: undefined, label: '全部' }, ...RECORD_KINDS.map((k) => ({ value: k, label: k }))]
const statuses: Option<RecordStatus>[] = [{ value: undefined, label: '全部' }, ...RECORD_STATUSES.map((s) => ({ value: s, label: s }))]

export default function RecordFilters({ filter, onChange }: { filter: RecordFilter; onChange(f: RecordFilter): void }) {
  return (
    <View className='card filters'>
      <View className='segments' role='radiogroup' aria-label='性质'>
        {polarities.map((o) => {
          const on = o.value === filter.polarity
          return (
            <View
              key={o.label}
              className={`segment ${on ? 'segment-on' : ''}`}
              role='radio'
              aria-checked={on}
              aria-label={`性质：${o.label}`}
              onClick={() => onChange({ ...filter, polarity: o.value })}
            >
              {o.label}
            </View>
          )
        })}
      </View>
      <ChipRow name='类别' options={kinds} value={filter.kind} onChange={(kind) => onChange({ ...filter, kind })} />
      <ChipRow name='状态' options={statuses} value={filter.status} onChange={(status) => onChange({ ...filter, status })} />
    </View>
  )
}
